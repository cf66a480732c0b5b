import { describe, expect, it } from 'vitest';
import { detectFromUrl } from '@/lib/detect-url';
import { buildRecord } from '@/lib/db/notes';
import { emptyFields } from '@/lib/notes/derive';
import { headerModel } from '@/lib/notes/header';
import { pageUrls } from '@/lib/notes/identifiers';
import { paperLinks } from '@/lib/paper-links';
import { USENIX_HITS } from './url-cases';

const usenixLink = (links: { label: string; url: string }[]) => links.find((l) => l.label === 'USENIX')?.url;

describe('the USENIX link of a paper', () => {
  it.each(USENIX_HITS.filter(([, , kind]) => kind === 'presentation'))('seen at %s is that page (its program folder kept)', (url, key) => {
    const link = usenixLink(paperLinks(detectFromUrl(url)!))!;
    expect(link).toBe(`https://www.usenix.org${new URL(url).pathname.replace(/\/$/, '')}`);
    expect(detectFromUrl(link)?.key).toBe(key);
  });

  it('of a paper seen only at its PDF is the form today’s conferences use', () => {
    expect(usenixLink(paperLinks(detectFromUrl('https://www.usenix.org/system/files/osdi24-agrawal.pdf')!))).toBe('https://www.usenix.org/conference/osdi24/presentation/agrawal');
  });

  it('of a note is the presentation page it was seen at, wherever the panel shows it (its PDF, its arXiv page)', () => {
    const page = 'https://www.usenix.org/conference/osdi14/technical-sessions/presentation/chilimbi';
    const record = buildRecord(
      emptyFields({ title: 'Project Adam', usenixKey: 'osdi14/chilimbi', urls: pageUrls(detectFromUrl(page)!) }),
      { id: 'p', createdAt: 1, updatedAt: 1, rev: 1, origin: 'user' },
    );
    for (const at of [undefined, detectFromUrl('https://www.usenix.org/system/files/conference/osdi14/osdi14-paper-chilimbi.pdf')!]) {
      expect(usenixLink(headerModel(record, at).links)).toBe(page);
    }
  });
});

import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { venueDownload } from '@/lib/export/pages';
import { emptyFields } from '@/lib/notes/derive';

const listed = emptyFields({ title: 'Taming Throughput-Latency Tradeoff', venue: 'OSDI 2024', topic: 'LLMs', affiliations: 'MSR India & GaTech', note: '* Chunked-prefills\n' });

describe('downloading a venue', () => {
  it('is its conference page when every note fits in it', () => {
    const file = venueDownload(undefined, 'OSDI 2024', [listed]);
    expect(file).toMatchObject({ fileName: 'osdi-2024.md', type: 'text/markdown' });
    expect(file.contents).toContain('* Chunked-prefills');
  });

  it('is a folder with the pages of notes that need their own, none of them lost', () => {
    const tagged = emptyFields({ ...listed, title: 'A tagged paper', tags: ['llm'], note: '* Only on its own page\n' });
    const file = venueDownload(undefined, 'OSDI 2024', [listed, tagged]);
    expect(file).toMatchObject({ fileName: 'osdi-2024.zip', type: 'application/zip' });
    const pages = Object.values(unzipSync(file.contents as Uint8Array)).map((bytes) => strFromU8(bytes)).join('\n');
    expect(pages).toContain('* Only on its own page');
    expect(pages).toContain('* Chunked-prefills');
  });
});

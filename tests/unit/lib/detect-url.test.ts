import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFromUrl, detectPageUrl, withVenue } from '@/lib/detect-url';
import { paperOfLink } from '@/lib/notes/identifiers';
import { canonicalArxivId } from '@/lib/sources/arxiv';
import { usenixVenue } from '@/lib/sources/usenix';
import { ARXIV_HITS, MISSES, USENIX_HITS } from './url-cases';

describe('detectFromUrl', () => {
  it.each(ARXIV_HITS)('arXiv %s → %s (%s)', (url, key, kind, version) => {
    const ref = detectFromUrl(url);
    expect(ref).toMatchObject({ key, kind, source: 'arxiv', arxivId: key.slice(6) });
    expect(ref?.version).toBe(version);
  });

  it.each(USENIX_HITS)('USENIX %s → %s (%s)', (url, key, kind) => {
    expect(detectFromUrl(url)).toMatchObject({ key, kind, source: 'usenix', usenixKey: key.slice(7) });
  });

  it.each(MISSES)('not a paper: %s', (url) => {
    expect(detectFromUrl(url)).toBeNull();
  });

  it('for the content script, reads the same pages, and no USENIX PDF (a PDF runs no script)', () => {
    for (const [url, key, kind] of [...ARXIV_HITS, ...USENIX_HITS]) {
      if (kind === 'pdf' && key.startsWith('usenix:')) expect(detectPageUrl(url)).toBeNull();
      else expect(detectPageUrl(url)).toEqual(detectFromUrl(url));
    }
    for (const url of MISSES) expect(detectPageUrl(url)).toBeNull();
  });

  it('keeps the URL it was given', () => {
    const url = 'https://arxiv.org/abs/2403.02310v2?context=cs.DC';
    expect(detectFromUrl(url)?.url).toBe(url);
  });

  it('reads links as it reads pages, skipping only text that cannot name an arXiv or USENIX page', () => {
    // Hosts the URL parser maps to ours: escapes, other cases, full-width letters, tabs, backslashes.
    const spelling = fc.constantFrom('arxiv.org', 'ARXIV.org', 'arxiv%2Eorg', 'arxiv%2eorg', 'ａｒｘｉｖ.org', 'arx\tiv.org', 'ar\nxiv.org', 'www.usenix.org', 'usenix%2Eorg', 'ｕｓｅｎｉｘ．org', 'USENIX.ORG', 'example.org', 'arxiv.org.evil.com');
    const path = fc.constantFrom('/abs/2403.02310', '/pdf/2403.02310v2', '/conference/osdi24/presentation/agrawal', '\\abs\\2403.02310', '/system/files/osdi24-agrawal.pdf', '/list/cs.DC/new');
    const href = fc.oneof(
      fc.tuple(fc.constantFrom('https://', 'http://', 'HTTPS://', ' https://', 'https:/', 'https:\\\\'), spelling, path).map((parts) => parts.join('')),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.string(),
    );
    // The spellings do reach papers, so the comparison below is not between two nulls.
    for (const url of ['https://arxiv%2Eorg/abs/2403.02310', 'https://ａｒｘｉｖ.org/abs/2403.02310', 'HTTPS://USENIX.ORG/conference/osdi24/presentation/agrawal', 'https://arx\tiv.org/pdf/2403.02310v2']) {
      expect(paperOfLink(url)).not.toBeNull();
    }
    expect(paperOfLink('https://example.org/abs/2403.02310')).toBeNull();
    fc.assert(
      fc.property(href, (url) => {
        expect(paperOfLink(url)).toEqual(detectFromUrl(url));
      }),
      { numRuns: 2000 },
    );
  });

  it('has at least 60 cases across sources', () => {
    expect(ARXIV_HITS.length + USENIX_HITS.length + MISSES.length).toBeGreaterThanOrEqual(60);
  });
});

describe('canonicalArxivId', () => {
  it.each([
    ['2403.02310', '2403.02310'],
    ['0704.0001', '0704.0001'],
    ['math.GT/0309136', 'math/0309136'],
    ['hep-th/9901001', 'hep-th/9901001'],
    ['2403.0231', null],
    ['1412.12345', null],
    ['hep-th/99010011', null],
  ])('%s → %s', (raw, id) => {
    expect(canonicalArxivId(raw)).toBe(id);
  });
});

describe('usenixVenue', () => {
  it.each([
    ['osdi24/agrawal', 'OSDI 2024', 2024],
    ['nsdi23', 'NSDI 2023', 2023],
    ['atc23/x', 'ATC 2023', 2023],
    ['fast24', 'FAST 2024', 2024],
    ['usenixsecurity24/x', 'USENIX Security 2024', 2024],
    ['soups2019/x', 'SOUPS 2019', 2019],
    ['hotos21/x', 'HotOS 2021', 2021],
    ['osdi99/x', 'OSDI 1999', 1999],
    ['enigma2024/x', 'ENIGMA 2024', 2024],
    // A code named like an Object property is a code like any other.
    ['constructor24/x', 'CONSTRUCTOR 2024', 2024],
  ])('%s → %s', (code, venue, year) => {
    expect(usenixVenue(code)).toEqual({ venue, year });
  });

  it('labels references from USENIX URLs', () => {
    expect(detectFromUrl('https://www.usenix.org/system/files/constructor22-bulekov.pdf')).toMatchObject({ usenixKey: 'constructor22/bulekov' });
    const ref = detectFromUrl('https://www.usenix.org/system/files/sec22-bulekov.pdf')!;
    expect(withVenue(ref)).toMatchObject({ venue: 'USENIX Security 2022', year: 2022 });
    const arxiv = detectFromUrl('https://arxiv.org/abs/2403.02310')!;
    expect(withVenue(arxiv)).toBe(arxiv);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFromUrl, withVenue } from '@/lib/detect-url';
import { paperOfLink } from '@/lib/notes/identifiers';
import { canonicalArxivId } from '@/lib/sources/arxiv';
import { usenixVenue } from '@/lib/sources/usenix';

type Hit = [url: string, key: string, kind: string, version?: number];

const ARXIV_HITS: Hit[] = [
  ['https://arxiv.org/abs/2403.02310', 'arxiv:2403.02310', 'abstract'],
  ['https://arxiv.org/abs/2403.02310v2', 'arxiv:2403.02310', 'abstract', 2],
  ['http://arxiv.org/abs/2403.02310v1', 'arxiv:2403.02310', 'abstract', 1],
  ['https://www.arxiv.org/abs/2403.02310', 'arxiv:2403.02310', 'abstract'],
  ['https://export.arxiv.org/abs/2403.02310v3', 'arxiv:2403.02310', 'abstract', 3],
  ['https://browse.arxiv.org/abs/2403.02310', 'arxiv:2403.02310', 'abstract'],
  ['https://arxiv.org/abs/2403.02310/', 'arxiv:2403.02310', 'abstract'],
  ['https://arxiv.org/abs/2403.02310?context=cs.DC', 'arxiv:2403.02310', 'abstract'],
  ['https://arxiv.org/abs/2403.02310v2#comments', 'arxiv:2403.02310', 'abstract', 2],
  ['https://arxiv.org/abs/1207.0580', 'arxiv:1207.0580', 'abstract'],
  ['https://arxiv.org/abs/0704.0001', 'arxiv:0704.0001', 'abstract'],
  ['https://arxiv.org/abs/1412.9999', 'arxiv:1412.9999', 'abstract'],
  ['https://arxiv.org/abs/1501.00001', 'arxiv:1501.00001', 'abstract'],
  ['https://arxiv.org/abs/1604.06174', 'arxiv:1604.06174', 'abstract'],
  ['https://arxiv.org/pdf/2403.02310', 'arxiv:2403.02310', 'pdf'],
  ['https://arxiv.org/pdf/2403.02310v2', 'arxiv:2403.02310', 'pdf', 2],
  ['https://arxiv.org/pdf/2403.02310.pdf', 'arxiv:2403.02310', 'pdf'],
  ['https://arxiv.org/pdf/2403.02310v2.pdf', 'arxiv:2403.02310', 'pdf', 2],
  ['https://export.arxiv.org/pdf/2312.07104v1', 'arxiv:2312.07104', 'pdf', 1],
  ['https://arxiv.org/pdf/1604.06174.pdf?download=1', 'arxiv:1604.06174', 'pdf'],
  ['https://arxiv.org/html/2403.02310v1', 'arxiv:2403.02310', 'html', 1],
  ['https://arxiv.org/html/2403.02310v1/', 'arxiv:2403.02310', 'html', 1],
  ['https://arxiv.org/html/2403.02310v1/#S3', 'arxiv:2403.02310', 'html', 1],
  ['https://arxiv.org/html/2403.02310v2/S3.html', 'arxiv:2403.02310', 'html', 2],
  ['https://arxiv.org/html/2403.02310', 'arxiv:2403.02310', 'html'],
  ['https://arxiv.org/format/2403.02310', 'arxiv:2403.02310', 'format'],
  ['https://arxiv.org/format/2403.02310v1', 'arxiv:2403.02310', 'format', 1],
  ['https://arxiv.org/abs/hep-th/9901001', 'arxiv:hep-th/9901001', 'abstract'],
  ['https://arxiv.org/abs/hep-th/9901001v1', 'arxiv:hep-th/9901001', 'abstract', 1],
  ['https://arxiv.org/abs/math.GT/0309136', 'arxiv:math/0309136', 'abstract'],
  ['https://arxiv.org/abs/math/0309136v2', 'arxiv:math/0309136', 'abstract', 2],
  ['https://arxiv.org/abs/cs/0112017', 'arxiv:cs/0112017', 'abstract'],
  ['https://arxiv.org/pdf/cs/0112017v1', 'arxiv:cs/0112017', 'pdf', 1],
  ['https://arxiv.org/pdf/hep-th/9901001.pdf', 'arxiv:hep-th/9901001', 'pdf'],
  ['https://arxiv.org/abs/cond-mat.stat-mech/0102536', 'arxiv:cond-mat/0102536', 'abstract'],
];

const USENIX_HITS: Hit[] = [
  ['https://www.usenix.org/conference/osdi24/presentation/agrawal', 'usenix:osdi24/agrawal', 'presentation'],
  ['https://usenix.org/conference/osdi24/presentation/agrawal', 'usenix:osdi24/agrawal', 'presentation'],
  ['http://www.usenix.org/conference/osdi24/presentation/agrawal/', 'usenix:osdi24/agrawal', 'presentation'],
  ['https://www.usenix.org/conference/osdi24/presentation/sun-biao', 'usenix:osdi24/sun-biao', 'presentation'],
  ['https://www.usenix.org/conference/nsdi23/presentation/zhang-hong?utm=x#abstract', 'usenix:nsdi23/zhang-hong', 'presentation'],
  ['https://www.usenix.org/conference/atc23/presentation/li-jiamin', 'usenix:atc23/li-jiamin', 'presentation'],
  ['https://www.usenix.org/conference/fast24/presentation/kim', 'usenix:fast24/kim', 'presentation'],
  ['https://www.usenix.org/conference/usenixsecurity24/presentation/smith', 'usenix:usenixsecurity24/smith', 'presentation'],
  ['https://www.usenix.org/conference/soups2019/presentation/doe', 'usenix:soups2019/doe', 'presentation'],
  ['https://www.usenix.org/conference/osdi14/technical-sessions/presentation/chilimbi', 'usenix:osdi14/chilimbi', 'presentation'],
  ['https://www.usenix.org/system/files/osdi24-agrawal.pdf', 'usenix:osdi24/agrawal', 'pdf'],
  ['https://www.usenix.org/system/files/nsdi22-paper-goyal.pdf', 'usenix:nsdi22/goyal', 'pdf'],
  ['https://www.usenix.org/system/files/sec22-bulekov.pdf', 'usenix:usenixsecurity22/bulekov', 'pdf'],
  ['https://www.usenix.org/system/files/sec18-ghasemisharif_0.pdf', 'usenix:usenixsecurity18/ghasemisharif', 'pdf'],
  ['https://www.usenix.org/system/files/conference/osdi14/osdi14-paper-chilimbi.pdf', 'usenix:osdi14/chilimbi', 'pdf'],
  ['https://usenix.org/system/files/atc23-zhai.pdf', 'usenix:atc23/zhai', 'pdf'],
  ['https://www.usenix.org/system/files/osdi24-sun-biao.pdf', 'usenix:osdi24/sun-biao', 'pdf'],
];

const MISSES: string[] = [
  'https://arxiv.org/',
  'https://arxiv.org/list/cs.DC/recent',
  'https://arxiv.org/list/cs.DC/2403',
  'https://arxiv.org/search/?query=llm+serving&searchtype=all',
  'https://arxiv.org/a/agrawal_a_1',
  'https://arxiv.org/abs/',
  'https://arxiv.org/abs/2413.00001',
  'https://arxiv.org/abs/2400.00001',
  'https://arxiv.org/abs/1412.00001',
  'https://arxiv.org/abs/1501.0001',
  'https://arxiv.org/abs/0612.0001',
  'https://arxiv.org/abs/hep-th/0813001',
  'https://arxiv.org/abs/hep-th/1201001',
  'https://arxiv.org/abs/2403.02310.pdf',
  'https://arxiv.org/abs/2403.02310/figure1',
  'https://arxiv.org/help/api',
  'https://info.arxiv.org/help/submit.html',
  'https://notarxiv.org/abs/2403.02310',
  'https://arxiv.org.evil.example/abs/2403.02310',
  'ftp://arxiv.org/abs/2403.02310',
  'https://www.usenix.org/',
  'https://www.usenix.org/conference/osdi24',
  'https://www.usenix.org/conference/osdi24/technical-sessions',
  'https://www.usenix.org/conference/osdi24/program',
  'https://www.usenix.org/conference/osdi24/presentation',
  'https://www.usenix.org/conference/osdi24/presentation/',
  'https://www.usenix.org/system/files/osdi24_full_proceedings.pdf',
  'https://www.usenix.org/system/files/osdi24-slides-agrawal.pdf',
  'https://www.usenix.org/system/files/osdi24_slides_agrawal.pdf',
  'https://www.usenix.org/publications/login',
  'https://static.usenix.org/events/osdi10/tech/full_papers/Beaver.pdf',
  'https://example.com/conference/osdi24/presentation/agrawal',
  'https://github.com/microsoft/sarathi-serve',
  'not a url',
  '',
];

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
  ])('%s → %s', (code, venue, year) => {
    expect(usenixVenue(code)).toEqual({ venue, year });
  });

  it('labels references from USENIX URLs', () => {
    const ref = detectFromUrl('https://www.usenix.org/system/files/sec22-bulekov.pdf')!;
    expect(withVenue(ref)).toMatchObject({ venue: 'USENIX Security 2022', year: 2022 });
    const arxiv = detectFromUrl('https://arxiv.org/abs/2403.02310')!;
    expect(withVenue(arxiv)).toBe(arxiv);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPaper } from '@/lib/detect';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'pages');
const page = (file: string) => new DOMParser().parseFromString(readFileSync(join(FIXTURES, file), 'utf8'), 'text/html');
const SARATHI = 'Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve';

describe('detectPaper on fixture pages', () => {
  it('reads an arXiv abstract page: meta tags, authors as "First Last", version from the URL', () => {
    const paper = detectPaper('https://arxiv.org/abs/2403.02310v2', page('arxiv-abs-2403.02310v2.html'));
    expect(paper).toMatchObject({
      key: 'arxiv:2403.02310',
      kind: 'abstract',
      arxivId: '2403.02310',
      version: 2,
      title: 'Taming throughput-latency tradeoff in LLM inference with Sarathi-Serve',
      date: '2024/03/04',
      pdfUrl: 'https://arxiv.org/pdf/2403.02310',
    });
    expect(paper?.authors?.slice(0, 2)).toEqual(['Amey Agrawal', 'Nitin Kedia']);
    expect(paper?.authors).toHaveLength(8);
    expect(paper?.abstract?.length).toBeGreaterThan(50);
  });

  it('reads the arXiv HTML version, which has no meta tags: title and authors from LaTeXML', () => {
    const paper = detectPaper('https://arxiv.org/html/2403.02310v2', page('arxiv-html-2403.02310v2.html'));
    expect(paper).toMatchObject({ key: 'arxiv:2403.02310', kind: 'html', version: 2 });
    expect(paper?.title?.toLowerCase()).toBe(SARATHI.toLowerCase());
    expect(paper?.authors?.[0]).toBe('Amey Agrawal');
    expect(paper?.authors?.every((a) => a.length < 60)).toBe(true);
    expect(paper?.abstract).toBeTruthy();
  });

  it('reads a LaTeXML title as shown: math without its TeX annotations, no \\thanks note', () => {
    const paper = detectPaper('https://arxiv.org/html/2410.24164v1', page('arxiv-html-math-title.html'));
    expect(paper?.title).toBe('π0: A Vision-Language-Action Flow Model for Fixture Robots');
    expect(paper?.abstract).toBe('We present π0, an invented model for a test page.');
  });

  it('takes nothing but the id from arXiv\'s format selector, whose titles are not the paper\'s', () => {
    // Its <title> and heading read "Format selector for 2403.02310v2": taken for the paper's title,
    // it replaced the abstract page's in the tab, the panel and a note created there.
    const paper = detectPaper('https://arxiv.org/format/2403.02310v2', page('arxiv-format-2403.02310v2.html'));
    expect(paper).toEqual({
      key: 'arxiv:2403.02310',
      source: 'arxiv',
      kind: 'format',
      url: 'https://arxiv.org/format/2403.02310v2',
      arxivId: '2403.02310',
      version: 2,
    });
  });

  it('reads a USENIX OSDI 2024 presentation page', () => {
    const paper = detectPaper('https://www.usenix.org/conference/osdi24/presentation/agrawal', page('usenix-osdi24-agrawal.html'));
    expect(paper).toMatchObject({
      key: 'usenix:osdi24/agrawal',
      kind: 'presentation',
      usenixKey: 'osdi24/agrawal',
      title: SARATHI,
      date: '2024',
      pdfUrl: 'https://www.usenix.org/system/files/osdi24-agrawal.pdf',
      conference: '18th USENIX Symposium on Operating Systems Design and Implementation (OSDI 24)',
    });
    expect(paper?.authors?.[0]).toBe('Amey Agrawal');
    expect(paper?.affiliations).toEqual(expect.arrayContaining(['Georgia Institute of Technology', 'Microsoft Research India']));
    expect(paper?.doi).toBeUndefined();
    expect(paper?.abstract).toMatch(/^[^:]{20}/);
    expect(paper?.abstract).not.toMatch(/^Abstract/);
  });

  it('reads an older USENIX page (technical-sessions URL, no institutions)', () => {
    const paper = detectPaper(
      'https://www.usenix.org/conference/osdi14/technical-sessions/presentation/chilimbi',
      page('usenix-osdi14-chilimbi.html'),
    );
    expect(paper).toMatchObject({
      key: 'usenix:osdi14/chilimbi',
      title: 'Project Adam: Building an Efficient and Scalable Deep Learning Training System',
      pdfUrl: 'https://www.usenix.org/system/files/conference/osdi14/osdi14-paper-chilimbi.pdf',
    });
    expect(paper?.authors).toEqual(['Trishul Chilimbi', 'Yutaka Suzue', 'Johnson Apacible', 'Karthik Kalyanaraman']);
  });

  it('falls back to the visible fields of a USENIX paper page without meta tags', () => {
    const paper = detectPaper('https://www.usenix.org/conference/atc23/presentation/zhai', page('usenix-no-meta.html'));
    expect(paper).toMatchObject({
      key: 'usenix:atc23/zhai',
      title: 'A Paper Page Without Meta Tags: Fixture',
      pdfUrl: 'https://www.usenix.org/system/files/atc23-zhai.pdf',
    });
    expect(paper?.abstract).toBeTruthy();
    expect(paper?.authors).toBeUndefined();
  });

  it('does not take a USENIX talk page for a paper', () => {
    expect(detectPaper('https://www.usenix.org/conference/enigma2024/presentation/some-speaker', page('usenix-talk-enigma.html'))).toBeNull();
  });

  it('does not take arXiv\'s error pages at a paper\'s address for a paper ("Article not found", "No file for")', () => {
    // Their titles read as the paper's: "[2412.99999] Article not found" gave the title "Article not found".
    expect(detectPaper('https://arxiv.org/abs/2412.99999', page('arxiv-abs-not-found.html'))).toBeNull();
    expect(detectPaper('https://arxiv.org/abs/2403.02310v9', page('arxiv-abs-not-found.html'))).toBeNull();
    expect(detectPaper('https://arxiv.org/html/2403.02310v3', page('arxiv-html-withdrawn.html'))).toBeNull();
  });

  it('does not take an arXiv listing or another site for a paper', () => {
    expect(detectPaper('https://arxiv.org/list/cs.DC/recent', page('arxiv-listing.html'))).toBeNull();
    expect(detectPaper('https://example.com/', page('example-com.html'))).toBeNull();
  });
});

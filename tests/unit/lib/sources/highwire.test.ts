import { describe, expect, it } from 'vitest';
import { readCitationMeta, textOf } from '@/lib/sources/highwire';

const page = (head: string) => new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body></body></html>`, 'text/html');

describe('readCitationMeta', () => {
  it('reads citation tags by name in any case, and nothing else', () => {
    const meta = readCitationMeta(
      page(`
        <meta name="description" content="not a citation">
        <meta name="CITATION_TITLE" content="Upper">
        <meta name="Citation_Author" content="A">
        <meta name="citation_author" content="B">
        <meta property="citation_doi" content="a property, not a name">
        <meta name="xcitation_date" content="a prefix elsewhere">
        <meta name="citation_pdf_url">`),
    );
    expect([...meta]).toEqual([
      ['title', ['Upper']],
      ['author', ['A', 'B']],
      ['pdf_url', ['']],
    ]);
  });

  it('reads 400 citation tags at most, and 100 values of one name', () => {
    const tags = (name: string, count: number) => Array.from({ length: count }, (_, i) => `<meta name="citation_${name}" content="${name} ${i}">`).join('');
    const meta = readCitationMeta(page('<meta name="keywords" content="x">'.repeat(1000) + tags('author', 250) + tags('date', 100) + tags('keywords', 100)));
    expect(meta.get('author')).toHaveLength(100);
    expect(meta.get('author')![99]).toBe('author 99');
    expect(meta.get('date')).toHaveLength(100);
    // 350 tags read before these: 50 more.
    expect(meta.get('keywords')).toHaveLength(50);
    expect(meta.get('keywords')![49]).toBe('keywords 49');
  });
});

describe('textOf', () => {
  const body = (html: string) => new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');

  it('reads a line break as a space: LaTeXML writes a title’s \\\\ as <br class="ltx_break"> between two words', () => {
    const doc = body('<h1 class="ltx_title ltx_title_document">Taming Throughput-Latency Tradeoff<br class="ltx_break">in LLM Inference</h1><p>one<br>two<br/>three</p>');
    expect(textOf(doc, 'h1', 500)).toBe('Taming Throughput-Latency Tradeoff in LLM Inference');
    expect(textOf(doc, 'p', 500)).toBe('one two three');
    // The page itself is left as it was.
    expect(doc.querySelectorAll('br')).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import { escapeText, escapeUrl, readLink, unescapeText, unescapeUrl, writeLink } from '@/lib/gitbook/inline';
import { toLines } from '@/lib/gitbook/lines';
import { resolvePath } from '@/lib/gitbook/read';
import { slugify, uniqueSlugs } from '@/lib/gitbook/slug';

describe('reading GitBook text', () => {
  it('splits lines whatever their ends, without a byte-order mark', () => {
    expect(toLines('\uFEFF# Title\r\n\r\n* one\r* two\n* three')).toEqual(['# Title', '', '* one', '* two', '* three']);
    expect(toLines('plain\nlines')).toEqual(['plain', 'lines']);
    expect(toLines('')).toEqual(['']);
  });

  it('undoes escapes and space entities, and trims; plain text only trimmed', () => {
    expect(unescapeText(' Sarathi\\-Serve\\_v2&#x20;and&nbsp;more ')).toBe('Sarathi-Serve_v2 and more');
    expect(unescapeText('  A plain title  ')).toBe('A plain title');
    expect(unescapeText('R&D \\[draft]')).toBe('R&D [draft]');
  });

  it('reads an escaped space entity as the text typed, left to right', () => {
    expect(unescapeText('AT\\&nbsp;T and\\&#x20;more\\&#160;')).toBe('AT&nbsp;T and&#x20;more&#160;');
    // An escaped backslash, then an entity: a backslash, then a space.
    expect(unescapeText('a\\\\&nbsp;b')).toBe('a\\ b');
    expect(unescapeText('a\\\\\\&nbsp;b')).toBe('a\\&nbsp;b');
  });

  it('resolves relative links, decoding only what is encoded', () => {
    expect(resolvePath('conferences/osdi/README.md', '2024/sarathi%20serve.md')).toBe('conferences/osdi/2024/sarathi serve.md');
    expect(resolvePath('a/b/README.md', '../c.md#part')).toBe('a/c.md');
    expect(resolvePath('a/README.md', './100%25.md')).toBe('a/100%.md');
  });
});

describe('writing GitBook text', () => {
  it('escapes the ampersand of a space entity typed as text, and no other', () => {
    expect(escapeText('MSR India & GaTech')).toBe('MSR India & GaTech');
    expect(escapeText('AT&T and &amp; stay')).toBe('AT&T and &amp; stay');
    expect(escapeText('AT&nbsp;T, &NBSP;, &#x20; and &#160;')).toBe('AT\\&nbsp;T, \\&NBSP;, \\&#x20; and \\&#160;');
    for (const typed of ['AT&nbsp;T', '\\&nbsp;', '\\\\&#x20;x', 'x_y [draft] <b> `code` &#160;']) expect(unescapeText(escapeText(typed))).toBe(typed);
  });

  it('leaves a URL as it is unless it has spaces or unbalanced parentheses', () => {
    expect(escapeUrl('https://www.usenix.org/system/files/osdi24-agrawal.pdf')).toBe('https://www.usenix.org/system/files/osdi24-agrawal.pdf');
    expect(escapeUrl('https://en.wikipedia.org/wiki/Paxos_(computer_science)')).toBe('https://en.wikipedia.org/wiki/Paxos_(computer_science)');
    expect(escapeUrl('notes/my paper.md')).toBe('notes/my%20paper.md');
    expect(escapeUrl('https://x.org/a)b')).toBe('https://x.org/a%29b');
    expect(escapeUrl('https://x.org/a(b')).toBe('https://x.org/a%28b');
    for (const url of ['https://x.org/a)b(c', 'https://x.org/(a) b', 'https://x.org/a(b']) {
      const link = readLink(writeLink('t', url), 0)!;
      expect(decodeURIComponent(unescapeUrl(link.url))).toBe(url);
    }
  });

  it('makes file names from titles: ASCII words, accents dropped, other scripts left out', () => {
    expect(slugify('Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve')).toBe('taming-throughput-latency-tradeoff-in-llm-inference-with-sarathi-serve');
    expect(slugify('Café: Über-fast Naïve Paxos')).toBe('cafe-uber-fast-naive-paxos');
    expect(slugify('ＦｕｌｌＷｉｄｔｈ ＧＰＵ')).toBe('fullwidth-gpu');
    expect(slugify('深度学习')).toBe('untitled');
    expect(slugify(`${'word '.repeat(30)}end`).length).toBeLessThanOrEqual(80);
    const slugs = uniqueSlugs();
    expect([slugs('Paxos'), slugs('paxos!'), slugs('Paxós')]).toEqual(['paxos', 'paxos-2', 'paxos-3']);
  });
});

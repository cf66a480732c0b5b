import { describe, expect, it } from 'vitest';
import { snippet } from '@/lib/search/highlight';
import { markdownAsText } from '@/lib/search/plain-text';

describe('markdownAsText', () => {
  it('reads a note as it shows rendered: link and image text, no tags, entities as characters', () => {
    expect(markdownAsText('* See [the code](https://github.com/x/y) and ![a figure](fig.png).\n* <b>Bold</b> &amp; <i>more</i>&#x20;\n')).toBe('See the code and a figure. Bold & more');
    expect(markdownAsText('\\[[Paper](https://www.usenix.org/p.pdf)] \\[[Code](https://github.com/x)]')).toBe('[Paper] [Code]');
    expect(markdownAsText('Uses &lt;script&gt; &#8212; and &quot;quotes&quot; &unknown; <!-- hidden -->')).toBe('Uses <script> — and "quotes" &unknown;');
    expect(markdownAsText('<https://example.com/a> [ref][1]\n\n[1]: https://example.com/b')).toBe('https://example.com/a ref');
  });

  it('drops emphasis, code, heading, quote, list and rule marks, not a mark inside a word', () => {
    expect(markdownAsText('## Design\n\n> **Key** idea: `snake_case` names, 2*n and 3*m, C#.\n\n---\n\n1. First\n- [x] done\n~~old~~')).toBe(
      'Design Key idea: snake_case names, 2*n and 3*m, C#. First done old',
    );
  });

  it('reads a GitBook hint as its text, and drops its other tags', () => {
    expect(markdownAsText('{% hint style="info" %}\nA hint\n{% endhint %}\n{% embed url="https://example.com/v" %}')).toBe('A hint https://example.com/v');
  });
});

describe('snippet', () => {
  it('is what the note reads, around its first hit', () => {
    expect(snippet('* <b>Chunked</b> prefills, see [the repo](https://github.com/x/chunk)&#x20;', ['chunked'])).toBe('Chunked prefills, see the repo');
  });

  it('never cuts an emoji in two', () => {
    const text = `${'🙂'.repeat(100)} needle ${'🙂'.repeat(100)}`;
    for (const radius of [30, 31]) {
      const excerpt = snippet(text, ['needle'], radius);
      expect(excerpt).toContain('needle');
      expect(excerpt).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
    expect(snippet('🙂'.repeat(100), ['needle'], 31)).not.toMatch(/[\ud800-\udbff]…$/);
  });
});

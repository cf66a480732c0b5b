// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createRenderer } from '@/lib/markdown/render';
import { appendQuote, MAX_QUOTE } from '@/lib/notes/quote';

const render = createRenderer(window);
/** The quote as the panel shows it: its text, and the elements it became. */
function shown(selection: string): { text: string; tags: string[] } {
  const out = render(appendQuote('* My notes.\n', selection));
  if (!('html' in out)) throw new Error('expected HTML');
  const host = document.createElement('div');
  host.innerHTML = out.html;
  const quote = host.querySelector('li:nth-child(2) > blockquote');
  return { text: quote?.textContent?.trim() ?? '', tags: [...(quote?.querySelectorAll('*') ?? [])].map((el) => el.tagName) };
}

describe('a selection added to a note', () => {
  it.each([
    'Generic types such as List<String> and Vec<T> stay.',
    'It takes 2*n and 3*m steps.',
    '2024. The year the system shipped.',
    '# of requests grows',
    '- a dash begins it',
    '+ so does a plus',
    '> an arrow',
    '1) a numbered step',
    '[1]: the first reference',
    '* * *',
    'A `quoted backtick and an_underscored_name',
    'from ~2x ~ to ~~3x~~ faster',
    'AT&T and &lt;b&gt; written out',
    'a <script>alert(1)</script> in a paper about XSS',
    'GitBook tags {% hint style="info" %} as text',
    'a trailing backslash \\',
    '[link](page.md) and ![image](x.png)',
  ])('shows as it reads on the page: %s', (selection) => {
    expect(shown(selection)).toEqual({ text: selection, tags: ['P'] });
  });

  it('is folded to one line and cut past MAX_QUOTE, never inside a character of two code units', () => {
    expect(appendQuote('', 'We split a prefill\n into chunks.')).toBe('* > We split a prefill into chunks.\n');
    const long = `${'x'.repeat(MAX_QUOTE - 2)}😀 and more`;
    const note = appendQuote('', long);
    expect(note).toBe(`* > ${'x'.repeat(MAX_QUOTE - 2)}…\n`);
    expect(note.isWellFormed()).toBe(true);
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { appendBullet } from '@/lib/db/notes';
import { createRenderer } from '@/lib/markdown/render';
import { bulletText } from '@/lib/notes/bullet';
import { appendQuote } from '@/lib/notes/quote';

const render = createRenderer(window);
/** The note's top-level bullets as the panel shows them, after a quick add of `typed`, then of "next". */
function bullets(typed: string): { texts: string[]; html: string } {
  const out = render(appendBullet(appendBullet('* first\n', bulletText(typed)), bulletText('next')));
  if (!('html' in out)) throw new Error('expected HTML');
  const host = document.createElement('div');
  host.innerHTML = out.html;
  return { texts: [...host.querySelectorAll(':scope > ul > li')].map((li) => li.textContent!.trim()), html: out.html };
}

describe('a quick-added bullet', () => {
  it.each(['# Design', '#', '> a quote of mine', '- dashed', '* starred', '+ plus', '1. numbered', '2024) a year', '---', '* *', '_ _ _', '***', '```js', '~~~', '[x]: https://example.org', '<!-- todo', '| a | b |'])(
    'is one bullet showing what was typed, and later bullets still show: %s',
    (typed) => {
      const { texts, html } = bullets(typed);
      expect(texts).toEqual(['first', typed, 'next']);
      expect(html).not.toMatch(/<(h\d|blockquote|ol|hr|pre)\b|<ul>[^]*<ul>/);
    },
  );

  it('keeps what was typed as Markdown', () => {
    expect(bullets('**Bold**, `code` and [a link](https://example.org)').html).toMatch(/<strong>Bold<\/strong>, <code>code<\/code> and <a href="https:\/\/example.org"/);
    expect(bullets('#hashtag and <!-- a comment -->').texts).toEqual(['first', '#hashtag and', 'next']);
    expect(bulletText('  spaced \n out  ')).toBe('spaced out');
  });
});

/** The note's blocks as the panel shows them, and whether its last list item is `text`. */
function lastItem(note: string): string | undefined {
  const out = render(note);
  if (!('html' in out)) throw new Error('expected HTML');
  const host = document.createElement('div');
  host.innerHTML = out.html;
  const last = host.lastElementChild;
  return last?.tagName === 'UL' ? last.lastElementChild?.textContent?.trim() : undefined;
}

describe('a bullet appended to a note', () => {
  it.each([
    ['a <details> block', '* Design\n\n<details>\n<summary>Proofs</summary>\n\nLemma 1 holds.\n</details>'],
    ['a <figure> block', '<figure>\n<img src="data:image/png;base64,AA==">\n<figcaption>Figure 3</figcaption>\n</figure>\n'],
    ['a <div> on one line', '* a\n\n<div align="center">Fig. 1</div>\n\n'],
    ['a lone tag', '<img src="data:image/png;base64,AA==">'],
    ['an HTML block after a list', '* a\n<table><tr><td>1</td></tr></table>'],
    ['an HTML block after a quote', '> quoted\n<div>x</div>'],
    ['an HTML block after a blank line in a list item', '* a\n\n<p>Aside</p>'],
  ])('after %s is a bullet of its own (a blank line before it)', (_, note) => {
    expect(lastItem(`${note.trimEnd()}\n* added\n`)).toBeUndefined(); // swallowed by the HTML block
    const appended = appendBullet(note, 'added');
    expect(appended).toBe(`${note.trimEnd()}\n\n* added\n`);
    expect(lastItem(appended)).toBe('added');
  });

  it.each([
    ['a list', '* one\n* two\n'],
    ['a nested list', '* one\n  * two\n'],
    ['a list with HTML in its item', '* one\n  <details>\n  x\n  </details>'],
    ['an ordered list with HTML in its item', '1. one\n   <div>x</div>'],
    ['a paragraph', 'Some text.'],
    ['a paragraph ending in a tag', 'Some text\n<span>'],
    ['a list item going on with a tag', '* one\n<span>x</span>'],
    ['a closed comment', '<!-- todo -->'],
    ['a <pre> block', '<pre>\n\ncode\n</pre>'],
    ['a quote with HTML in it', '> <div>x</div>'],
    ['a heading', '# Notes'],
    ['a table', '| a | b |\n| - | - |\n| 1 | 2 |'],
    ['HTML in fenced code', '```html\n<details>\n```'],
    ['an empty note', ''],
  ])('after %s goes on as the note did (no blank line)', (_, note) => {
    const appended = appendBullet(note, 'added');
    expect(appended).toBe(`${note.trimEnd()}${note.trim() ? '\n' : ''}* added\n`);
    expect(lastItem(appended)).toBe('added');
    // Items stay tight: a blank line would have made every item of the list a paragraph.
    if (note.startsWith('* one')) expect(render(appended)).not.toMatchObject({ html: expect.stringContaining('<p>') });
  });

  it('is added to the list a quick add or a selection made before it', () => {
    const note = appendQuote(appendBullet('<details>\n<summary>More</summary>\n</details>', bulletText('first')), 'a selection');
    expect(note).toBe('<details>\n<summary>More</summary>\n</details>\n\n* first\n* > a selection\n');
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { appendBullet } from '@/lib/db/notes';
import { createRenderer } from '@/lib/markdown/render';
import { bulletText } from '@/lib/notes/bullet';

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

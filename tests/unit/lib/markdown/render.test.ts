// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { gitbookToMarkdown } from '@/lib/markdown/gitbook-display';
import { createRenderer, MAX_RENDERED_CHARS } from '@/lib/markdown/render';
import { XSS_PAYLOADS } from '../../../fixtures/xss';

const render = createRenderer(window);
const html = (markdown: string) => {
  const out = render(markdown);
  if (!('html' in out)) throw new Error('expected HTML');
  return out.html;
};

/** Puts sanitised HTML into a live document and reports anything that could run. */
function dangers(markup: string): string[] {
  const host = document.createElement('div');
  host.innerHTML = markup;
  const found: string[] = [];
  for (const el of host.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
      if (/^(href|src|xlink:href|action|formaction|data)$/i.test(attr.name) && /^\s*(javascript|vbscript|data:text)/i.test(attr.value)) {
        found.push(`${el.tagName} ${attr.name}=${attr.value}`);
      }
    }
    if (/^(SCRIPT|IFRAME|OBJECT|EMBED|BASE|META|LINK|STYLE|FORM|INPUT|BUTTON|TEMPLATE)$/.test(el.tagName)) found.push(el.tagName);
  }
  return found;
}

describe('Markdown rendering', () => {
  it('shows plain text where the sanitiser cannot work, never the unsanitised HTML', () => {
    const out = createRenderer({} as Window & typeof globalThis)('* a <img src=x onerror=alert(1)>');
    expect(out).toEqual({ plain: '* a <img src=x onerror=alert(1)>', reason: expect.stringContaining('plain text') });
  });

  it('renders GitHub-flavoured Markdown', () => {
    const out = html('* **Sarathi-Serve**\n  * Chunked-prefills\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`code`');
    expect(out).toContain('<strong>Sarathi-Serve</strong>');
    expect(out).toContain('<table>');
    expect(out).toContain('<code>code</code>');
  });

  it('opens links in a new tab, without an opener', () => {
    expect(html('[Paper](https://www.usenix.org/conference/osdi24/presentation/agrawal)')).toContain(
      '<a href="https://www.usenix.org/conference/osdi24/presentation/agrawal" target="_blank" rel="noopener noreferrer">Paper</a>',
    );
  });

  it('loads no remote image', () => {
    const out = html('![diagram](https://tracker.example/pixel.png)');
    expect(out).not.toContain('src=');
    expect(out).toContain('Image not loaded: https://tracker.example/pixel.png');
  });

  it('loads nothing remote through other markup: srcset, picture, media, SVG, backgrounds, pings', () => {
    const markup = [
      '<img srcset="https://tracker.example/a.png 1x">',
      '<picture><source srcset="https://tracker.example/b.png"><img src="data:image/png;base64,AAAA"></picture>',
      '<video src="https://tracker.example/c.mp4" poster="https://tracker.example/d.png"></video>',
      '<audio src="https://tracker.example/e.mp3"></audio>',
      '<svg><image href="https://tracker.example/f.png"></image><use href="https://tracker.example/g.svg#x"></use></svg>',
      '<table><tr><td background="https://tracker.example/h.png">cell</td></tr></table>',
      '<a href="https://example.com/" ping="https://tracker.example/i">link</a>',
    ].join('\n\n');
    const out = html(markup);
    expect(out).not.toContain('tracker.example');
    expect(out).toContain('cell');
    expect(out).toContain('src="data:image/png;base64,AAAA"');
  });

  it('keeps no image map, whose areas would navigate the panel itself', () => {
    const host = document.createElement('div');
    host.innerHTML = html('<img src="data:image/png;base64,AAAA" usemap="#m"><map name="m"><area shape="default" href="https://evil.example/login"></map>');
    expect(host.querySelectorAll('map, area, [usemap]').length).toBe(0);
    expect(host.innerHTML).not.toContain('evil.example');
    // Every link left opens in a new tab.
    for (const link of host.querySelectorAll('[href]')) expect(link.getAttribute('target')).toBe('_blank');
  });

  it('keeps relative and in-page links as text, saying where they pointed', () => {
    const host = document.createElement('div');
    host.innerHTML = html('[Orca](../osdi-2022/orca.md) and [design](#design) and [mail](mailto:a@example.com)');
    const [orca, design, mail] = host.querySelectorAll('a');
    expect(orca!.hasAttribute('href')).toBe(false);
    expect(orca!.title).toBe('Link not opened here: ../osdi-2022/orca.md');
    expect(design!.hasAttribute('href')).toBe(false);
    expect(mail!.getAttribute('href')).toBe('mailto:a@example.com');
  });

  it.each(['script', 'style', 'textarea', 'title', 'iframe', 'xmp', 'noembed', 'noframes', 'plaintext', 'noscript'])(
    'shows a <%s> tag written in a note as text, and the rest of the note after it',
    (tag) => {
      const host = document.createElement('div');
      host.innerHTML = html(`* the payload puts <${tag}> around the form\n* second bullet\n\n<${tag}>\n\n## Next heading\n`);
      expect([...host.querySelectorAll('li')].map((li) => li.textContent)).toEqual([`the payload puts <${tag}> around the form`, 'second bullet']);
      // On a line of its own, <script>, <style> and <textarea> begin an HTML block that CommonMark
      // runs to the closing tag: what follows shows as written, not formatted, but shows.
      expect(host.textContent).toContain('Next heading');
      expect(dangers(host.innerHTML)).toEqual([]);
    },
  );

  it('shows GitBook hints as quotes and embeds as links', () => {
    expect(gitbookToMarkdown('{% hint style="info" %}\nNote this\n{% endhint %}')).toBe('> Note this');
    expect(html('{% embed url="https://example.com/v" %}')).toContain('href="https://example.com/v"');
  });

  it('drops hint tags left unclosed, and quotes only a hint that closes', () => {
    expect(gitbookToMarkdown('{% hint %}\n'.repeat(3) + 'text')).toBe('\n\n\ntext');
    expect(gitbookToMarkdown('{% hint %}\nA\n{% hint style="x" %}\nB\n{% endhint %}')).toBe('\nA\n> B');
    // Many unclosed hints (a hostile import) render, tags dropped, text kept.
    const hostile = '{% hint %}\nline\n'.repeat(20_000);
    expect(gitbookToMarkdown(hostile)).toBe('\nline\n'.repeat(20_000));
  });

  it('shows GitBook tags inside fenced code as written, and still reads a hint that holds code', () => {
    const code = '```markdown\n{% hint style="info" %}\nText\n{% endhint %}\n```';
    expect(gitbookToMarkdown(code)).toBe(code);
    expect(gitbookToMarkdown('* Example:\n\n  ~~~~\n  {% embed url="https://x.org" %}\n  ~~~\n  ~~~~\n{% embed url="https://y.org" %}')).toBe(
      '* Example:\n\n  ~~~~\n  {% embed url="https://x.org" %}\n  ~~~\n  ~~~~\n<https://y.org>',
    );
    expect(gitbookToMarkdown('{% hint style="info" %}\nRun:\n```sh\necho "{% raw %}"\n```\n{% endhint %}')).toBe('> Run:\n> ```sh\n> echo "{% raw %}"\n> ```');
    // A fence opened on a list item's line, closed at the item's indent.
    expect(gitbookToMarkdown('- ```liquid\n  {% raw %}\n  ```\n{% hint style="info" %}\nNote\n{% endhint %}')).toBe('- ```liquid\n  {% raw %}\n  ```\n> Note');
    expect(gitbookToMarkdown('1. ~~~\n   {% raw %}\n   ~~~\n{% embed url="https://y.org" %}')).toBe('1. ~~~\n   {% raw %}\n   ~~~\n<https://y.org>');
    // An unclosed fence runs to the end of the note, as CommonMark reads it.
    expect(gitbookToMarkdown('```\n{% hint %}\n')).toBe('```\n{% hint %}\n');
    expect(html('```\n{% endhint %}\n```')).toContain('{% endhint %}');
  });

  it.each(XSS_PAYLOADS)('leaves nothing that can run in %j', (payload) => {
    expect(dangers(html(payload))).toEqual([]);
    expect(dangers(html(`* note\n  * ${payload}`))).toEqual([]);
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
  });

  it('shows a huge note as plain text, with the reason', () => {
    const out = render('# big\n' + 'x'.repeat(MAX_RENDERED_CHARS));
    expect(out).toMatchObject({ reason: expect.stringContaining('too long') });
  });

  it('renders malformed Markdown without throwing', () => {
    for (const bad of ['* [unclosed', '```\nno end', '<div><span>', '\u0000\u0001', '['.repeat(5000), '* x\n' + '  '.repeat(300) + '* deep']) {
      expect('html' in render(bad)).toBe(true);
    }
  });

  it('falls back to plain text, with the reason, where marked gives up (2,000 nested quotes)', () => {
    const out = render('> '.repeat(2000) + 'x');
    expect(out).toMatchObject({ plain: expect.stringContaining('> > x'), reason: expect.stringContaining('could not be formatted') });
  });
});

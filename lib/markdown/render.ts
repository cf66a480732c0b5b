import createDOMPurify from 'dompurify';
import { Marked } from 'marked';
import { gitbookToMarkdown } from './gitbook-display';

/** Past this size a note is shown as plain text: marked's cost grows with input, the panel must not freeze. */
export const MAX_RENDERED_CHARS = 400_000;

export type Rendered = { html: string } | { plain: string; reason: string };

/**
 * GFM's tag filter (GitHub's "disallowed raw HTML"): these tags are shown as text. The browser's
 * parser reads everything after an opening `<script>`, `<style>`, `<textarea>`, `<title>`… as
 * that element's text, to its closing tag: the sanitiser then removed the element, and with it
 * the rest of the note (a note saying "the payload hides in a <textarea>" ended there).
 */
const FILTERED_TAG = /<(?=\/?(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext|noscript)(?:[\s/>]|$))/gi;

/**
 * HTML only (no SVG or MathML, whose `<image>` and `<use>` load URLs), and nothing that fetches on
 * its own: media elements and their sources, `srcset`, `poster`, `background`, `ping`. Remote
 * `<img src>` is handled by the hook below. Styles and forms go too, and image maps: an `<area>`
 * is a link the hook below would not make open in a new tab, so a click on it would navigate the
 * panel itself.
 */
const SANITIZE = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'template', 'picture', 'source', 'video', 'audio', 'track', 'map', 'area'],
  FORBID_ATTR: ['style', 'srcset', 'poster', 'background', 'ping', 'usemap'],
};

/**
 * A Markdown renderer for a window: marked (GFM), then DOMPurify on a private instance (its hooks
 * would otherwise apply to every user of the default one). Links open in a new tab without an
 * opener, so that a click never navigates the panel itself away; `javascript:` and other unsafe
 * URLs, scripts, event handlers and styles are removed.
 */
export function createRenderer(window: Window & typeof globalThis): (markdown: string) => Rendered {
  const marked = new Marked({ gfm: true, async: false, renderer: { html: ({ text }) => text.replace(FILTERED_TAG, '&lt;') } });
  const purify = createDOMPurify(window);
  // DOMPurify returns its input untouched where it cannot parse HTML safely: fail closed instead.
  if (!purify.isSupported) return (markdown) => ({ plain: markdown, reason: 'This page cannot check formatted text for unsafe HTML; the note is shown as plain text.' });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const href = node.tagName === 'A' ? node.getAttribute('href') : null;
    if (href !== null && /^(?:https?|mailto):/i.test(href)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else if (href !== null) {
      // A relative or in-page link ("../osdi-2022/orca.md", "#design") has nothing to open from
      // the panel (its pages are not here, its headings have no ids): kept as text, its target said.
      node.removeAttribute('href');
      node.setAttribute('title', `Link not opened here: ${href}`);
    }
    // A remote image would be a request to a third party each time the note is shown.
    const src = node.tagName === 'IMG' ? node.getAttribute('src') : null;
    if (src && !/^(?:data:image\/|blob:)/i.test(src)) {
      node.removeAttribute('src');
      node.removeAttribute('srcset');
      node.setAttribute('title', `Image not loaded: ${src}`);
      node.setAttribute('class', 'unloaded-image');
    }
  });
  return (markdown) => {
    if (markdown.length > MAX_RENDERED_CHARS) {
      return { plain: markdown, reason: `This note is too long to format (${Math.round(markdown.length / 1024)} KB); it is shown as plain text.` };
    }
    try {
      const html = marked.parse(gitbookToMarkdown(markdown), { async: false });
      return { html: purify.sanitize(html, SANITIZE) };
    } catch (error) {
      return { plain: markdown, reason: `This note could not be formatted (${String(error)}); it is shown as plain text.` };
    }
  };
}

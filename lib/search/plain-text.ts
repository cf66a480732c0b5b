import { gitbookToMarkdown } from '../markdown/gitbook-display';

/** The entities written in notes by hand and by GitBook (`&#x20;` for a trailing space). */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', rarr: '→', larr: '←', times: '×' };

function entity(match: string, name: string): string {
  if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? match;
  const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : match;
}

/**
 * A note's Markdown as the reader sees it rendered, in one line, for an excerpt: the text of links
 * and images without their addresses, no HTML tags or comments, entities as the characters they
 * stand for, no emphasis, code, heading, quote or list marks (an underscore inside a word, as in
 * `snake_case`, stays), GitBook's hints as their text. Read without a DOM: lib/ has none.
 */
export function markdownAsText(markdown: string): string {
  return (
    gitbookToMarkdown(markdown)
      .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
      // Autolinks show their address; other tags nothing.
      .replace(/<((?:https?|mailto):[^\s<>]*)>/gi, '$1')
      .replace(/<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g, ' ')
      // Reference definitions: nothing (links and images: their text, once list marks are gone).
      .replace(/^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$/gm, '')
      .replace(/^[ \t]*(?:>[ \t]?)+/gm, '')
      .replace(/^[ \t]*#{1,6}[ \t]+/gm, '')
      .replace(/^[ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm, '')
      .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, '')
      .replace(/!?\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])?/g, '$1')
      .replace(/`+|~~/g, '')
      // Emphasis marks, not an underscore or an asterisk between two letters or digits.
      .replace(/[*_]+/g, (marks, at: number, text: string) => (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') && /[\p{L}\p{N}]/u.test(text[at + marks.length] ?? '') ? marks : ''))
      // Backslash escapes, then entities (so that `&amp;lt;` reads `&lt;`, as rendered).
      .replace(/\\([!-/:-@[-`{-~])/g, '$1')
      .replace(/&(#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z]{2,8});/g, entity)
      .replace(/\s+/g, ' ')
      .trim()
  );
}

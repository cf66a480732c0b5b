import type { Link } from '../db/records';

/**
 * Characters our writer escapes in plain text (titles, affiliations, labels), and the `&` of the
 * space entities GitBook writes, which the reader reads as spaces; the reader undoes any `\x`.
 */
const ESCAPED = /[\\[\]*_`<>]|&(?=#x20;|nbsp;|#160;)/gi;

export const escapeText = (text: string) => text.replace(ESCAPED, (c) => `\\${c}`);

/** A backslash escape, or one of the space entities GitBook writes (`&#x20;`, `&nbsp;`, `&#160;`). */
const ESCAPE_OR_SPACE = /\\([!-/:-@[-`{-~])|&#x20;|&nbsp;|&#160;/gi;

/** Plain text from GitBook Markdown text: backslash escapes undone, `&#x20;`, `&nbsp;` and `&#160;` as spaces. */
export function unescapeText(text: string): string {
  // Most text has neither an entity nor an escape: no pass over it for them.
  if (!text.includes('&') && !text.includes('\\')) return text.trim();
  // One pass, left to right: `\&nbsp;` is the text "&nbsp;", not a space.
  return text.replace(ESCAPE_OR_SPACE, (_, escaped: string | undefined) => escaped ?? ' ').trim();
}

/** GitBook escapes characters inside link URLs (`osdi20-zhao\_hanyu.pdf`): undo it. */
export const unescapeUrl = (url: string) => url.trim().replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** A URL as it goes between parentheses: spaces and unbalanced parentheses escaped. */
export function escapeUrl(url: string): string {
  // Most URLs have none of these: no pass over them character by character.
  if (!/[ ()]/.test(url)) return url;
  let depth = 0;
  let out = '';
  for (const c of url) {
    if (c === '(') depth++;
    if (c === ')' && --depth < 0) {
      out += '%29';
      depth = 0;
      continue;
    }
    out += c === ' ' ? '%20' : c;
  }
  return depth > 0 ? out.replace(/\(/g, '%28') : out;
}

/**
 * Reads `[text](url)` at `from` in `line`; URLs may hold balanced parentheses. Returns the parts
 * and the index after the link, or null when no link starts there.
 */
export function readLink(line: string, from: number): { text: string; url: string; end: number } | null {
  if (line[from] !== '[') return null;
  let depth = 0;
  let i = from;
  for (; i < line.length; i++) {
    if (line[i] === '\\') {
      i++;
      continue;
    }
    if (line[i] === '[') depth++;
    else if (line[i] === ']' && --depth === 0) break;
  }
  if (i >= line.length || line[i + 1] !== '(') return null;
  const text = line.slice(from + 1, i);
  let parens = 0;
  let j = i + 1;
  for (; j < line.length; j++) {
    if (line[j] === '\\') {
      j++;
      continue;
    }
    if (line[j] === '(') parens++;
    else if (line[j] === ')' && --parens === 0) break;
  }
  if (j >= line.length) return null;
  return { text, url: line.slice(i + 2, j), end: j + 1 };
}

export const writeLink = (text: string, url: string) => `[${text}](${escapeUrl(url)})`;

/** `\[[Paper](url)]` markers, as our notes put after a title. */
export const writeMarkers = (links: Link[]) => links.map((l) => `\\[${writeLink(escapeText(l.label), l.url)}]`).join(' ');

/** Reads `\[[a](u)] \[[b](v)]` from `from` to the end of the line; null if anything else is there. */
function readMarkers(line: string, from: number): Link[] | null {
  const links: Link[] = [];
  let i = from;
  while (i < line.length) {
    if (!line.startsWith('\\[', i)) return null;
    const link = readLink(line, i + 2);
    if (!link || line[link.end] !== ']') return null;
    links.push({ label: unescapeText(link.text), url: unescapeUrl(link.url) });
    i = link.end + 1;
    while (line[i] === ' ' || line[i] === '\t') i++;
  }
  return links;
}

/**
 * Splits `Title \[[Paper](u)] \[[Code](v)]` (the title possibly a link itself) into the title, its
 * own URL and the markers that end the line; `written`: the title as the line has it, escapes and all.
 */
export function splitTitleLine(text: string): { title: string; written: string; titleUrl: string; links: Link[] } {
  const line = text.trimEnd();
  let links: Link[] = [];
  let titleEnd = line.length;
  for (let at = line.indexOf('\\[['); at >= 0; at = line.indexOf('\\[[', at + 1)) {
    const markers = readMarkers(line, at);
    if (markers) {
      links = markers;
      titleEnd = at;
      break;
    }
  }
  const rest = line.slice(0, titleEnd).trimEnd();
  const whole = rest.startsWith('[') ? readLink(rest, 0) : null;
  if (whole && whole.end === rest.length) return { title: unescapeText(whole.text), written: whole.text, titleUrl: unescapeUrl(whole.url), links };
  return { title: unescapeText(rest), written: rest, titleUrl: '', links };
}

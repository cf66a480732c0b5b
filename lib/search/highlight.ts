import { normaliseTitle } from '../match/title';
import { hasUnspaced, UNSPACED } from './tokens';

export interface Segment {
  text: string;
  hit: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/**
 * Where in a word with CJK in it the query's tokens are, each part of it with whether a token
 * covers it: the query's pairs of characters wherever they are in a CJK run (Han and kana have no
 * case, and their normalisation keeps them), its words at the start of the word's other parts.
 */
function unspacedHits(word: string, tokens: string[]): Segment[] {
  const covered = new Array<boolean>(word.length).fill(false);
  const lower = word.toLowerCase();
  for (const token of tokens) {
    if (!hasUnspaced(token)) continue;
    for (let at = lower.indexOf(token); at >= 0; at = lower.indexOf(token, at + 1)) covered.fill(true, at, at + token.length);
  }
  let from = 0;
  const other = (to: number) => {
    const part = normaliseTitle(word.slice(from, to)).replace(/ /g, '');
    if (part && tokens.some((token) => !hasUnspaced(token) && part.startsWith(token))) covered.fill(true, from, to);
  };
  for (const run of word.matchAll(UNSPACED)) {
    other(run.index);
    from = run.index + run[0].length;
  }
  other(word.length);
  const parts: Segment[] = [];
  for (let i = 0; i < word.length; i++) {
    const part = parts.at(-1);
    if (part && part.hit === covered[i]) part.text += word[i];
    else parts.push({ text: word[i]!, hit: covered[i]! });
  }
  return parts;
}

/** Splits text into runs, marking each word that a query token starts (as search matched it). */
export function highlight(text: string, tokens: string[]): Segment[] {
  if (!tokens.length || !text) return text ? [{ text, hit: false }] : [];
  const segments: Segment[] = [];
  let last = 0;
  const plain = (to: number) => to > last && segments.push({ text: text.slice(last, to), hit: false });
  for (const match of text.matchAll(WORD)) {
    if (hasUnspaced(match[0])) {
      const parts = unspacedHits(match[0], tokens);
      if (!parts.some((part) => part.hit)) continue;
      plain(match.index);
      segments.push(...parts);
      last = match.index + match[0].length;
      continue;
    }
    const word = normaliseTitle(match[0]).replace(/ /g, '');
    if (!tokens.some((token) => word.startsWith(token))) continue;
    plain(match.index);
    segments.push({ text: match[0], hit: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), hit: false });
  return segments;
}

/** A short excerpt of a long text around its first hit, for a result list. */
export function snippet(text: string, tokens: string[], radius = 80): string {
  // Read as text, not Markdown source: list markers, emphasis and heading marks dropped.
  const flat = text
    .replace(/^[ \t]*(?:[*+-]|\d+\.)[ \t]+/gm, '')
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const segments = highlight(flat, tokens);
  const first = segments.findIndex((s) => s.hit);
  if (first < 0) return flat.length > radius * 2 ? flat.slice(0, radius * 2).trimEnd() + '…' : flat;
  const offset = segments.slice(0, first).reduce((n, s) => n + s.text.length, 0);
  const start = Math.max(0, offset - radius);
  const end = Math.min(flat.length, offset + radius);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}

import { normaliseTitle } from '../match/title';

export interface Segment {
  text: string;
  hit: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Splits text into runs, marking each word that a query token starts (as search matched it). */
export function highlight(text: string, tokens: string[]): Segment[] {
  if (!tokens.length || !text) return text ? [{ text, hit: false }] : [];
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const word = normaliseTitle(match[0]).replace(/ /g, '');
    if (!tokens.some((token) => word.startsWith(token))) continue;
    if (match.index > last) segments.push({ text: text.slice(last, match.index), hit: false });
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

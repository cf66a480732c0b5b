import { cleanText } from '../text';

/** Hostile pages carry thousands of tags; real ones a few dozen. */
const MAX_TAGS = 400;
const MAX_VALUES_PER_NAME = 100;

/** Highwire `citation_*` meta values by name (lower case, without the prefix), bounded. */
export type CitationMeta = Map<string, string[]>;

export function readCitationMeta(doc: Document): CitationMeta {
  const meta: CitationMeta = new Map();
  // Only the citation tags: every element the script touches gets a wrapper in its world, and
  // reading every meta tag cost a talk's page, which has none of them, ~0.3 ms.
  const tags = doc.querySelectorAll('meta[name^="citation_" i]');
  for (let i = 0; i < tags.length && i < MAX_TAGS; i++) {
    const name = tags[i]!.getAttribute('name')!.toLowerCase();
    const values = meta.get(name.slice(9)) ?? [];
    if (values.length < MAX_VALUES_PER_NAME) values.push(tags[i]!.getAttribute('content') ?? '');
    meta.set(name.slice(9), values);
  }
  return meta;
}

/** Every non-empty value of a meta name, cleaned and without duplicates. */
export function all(meta: CitationMeta, name: string, maxLength: number): string[] {
  const out = new Set<string>();
  for (const value of meta.get(name) ?? []) {
    const text = cleanText(value, maxLength);
    if (text) out.add(text);
  }
  return [...out];
}

/** First non-empty value of a meta name, cleaned. */
export const first = (meta: CitationMeta, name: string, maxLength: number): string | undefined =>
  all(meta, name, maxLength)[0];

/**
 * Text of the first element matching a selector, cleaned, without what LaTeXML writes beside the
 * visible text: math annotations (TeX and its spoken form) and `\thanks` notes. A line break is a
 * space: a title's `\\` is a `<br class="ltx_break">` between two words, with no space around it.
 */
export function textOf(doc: Document, selector: string, maxLength: number): string | undefined {
  const copy = doc.querySelector(selector)?.cloneNode(true) as Element | undefined;
  if (!copy) return undefined;
  for (const extra of copy.querySelectorAll('annotation,annotation-xml,.ltx_note,br')) extra.replaceWith(extra.localName === 'br' ? ' ' : '');
  return cleanText(copy.textContent ?? '', maxLength) || undefined;
}

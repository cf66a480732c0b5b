import { isPlainAscii, normaliseTitle } from '../match/title';

/** Huge notes must not make huge index entries: past this many distinct words, the rest is not indexed. */
export const MAX_TOKENS = 4000;
const MAX_TOKEN_LENGTH = 40;

/** The words `normaliseTitle` would leave, in order; plain ASCII is matched without the copy it makes. */
function* wordsOf(text: string): Generator<string> {
  if (!isPlainAscii(text)) {
    yield* normaliseTitle(text).split(' ');
    return;
  }
  const lower = text.toLowerCase().replace(/['`]/g, '');
  // A regular expression of this call's own: a shared one's position would be lost between yields.
  const word = /[a-z0-9]+/g;
  for (let match = word.exec(lower); match; match = word.exec(lower)) yield match[0];
}

/** Distinct searchable words of some texts: normalised as titles are, two characters or more. */
export function tokenize(...texts: string[]): string[] {
  const tokens = new Set<string>();
  for (const text of texts) {
    for (const word of wordsOf(text)) {
      if (word.length >= 2 && word.length <= MAX_TOKEN_LENGTH) tokens.add(word);
      if (tokens.size >= MAX_TOKENS) return [...tokens];
    }
  }
  return [...tokens];
}

/** The words of a query, as the index holds them. */
export function queryTokens(query: string): string[] {
  return [...new Set(normaliseTitle(query).split(' ').filter(Boolean))].slice(0, 8);
}

import { normaliseTitle } from '../match/title';

/** Huge notes must not make huge index entries: past this many distinct words, the rest is not indexed. */
export const MAX_TOKENS = 4000;
const MAX_TOKEN_LENGTH = 40;

const PLAIN = /^[\x20-\x7e\s]*$/;
const WORD = /[a-z0-9]+/g;

/** The words `normaliseTitle` would leave, in order; plain ASCII is matched without the copy it makes. */
function* wordsOf(text: string): Generator<string> {
  if (!PLAIN.test(text)) {
    yield* normaliseTitle(text).split(' ');
    return;
  }
  const lower = text.toLowerCase().replace(/['`]/g, '');
  WORD.lastIndex = 0;
  for (let match = WORD.exec(lower); match; match = WORD.exec(lower)) yield match[0];
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

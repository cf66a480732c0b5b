import { hashHex } from './hash';

const ELLIPSIS = /\s*(?:\.\.\.|…)\s*$/;
const STOPWORDS = new Set(['a', 'an', 'the', 'of', 'for', 'in', 'on', 'with', 'and', 'to', 'via', 'by', 'at', 'from', 'is', 'are', 'its', 'as', 'or']);

/** Plain ASCII text needs no Unicode decomposition: the fast path for most of what is indexed. */
export const isPlainAscii = (text: string) => /^[\x20-\x7e\s]*$/.test(text);

/**
 * The form titles are compared in: case, diacritics, unicode dashes and quotes, punctuation and
 * white space folded away. "Sarathi‐Serve: Taming…" and "sarathi serve taming" compare equal.
 */
export function normaliseTitle(title: string): string {
  if (isPlainAscii(title)) {
    return title
      .toLowerCase()
      .replace(/['`]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return foldWords(title.normalize('NFKD').replace(/\p{M}+/gu, ''));
}

/** Non-ASCII text, decomposed and its marks dropped, as words: lower case, no quotes, one space between. */
export const foldWords = (text: string) =>
  text
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether a listed title was cut short with "..." or "…" (our navigation does that). */
export const isTruncated = (title: string) => ELLIPSIS.test(title);

/** The normalised part of a truncated title that a full title must start with; null if not truncated. */
export function truncatedPrefix(title: string): string | null {
  if (!isTruncated(title)) return null;
  const prefix = normaliseTitle(title.replace(ELLIPSIS, ''));
  // "A ..." would be a prefix of half the library: only a real start of a title counts.
  return prefix.split(' ').length >= 3 && prefix.length >= 16 ? prefix : null;
}

/**
 * Schema 8's index key of a truncated title, its first three words; only that version's upgrade
 * still computes it (lookups use `startKey` in lib/match/keys.ts since schema 10).
 */
export function prefixKey(normalised: string): string {
  return normalised.split(' ').slice(0, 3).join(' ');
}

/** Distinct words of a normalised title that say something (no stop words): fuzzy candidates. */
export function titleWords(normalised: string): string[] {
  return [...new Set(normalised.split(' ').filter((w) => w && !STOPWORDS.has(w)))];
}

/** Close-title keys compare words by their first letters: slips mostly come later in a word. */
const STEM = 4;
/** From this many words, a title has a key for each half: "* learning" would meet half the library. */
const HALVES_FROM = 4;

/**
 * Keys under which two close titles meet, so that a close title is found by reading a few
 * postings: the title without spaces ("co adaptive" and "coadaptive"), and for each half of the
 * title, the first letters of its words with the initials of the other half's (close words share
 * their initial, so typos and plurals anywhere and any slip within one half still meet). Titles
 * under four words get one key with every word's start. A shared key only proposes a candidate;
 * `isFuzzyTitleMatch` decides.
 */
export function closeTitleKeys(normalised: string): string[] {
  if (!normalised) return [];
  const words = normalised.split(' ');
  const stems = words.map((word) => word.slice(0, STEM));
  const keys = [`=${words.join('')}`];
  if (stems.length < HALVES_FROM) keys.push(`${stems.length}:${stems.join(' ')}`);
  else {
    const half = Math.ceil(stems.length / 2);
    const initials = (from: number, to: number) => words.slice(from, to).map((word) => word[0]).join('');
    keys.push(`<${stems.slice(0, half).join(' ')}|${initials(half, words.length)}`, `>${initials(0, half)}|${stems.slice(half).join(' ')}`);
  }
  return [...new Set(keys.map(hashHex))];
}

/** Whether a full (normalised) title is what a truncated listing (its normalised prefix) stands for. */
export function matchesTruncated(fullTitle: string, prefix: string): boolean {
  return fullTitle.length > prefix.length && fullTitle.startsWith(prefix);
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Similarity of two normalised titles, 0 to 1: one minus their edit distance over the longer length. */
export function titleSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest;
}

/**
 * How close two titles must be, overall, to be proposed as the same paper ("matched by title").
 * Chosen by the matching table in tests, with `wordsClose` below: typos, plurals and hyphenation
 * pass; another word, a word more or less, or the same words in another order do not.
 */
export const FUZZY_THRESHOLD = 0.85;

/** Two words that differ by a slip (a typo, a plural), not two different words ("online"/"offline"). */
function wordsClose(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 4 || a[0] !== b[0]) return false;
  return levenshtein(a, b) <= (Math.max(a.length, b.length) >= 8 ? 2 : 1);
}

/** Whether two normalised titles are close enough to propose as one paper, without being equal. */
export function isFuzzyTitleMatch(a: string, b: string): boolean {
  if (a === b) return false;
  // "co adaptive" and "coadaptive": the same title, hyphenated differently.
  if (a.replace(/ /g, '') === b.replace(/ /g, '')) return true;
  const wordsA = a.split(' ');
  const wordsB = b.split(' ');
  if (wordsA.length !== wordsB.length || !wordsA.every((word, i) => wordsClose(word, wordsB[i]!))) return false;
  return titleSimilarity(a, b) >= FUZZY_THRESHOLD;
}

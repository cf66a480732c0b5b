import { isPlainAscii } from '../match/title';
import { normaliseForSearch } from './normalise';

/** Huge notes must not make huge index entries: past this many distinct words, the rest is not indexed. */
export const MAX_TOKENS = 4000;
const MAX_TOKEN_LENGTH = 40;

/**
 * Takes a word; false once no more are wanted. `join` marks a pair of a query's CJK run that only
 * checks the run is whole: its pairs side by side already cover it (`termsOfWord`).
 */
type Take = (word: string, join?: boolean) => boolean;

const QUOTE = 39; // '
const BACKTICK = 96; // `
const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);

/**
 * The words of printable-ASCII text as `normaliseForSearch` leaves them, read in one pass with no copy
 * of the text: letters and digits make words, quotes are dropped, anything else separates.
 */
function asciiWords(text: string, from: number, to: number, take: Take): boolean {
  let start = -1;
  let quoted = false;
  let upper = false;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 32;
    if (isWordCode(c) || c === QUOTE || c === BACKTICK) {
      if (start < 0) start = i;
      if (c === QUOTE || c === BACKTICK) quoted = true;
      else if (c <= 90 && c >= 65) upper = true;
      continue;
    }
    if (start < 0) continue;
    let word = text.slice(start, i);
    if (quoted) word = word.replace(/['`]/g, '');
    if (upper) word = word.toLowerCase();
    start = -1;
    quoted = upper = false;
    if (word && !take(word)) return false;
  }
  return true;
}

const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** Runs of scripts written without spaces between words (Chinese, Japanese, Korean as normalised). */
export const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const ANY_UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
export const hasUnspaced = (text: string) => ANY_UNSPACED.test(text);

/** Whether a one-character word is CJK, the only one-character words indexed (`termsOfWord`). */
export function isUnspacedChar(word: string): boolean {
  const first = word.codePointAt(0);
  // One code point: one or two UTF-16 units (a Han character past U+FFFF).
  return first !== undefined && first >= 0x1100 && word.length === (first > 0xffff ? 2 : 1) && ANY_UNSPACED.test(word);
}

/**
 * The terms of a normalised word: the word itself, except that a run of Chinese, Japanese or
 * Korean gives each pair of characters in it and its last character ("调度方法": 调度, 度方, 方法,
 * 法), so that a query finds the words inside a sentence written without spaces, and every
 * character of the run starts a term (a query of one character reads the terms it starts). The
 * word's other parts are terms of their own. A query's run (`inQuery`) is its pairs, or its one
 * character.
 */
function termsOfWord(word: string, take: Take, inQuery = false): boolean {
  if (!hasUnspaced(word)) return take(word);
  let last = 0;
  for (const run of word.matchAll(UNSPACED)) {
    if (run.index > last && !take(word.slice(last, run.index))) return false;
    const chars = [...run[0]];
    for (let i = 0; i + 1 < chars.length; i++) {
      // A query's pairs side by side (at even places, and the last pair of an odd run) cover it;
      // those between them are joins: a query's eight terms then reach across a long phrase.
      const join = inQuery && i % 2 === 1 && i !== chars.length - 2;
      if (!take(chars[i]! + chars[i + 1]!, join)) return false;
    }
    if ((!inQuery || chars.length === 1) && !take(chars.at(-1)!)) return false;
    last = run.index + run[0].length;
  }
  return last === word.length || take(word.slice(last));
}

/** Words as terms: runs of CJK in them as their pairs and last character (`termsOfWord`). */
export function termsOfWords(words: string[]): string[] {
  const terms = new Set<string>();
  for (const word of words) {
    termsOfWord(word, (term) => {
      if (term) terms.add(term);
      return true;
    });
  }
  return [...terms];
}

/**
 * The words `normaliseForSearch` would leave, in order. Text with other characters is read a run
 * between ASCII spaces at a time, and only runs that are not plain ASCII are normalised: ASCII
 * white space separates words before and after normalisation, and no case mapping looks across it.
 */
function words(text: string, take: Take): void {
  if (isPlainAscii(text)) {
    asciiWords(text, 0, text.length, take);
    return;
  }
  let start = 0;
  let plain = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (!isAsciiSpace(c)) {
      if (c < 0x21 || c > 0x7e) plain = false;
      continue;
    }
    if (i > start) {
      if (plain) {
        if (!asciiWords(text, start, i, take)) return;
      } else {
        const normal = normaliseForSearch(text.slice(start, i));
        // Tested once a run (after normalisation, which can make CJK of other characters: ㍿).
        const unspaced = hasUnspaced(normal);
        for (const word of normal.split(' ')) if (word && !(unspaced ? termsOfWord(word, take) : take(word))) return;
      }
    }
    start = i + 1;
    plain = true;
  }
}

/**
 * Distinct searchable words of some texts: normalised for search (`normaliseForSearch`), two
 * characters or more, and the pairs and last character of runs of CJK (`termsOfWord`).
 */
export function tokenize(...texts: string[]): string[] {
  const tokens = new Set<string>();
  const take: Take = (word) => {
    if ((word.length >= 2 || isUnspacedChar(word)) && word.length <= MAX_TOKEN_LENGTH) tokens.add(word);
    return tokens.size < MAX_TOKENS;
  };
  for (const text of texts) {
    words(text, take);
    if (tokens.size >= MAX_TOKENS) break;
  }
  return [...tokens];
}

/** Query words this short match whole words only: as prefixes they would match half the vocabulary. */
export const MIN_PREFIX = 3;

/** Whether a query word (not CJK) finds a word of a paper, as search reads them: starts it, or is it under `MIN_PREFIX`. */
export const findsWord = (token: string, word: string) => (token.length >= MIN_PREFIX ? word.startsWith(token) : word === token);

/** Query words searched at most: each is a read of its postings, and a pasted paragraph would make hundreds. */
export const MAX_QUERY_TOKENS = 8;

/**
 * The words of a query as the index holds them, every one: a run of CJK as its pairs of
 * characters side by side, or its one character (searched as the start of terms); and the pairs
 * between those (`joins`), which only check that the run is whole ("方法调度" is not "调度方法").
 */
export function queryParts(query: string): { words: string[]; joins: string[] } {
  const words = new Set<string>();
  const joins = new Set<string>();
  for (const word of normaliseForSearch(query).split(' ')) {
    termsOfWord(
      word,
      (term, join) => {
        if (term) (join ? joins : words).add(term);
        return true;
      },
      true,
    );
  }
  return { words: [...words], joins: [...joins].filter((join) => !words.has(join)) };
}

/** What a query searches for (`queryParts`), eight at most: its words first, then joins. */
export function queryTokens(query: string): string[] {
  const { words, joins } = queryParts(query);
  return [...words, ...joins].slice(0, MAX_QUERY_TOKENS);
}

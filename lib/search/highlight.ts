import { normaliseForSearch } from './normalise';
import { markdownAsText } from './plain-text';
import { findsWord, hasUnspaced, UNSPACED } from './tokens';

export interface Segment {
  text: string;
  hit: boolean;
}

/** Letters and digits, and the enclosed and squared CJK symbols that search reads as them (㈱, ㍿). */
const WORD = /[\p{L}\p{N}\u3200-\u33ff]+(?:['’][\p{L}\p{N}\u3200-\u33ff]+)*/gu;
/** What NFKD makes of a character that belongs to the one before it: a mark (an accent, ﾞ), or a Hangul vowel or final. */
const JOINS_PREVIOUS = /^(?:\p{M}|[\u1160-\u11ff\ud7b0-\ud7ff])/u;

/**
 * A word's characters as search reads them, each with the text it stands for in the word:
 * normalised one by one, a character and what joins it (カ and ﾞ, ᄒ and ᅡ) together, so that a
 * hit in the normalised word can be marked on the characters the reader sees (ｶﾞ, ㍿, 한).
 */
function searchCharacters(word: string): { text: string; form: string }[] {
  const characters: { text: string; form: string }[] = [];
  for (const character of word) {
    const last = characters.at(-1);
    if (last && JOINS_PREVIOUS.test(character.normalize('NFKD'))) last.text += character;
    else characters.push({ text: character, form: '' });
  }
  for (const character of characters) character.form = normaliseForSearch(character.text).replace(/ /g, '');
  return characters;
}

/**
 * Where in a word with CJK in it the query's tokens are, each part of it with whether a token
 * covers it: the query's pairs of characters wherever they are in a CJK run, its words at the
 * start of the word's other parts; found in the word as search reads it, marked on the word.
 */
function unspacedHits(word: string, tokens: string[]): Segment[] {
  const characters = searchCharacters(word);
  const owner: number[] = [];
  characters.forEach((character, i) => owner.push(...Array<number>(character.form.length).fill(i)));
  const read = characters.map((character) => character.form).join('');
  const covered = new Array<boolean>(characters.length).fill(false);
  // From the character of the first unit to that of the last: quotes between them (no form) too.
  const cover = (from: number, to: number) => covered.fill(true, owner[from], owner[to - 1]! + 1);
  for (const token of tokens) {
    if (!hasUnspaced(token)) continue;
    for (let at = read.indexOf(token); at >= 0; at = read.indexOf(token, at + 1)) cover(at, at + token.length);
  }
  let from = 0;
  const other = (to: number) => {
    const part = read.slice(from, to);
    if (part && tokens.some((token) => !hasUnspaced(token) && findsWord(token, part))) cover(from, to);
  };
  for (const run of read.matchAll(UNSPACED)) {
    other(run.index);
    from = run.index + run[0].length;
  }
  other(read.length);
  const parts: Segment[] = [];
  characters.forEach(({ text }, i) => {
    const part = parts.at(-1);
    if (part && part.hit === covered[i]) part.text += text;
    else parts.push({ text, hit: covered[i]! });
  });
  return parts;
}

/**
 * The words of a text that a query token finds (`findsWord`, as search matched it), in order: where
 * each starts, and its parts (one, or for a word with CJK in it, the parts a token covers or not).
 */
function* hitWords(text: string, tokens: string[]): Generator<{ at: number; parts: Segment[] }> {
  for (const match of text.matchAll(WORD)) {
    const word = normaliseForSearch(match[0]).replace(/ /g, '');
    if (hasUnspaced(word)) {
      const parts = unspacedHits(match[0], tokens);
      if (parts.some((part) => part.hit)) yield { at: match.index, parts };
    } else if (tokens.some((token) => findsWord(token, word))) yield { at: match.index, parts: [{ text: match[0], hit: true }] };
  }
}

/** Splits text into runs, marking each word that a query token finds (`findsWord`, as search matched it). */
export function highlight(text: string, tokens: string[]): Segment[] {
  if (!tokens.length || !text) return text ? [{ text, hit: false }] : [];
  const segments: Segment[] = [];
  let last = 0;
  for (const { at, parts } of hitWords(text, tokens)) {
    if (at > last) segments.push({ text: text.slice(last, at), hit: false });
    segments.push(...parts);
    last = at + parts.reduce((n, part) => n + part.text.length, 0);
  }
  if (last < text.length) segments.push({ text: text.slice(last), hit: false });
  return segments;
}

/** A cut at `at` moved off the second half of a character outside the BMP (an emoji, a rare Han character). */
const onCharacter = (text: string, at: number) => (at > 0 && at < text.length && /[\udc00-\udfff]/.test(text[at]!) ? at - 1 : at);

/** A short excerpt of a note (Markdown, read as text: `markdownAsText`) around its first hit, for a result list. */
export function snippet(text: string, tokens: string[], radius = 80): string {
  const flat = markdownAsText(text);
  // Only the first hit is wanted: the words after it are not read.
  const first = hitWords(flat, tokens).next();
  if (first.done) return flat.length > radius * 2 ? flat.slice(0, onCharacter(flat, radius * 2)).trimEnd() + '…' : flat;
  // Where its first marked part starts (a CJK word's may come after parts it does not cover).
  const { at, parts } = first.value;
  const unmarked = parts.slice(0, parts.findIndex((part) => part.hit));
  const offset = at + unmarked.reduce((n, part) => n + part.text.length, 0);
  const start = onCharacter(flat, Math.max(0, offset - radius));
  const end = onCharacter(flat, Math.min(flat.length, offset + radius));
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}

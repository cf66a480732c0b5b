import { foldWords, isPlainAscii, normaliseTitle } from '../match/title';

/** Marks other than the kana voicing marks that NFKD splits off ガ and パ (U+3099, U+309A). */
const MARKS_BUT_VOICING = /[^\P{M}\u3099\u309A]+/gu;

/**
 * The form search reads text in: `normaliseTitle`'s, except that Korean stays in syllables and
 * kana keep their voicing. Titles are compared with Hangul decomposed into letters (jamo) and
 * ガ folded to カ, which does no harm when a whole title must agree; but search pairs characters,
 * and pairs of jamo or of unvoiced kana are common to unrelated words (ハス finding バス and パス).
 */
export function normaliseForSearch(text: string): string {
  if (isPlainAscii(text)) return normaliseTitle(text);
  return foldWords(text.normalize('NFKD').replace(MARKS_BUT_VOICING, '').normalize('NFC'));
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseForSearch } from '@/lib/search/normalise';
import { MAX_TOKENS, queryParts, queryTokens, tokenize } from '@/lib/search/tokens';

const CJK = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)/u;
/** A run's terms: each pair of characters in it, and its last character. */
const runTerms = (run: string) => {
  const chars = [...run];
  return [...chars.slice(0, -1).map((c, j) => c + chars[j + 1]), chars.at(-1)!];
};
/** A word's terms: the word, a CJK run within it as its run's terms. */
const terms = (word: string) => word.split(CJK).flatMap((part, i) => (i % 2 ? runTerms(part) : [part]));
const isCjkChar = (w: string) => [...w].length === 1 && CJK.test(w);
/** The definition: the terms of the search-normalised text's words, two to forty characters (or one CJK character), each once. */
const byDefinition = (...texts: string[]) => [...new Set(texts.flatMap((t) => normaliseForSearch(t).split(' ').flatMap(terms)).filter((w) => (w.length >= 2 || isCjkChar(w)) && w.length <= 40))];

describe('tokenize', () => {
  it('gives the words of the normalised texts, in order, each once', () => {
    // Mixed text: plain ASCII words beside accents, ligatures, Unicode spaces, marks after
    // spaces, a final sigma next to a case-ignorable character, marks that decompose to a space.
    const piece = fc.constantFrom('论文评述', '㍿', '\u{20000}', '𠀀调', '㊀二', '这篇论文提出了一种新的调度方法', 'GPU调度', 'の', 'カタカナ', '한국어', '\u1112\u1161\u11ab', 'ｶﾞｲﾄﾞ', 'ガイド', 'パ', 'ｶﾀｶﾅ', '「调度」', "Sarathi‐Serve's", 'KV-cache', "(OSDI '24)", 'Ünïcödé', 'café', '—', 'naïve', 'ﬁx', 'x²', 'ΟΔΟΣ', 'ΑΣ\uFEFFΒ', 'ΑΣ.Β', 'a¨b', '\u0301b', 'DON`T', "it's", '½', 'Ｆｕｌｌ', '\u00a0', '\u3000', ' ', '\t', '\n', '-', '');
    const mixed = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), mixed, fc.constantFrom("Sarathi‐Serve's KV-cache (OSDI '24)", 'Ünïcödé café — naïve', 'a\tb\nc  dd'));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), (texts) => {
        expect(tokenize(...texts)).toEqual(byDefinition(...texts));
      }),
      { numRuns: 2000 },
    );
  });

  it(`stops at ${MAX_TOKENS} distinct words`, () => {
    const huge = Array.from({ length: MAX_TOKENS + 500 }, (_, i) => `w${i}`).join(' ');
    const tokens = tokenize('Title words', huge);
    expect(tokens).toHaveLength(MAX_TOKENS);
    expect(tokens.slice(0, 2)).toEqual(['title', 'words']);
  });

  it('indexes Chinese, Japanese and Korean runs as their pairs of characters and last character, beside the words around them', () => {
    expect(tokenize('OSDI 2024 论文评述 Day 1')).toEqual(['osdi', '2024', '论文', '文评', '评述', '述', 'day']);
    expect(tokenize('GPU调度，新方法')).toEqual(['gpu', '调度', '度', '新方', '方法', '法']);
    expect(tokenize('的 and a')).toEqual(['的', 'and']);
    expect(tokenize('𠀀 x')).toEqual(['𠀀']);
  });

  it('reads a CJK run of a query as its pairs of characters side by side, then the pairs between them, or its one character', () => {
    expect(queryTokens('调度方法')).toEqual(['调度', '方法', '度方']);
    expect(queryParts('调度方')).toEqual({ words: ['调度', '度方'], joins: [] });
    expect(queryParts('调度方法 GPU')).toEqual({ words: ['调度', '方法', 'gpu'], joins: ['度方'] });
    expect(queryTokens('调 GPU调度')).toEqual(['调', 'gpu', '调度']);
    expect(queryTokens('𠀀')).toEqual(['𠀀']);
  });

  it('reads a query as the index holds words, eight at most', () => {
    expect(queryTokens('  KV-Cache, kv cache! ')).toEqual(['kv', 'cache']);
    expect(queryTokens('a b c d e f g h i j')).toHaveLength(8);
  });
});

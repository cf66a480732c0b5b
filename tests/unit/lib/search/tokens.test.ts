import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseTitle } from '@/lib/match/title';
import { MAX_TOKENS, queryTokens, tokenize } from '@/lib/search/tokens';

/** The definition: the words of the title-normalised text, two to forty characters, each once. */
const byDefinition = (...texts: string[]) => [...new Set(texts.flatMap((t) => normaliseTitle(t).split(' ')).filter((w) => w.length >= 2 && w.length <= 40))];

describe('tokenize', () => {
  it('gives the words of the normalised texts, in order, each once', () => {
    // Mixed text: plain ASCII words beside accents, ligatures, Unicode spaces, marks after
    // spaces, a final sigma next to a case-ignorable character, marks that decompose to a space.
    const piece = fc.constantFrom("Sarathi‐Serve's", 'KV-cache', "(OSDI '24)", 'Ünïcödé', 'café', '—', 'naïve', 'ﬁx', 'x²', 'ΟΔΟΣ', 'ΑΣ\uFEFFΒ', 'ΑΣ.Β', 'a¨b', '\u0301b', 'DON`T', "it's", '½', 'Ｆｕｌｌ', '\u00a0', '\u3000', ' ', '\t', '\n', '-', '');
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

  it('reads a query as the index holds words, eight at most', () => {
    expect(queryTokens('  KV-Cache, kv cache! ')).toEqual(['kv', 'cache']);
    expect(queryTokens('a b c d e f g h i j')).toHaveLength(8);
  });
});

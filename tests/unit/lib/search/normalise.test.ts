import { describe, expect, it } from 'vitest';
import { normaliseTitle } from '@/lib/match/title';
import { normaliseForSearch } from '@/lib/search/normalise';

describe('normaliseForSearch', () => {
  it('folds as titles are folded: case, accents, quotes, punctuation and widths', () => {
    for (const text of ["Sarathi‐Serve's KV-cache (OSDI '24)", 'Ünïcödé café — naïve', 'Ｆｕｌｌ ﬁx', 'ΟΔΟΣ', '这篇论文，调度', '㍿']) {
      expect(normaliseForSearch(text)).toBe(normaliseTitle(text));
    }
  });

  it('keeps Korean in syllables, as written or typed as letters', () => {
    expect(normaliseForSearch('한국어 논문')).toBe('한국어 논문');
    expect(normaliseForSearch('\u1112\u1161\u11ab\u1100\u116e\u11a8')).toBe('한국');
    // Titles still compare letter by letter.
    expect(normaliseTitle('한국')).toBe('\u1112\u1161\u11ab\u1100\u116e\u11a8');
  });

  it('keeps the voicing of kana, full or half width, and drops other marks', () => {
    expect(normaliseForSearch('ガイド パス ハス')).toBe('ガイド パス ハス');
    expect(normaliseForSearch('ｶﾞｲﾄﾞ ﾊﾟｽ')).toBe('ガイド パス');
    expect(normaliseForSearch('か\u3099')).toBe('が');
    expect(normaliseForSearch('Crème ガ')).toBe('creme ガ');
  });
});

import { describe, expect, it } from 'vitest';
import { BUCKET, TermChanges, type IndexedTerms } from '@/lib/search/terms';

const terms = (word: string, key: string): IndexedTerms => ({ searchTokens: [word], titleWords: [word], keys: [key], facets: [] });

describe('postings rows', () => {
  it('split words by ranges of paper numbers, key rows never', () => {
    const changes = new TermChanges();
    changes.change(5, null, terms('scheduling', 'abc12345'));
    changes.change(BUCKET * 3 + 1, null, terms('scheduler', 'abc67890'));
    expect(changes.keys.sort()).toEqual(['k:ab#0000', 't:sc#0000', 't:sc#0003', 'w:sch#0000', 'w:sch#0003']);
    const rows = changes.apply(changes.keys.map(() => undefined));
    expect(rows.find((r) => r?.k === 'k:ab#0000')?.terms).toEqual({ abc12345: [5], abc67890: [BUCKET * 3 + 1] });
    expect(rows.find((r) => r?.k === 'w:sch#0000')?.terms).toEqual({ scheduling: [5] });
  });

  it('move a paper between terms within its rows, and drop a row left empty', () => {
    const changes = new TermChanges();
    changes.change(BUCKET + 2, terms('scheduling', 'abc12345'), terms('serving', 'acd00000'));
    const current = changes.keys.map((k) => (k === 'k:ab#0000' ? { k, terms: { abc12345: [1, BUCKET + 2] } } : undefined));
    const rows = Object.fromEntries(changes.apply(current).map((row, i) => [changes.keys[i], row]));
    expect(rows['k:ab#0000']).toEqual({ k: 'k:ab#0000', terms: { abc12345: [1] } });
    expect(rows['k:ac#0000']).toEqual({ k: 'k:ac#0000', terms: { acd00000: [BUCKET + 2] } });
    expect(rows['w:ser#0001']).toEqual({ k: 'w:ser#0001', terms: { serving: [BUCKET + 2] } });
    expect(rows['w:sch#0001']).toBeNull();
  });
});

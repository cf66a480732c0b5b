import { describe, expect, it } from 'vitest';
import { BUCKET, seqsInRow, TermChanges, termsOf, type IndexedTerms, type TermRow } from '@/lib/search/terms';

const terms = (word: string, key: string): IndexedTerms => ({ searchTokens: [word], titleWords: [word], keys: [key], facets: [] });

describe('postings rows', () => {
  it('split words by ranges of paper numbers, key rows never', () => {
    const changes = new TermChanges();
    changes.change(5, null, terms('scheduling', 'cabc12345'));
    changes.change(BUCKET * 3 + 1, null, terms('scheduler', 'cabc67890'));
    expect(changes.keys.sort()).toEqual(['k:ab3#0000', 't:sc#0000', 't:sc#0003', 'w:sch#0000', 'w:sch#0003']);
    const rows = changes.apply(changes.keys.map(() => undefined));
    expect(termsOf(rows.find((r) => r?.k === 'k:ab3#0000')!)).toEqual({ cabc12345: [5], cabc67890: [BUCKET * 3 + 1] });
    expect(rows.find((r) => r?.k === 'w:sch#0000')?.terms).toEqual({ scheduling: [5] });
  });

  it('move a paper between terms within its rows, and drop a row left empty', () => {
    const changes = new TermChanges();
    changes.change(BUCKET + 2, terms('scheduling', 'cabc12345'), terms('serving', 'cacd00000'));
    const keyRow = new TermChanges();
    keyRow.change(1, null, terms('x', 'cabc12345'));
    keyRow.change(BUCKET + 2, null, terms('x', 'cabc12345'));
    const stored = keyRow.apply([undefined, undefined, undefined, undefined]).find((r) => r?.k === 'k:ab3#0000')!;
    const current = changes.keys.map((k) => (k === 'k:ab3#0000' ? stored : undefined));
    const rows = Object.fromEntries(changes.apply(current).map((row, i) => [changes.keys[i], row]));
    expect(termsOf(rows['k:ab3#0000']!)).toEqual({ cabc12345: [1] });
    expect(termsOf(rows['k:ac3#0000']!)).toEqual({ cacd00000: [BUCKET + 2] });
    expect(rows['w:ser#0001']).toEqual({ k: 'w:ser#0001', terms: { serving: [BUCKET + 2] } });
    expect(rows['w:sch#0001']).toBeNull();
  });

  it('group hashed keys by the first two hex digits of the hash and a quarter of the third', () => {
    const changes = new TermChanges();
    for (const [seq, key] of [[1, 'cab000000'], [2, 'cab3fffff'], [3, 'cab400000'], [4, 'cabf00000']] as const) changes.change(seq, null, terms('x', key));
    expect(changes.keys.filter((k) => k.startsWith('k:')).sort()).toEqual(['k:ab0#0000', 'k:ab1#0000', 'k:ab3#0000']);
  });

  it('keep key rows packed in one string, read back term by term', () => {
    const changes = new TermChanges();
    changes.change(3, null, terms('a', 'cab000001'));
    changes.change(40, null, terms('a', 'cab000001'));
    changes.change(7, null, terms('a', 'cab000002'));
    const [row] = changes.apply([undefined, undefined, undefined, undefined]).filter((r): r is TermRow => r?.k === 'k:ab0#0000');
    expect(row).toEqual({ k: 'k:ab0#0000', packed: ';cab000001:3,40;cab000002:7' });
    expect(seqsInRow(row!, 'cab000001')).toEqual([3, 40]);
    expect(seqsInRow(row!, 'cab000002')).toEqual([7]);
    // A key inside another's numbers, or a part of a key, finds nothing.
    expect(seqsInRow(row!, 'cab00000')).toBeUndefined();
    expect(seqsInRow(row!, '40')).toBeUndefined();
    expect(seqsInRow(row!, 'cab000003')).toBeUndefined();
    expect(termsOf(row!)).toEqual({ cab000001: [3, 40], cab000002: [7] });
  });

  it('read words rows by own properties only', () => {
    const row: TermRow = { k: 'w:con#0000', terms: { cons: [1] } };
    expect(seqsInRow(row, 'constructor')).toBeUndefined();
    expect(seqsInRow(row, 'cons')).toEqual([1]);
  });
});

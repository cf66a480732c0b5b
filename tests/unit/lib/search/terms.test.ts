import { describe, expect, it } from 'vitest';
import { BUCKET, eachTerm, seqsInRow, TermChanges, type IndexedTerms, type TermRow } from '@/lib/search/terms';
import { termsOf } from '../../db-helpers';

const terms = (word: string, key: string): IndexedTerms => ({ searchTokens: [word], titleWords: [word], keys: [key], facets: [] });

describe('postings rows', () => {
  it('split words by ranges of paper numbers, key rows never', () => {
    const changes = new TermChanges();
    changes.change(5, null, terms('scheduling', 'cabc12345'));
    changes.change(BUCKET * 3 + 1, null, terms('scheduler', 'cabc67890'));
    expect(changes.keys.sort()).toEqual(['k:ab3#0000', 't:sc#0000', 't:sc#0003', 'w:sch#0000', 'w:sch#0003']);
    const rows = changes.apply(changes.keys.map(() => undefined));
    expect(termsOf(rows.find((r) => r?.k === 'k:ab3#0000')!)).toEqual({ cabc12345: [5], cabc67890: [BUCKET * 3 + 1] });
    expect(termsOf(rows.find((r) => r?.k === 'w:sch#0000')!)).toEqual({ scheduling: [5] });
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
    expect(rows['w:ser#0001']).toEqual({ k: 'w:ser#0001', words: 'serving', wordEnds: Int32Array.of(7), ends: Int32Array.of(1), ids: Int32Array.of(BUCKET + 2) });
    expect(rows['w:sch#0001']).toBeNull();
  });

  it('keep CJK terms in rows by their first character, so that one character reads the terms it starts', () => {
    const changes = new TermChanges();
    changes.change(1, null, { searchTokens: ['调度', '度', 'gpu', '𠀀调'], titleWords: ['调度'], keys: [], facets: [] });
    expect(changes.keys.sort()).toEqual(['t:调#0000', 'w:gpu#0000', 'w:度#0000', 'w:调#0000', 'w:𠀀#0000']);
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

  it('keep word, title and facet rows as their sorted terms in one string and their numbers in typed arrays', () => {
    const changes = new TermChanges();
    changes.change(9, null, { searchTokens: ['schema', 'sch', 'scheduling'], titleWords: [], keys: [], facets: ['vOSDI 2024', 'gsystems'] });
    changes.change(2, null, { searchTokens: ['scheduling', 'schema'], titleWords: [], keys: [], facets: ['vOSDI 2024'] });
    const rows = Object.fromEntries(changes.apply(changes.keys.map(() => undefined)).map((row, i) => [changes.keys[i], row]));
    expect(rows['w:sch#0000']).toEqual({
      k: 'w:sch#0000',
      words: 'schschedulingschema',
      wordEnds: Int32Array.of(3, 13, 19),
      ends: Int32Array.of(1, 3, 5),
      ids: Int32Array.of(9, 2, 9, 2, 9),
    });
    expect(termsOf(rows['f:v#0000']!)).toEqual({ 'vOSDI 2024': [2, 9] });
    expect(termsOf(rows['f:g#0000']!)).toEqual({ gsystems: [9] });
  });

  it('find a term of a column row whole, never a part of one or a run across two', () => {
    const changes = new TermChanges();
    const words = ['sch', 'scheduling', 'schema', 'schedule', 'scholar', 'schemas'];
    words.forEach((word, seq) => changes.change(seq, null, terms(word, 'cab000000')));
    const row = changes.apply(changes.keys.map(() => undefined)).find((r) => r?.k === 'w:sch#0000')!;
    words.forEach((word, seq) => expect(Array.from(seqsInRow(row, word)!)).toEqual([seq]));
    // A run across two terms ("schedule" + "scheduling"), a part of one, a term past them all or before.
    for (const missing of ['scheduleschedul', 'schedulings', 'sche', 'schol', 'schz', 'sc', '', 'constructor']) expect(seqsInRow(row, missing)).toBeUndefined();
  });

  it('give the terms of any row that start with a prefix, and only whole terms', () => {
    const changes = new TermChanges();
    ['sch', 'scheduling', 'schema', 'schedule', 'scholar'].forEach((word, seq) => changes.change(seq, null, terms(word, 'cab000000')));
    const row = changes.apply(changes.keys.map(() => undefined)).find((r) => r?.k === 'w:sch#0000')!;
    const startingWith = (of: TermRow, prefix: string) => {
      const found: [string, number[]][] = [];
      eachTerm(of, (term, seqs) => found.push([term, Array.from(seqs)]), prefix);
      return found;
    };
    expect(startingWith(row, 'sched')).toEqual([['schedule', [3]], ['scheduling', [1]]]);
    expect(startingWith(row, 'sch').map(([term]) => term)).toEqual(['sch', 'schedule', 'scheduling', 'schema', 'scholar']);
    // "sch" then "schedule" written one after the other read "schschedule": no term starts with "schs".
    expect(startingWith(row, 'schs')).toEqual([]);
    expect(startingWith(row, 'scheduler')).toEqual([]);
    // Rows of the other forms: the same answers.
    const older: TermRow = { k: 'w:sch#0000', terms: { scheduling: [1], schema: [2], sch: [0] } };
    expect(startingWith(older, 'sche')).toEqual([['scheduling', [1]], ['schema', [2]]]);
    const packed: TermRow = { k: 'k:ab0#0000', packed: ';cab000001:3,40;cab100002:7' };
    expect(startingWith(packed, 'cab0')).toEqual([['cab000001', [3, 40]]]);
  });

  it('rewrite a row of the form before version 14 in the new form, with its other terms kept', () => {
    const changes = new TermChanges();
    changes.change(4, terms('schema', 'cab000000'), terms('scheduling', 'cab000000'));
    const older: TermRow = { k: 'w:sch#0000', terms: { schema: [1, 4], scholar: [2] } };
    const row = changes.apply(changes.keys.map((k) => (k === 'w:sch#0000' ? older : undefined))).find((r) => r?.k === 'w:sch#0000')!;
    expect(row.terms).toBeUndefined();
    expect(termsOf(row)).toEqual({ schema: [1], scholar: [2], scheduling: [4] });
  });

  it('merge changes into a column row: numbers kept ascending, a term left empty dropped', () => {
    const first = new TermChanges();
    for (const seq of [1, 5, 9]) first.change(seq, null, terms('scheduling', 'cab000000'));
    first.change(3, null, terms('schema', 'cab000000'));
    const stored = first.apply(first.keys.map(() => undefined)).find((r) => r?.k === 'w:sch#0000')!;
    const next = new TermChanges();
    next.change(7, null, terms('scheduling', 'cab000000'));
    next.change(3, terms('schema', 'cab000000'), terms('scholar', 'cab000000'));
    next.change(1, terms('scheduling', 'cab000000'), null);
    const row = next.apply(next.keys.map((k) => (k === 'w:sch#0000' ? stored : undefined))).find((r) => r?.k === 'w:sch#0000')!;
    expect(termsOf(row)).toEqual({ scheduling: [5, 7, 9], scholar: [3] });
    expect(row.words).toBe('schedulingscholar');
  });

  it('survive the structured clone IndexedDB stores rows by', () => {
    const changes = new TermChanges();
    changes.change(2, null, terms('scheduling', 'cab000000'));
    const row = changes.apply(changes.keys.map(() => undefined)).find((r) => r?.k === 'w:sch#0000')!;
    const copy = structuredClone(row);
    expect(copy.ids).toBeInstanceOf(Int32Array);
    expect(Array.from(seqsInRow(copy, 'scheduling')!)).toEqual([2]);
  });

  it('read words rows by own properties only', () => {
    const row: TermRow = { k: 'w:con#0000', terms: { cons: [1] } };
    expect(seqsInRow(row, 'constructor')).toBeUndefined();
    expect(seqsInRow(row, 'cons')).toEqual([1]);
    const changes = new TermChanges();
    changes.change(1, null, terms('cons', 'cab000000'));
    const column = changes.apply(changes.keys.map(() => undefined)).find((r) => r?.k === 'w:con#0000')!;
    expect(seqsInRow(column, 'constructor')).toBeUndefined();
    expect(seqsInRow(column, '__proto__')).toBeUndefined();
  });
});

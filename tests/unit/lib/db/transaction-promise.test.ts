import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { getPaper, getPapers } from '@/lib/db/read';
import { inTransaction } from '@/lib/db/transaction-promise';
import { putPapers } from '@/lib/db/write';
import { addPaper, freshDb } from '../../db-helpers';

// What the wrapping prevents (a caller resumed outside its transaction while a panel's live
// queries run beside it) shows only in a browser: selection.e2e's "not this paper" test failed so.
describe('helpers awaited inside a transaction', () => {
  it('give Dexie’s promises, with the async function’s result or error', async () => {
    const double = inTransaction(async (n: number) => {
      if (n < 0) throw new Error('negative');
      return n * 2;
    });
    expect(double(2)).toBeInstanceOf(Dexie.Promise);
    await expect(double(2)).resolves.toBe(4);
    await expect(double(-1)).rejects.toThrow('negative');
  });

  it('are wrapped so: the reads and writes of papers', async () => {
    const db = freshDb();
    const paper = await addPaper(db, { title: 'A paper' });
    expect(getPapers(db, [paper.id])).toBeInstanceOf(Dexie.Promise);
    expect(getPaper(db, paper.id)).toBeInstanceOf(Dexie.Promise);
    const write = db.transaction('rw', [db.shelves, db.terms, db.meta], () => {
      const put = putPapers(db, [{ ...paper, summary: 'One line.' }]);
      expect(put).toBeInstanceOf(Dexie.Promise);
      return put;
    });
    await write;
    expect((await getPaper(db, paper.id))?.summary).toBe('One line.');
  });
});

/**
 * Async functions of lib/db that no transaction awaits: each opens its own, or reads with none, and
 * only the panels, the options page and the worker call them. Any other async helper there is
 * awaited inside transactions and must be wrapped by `inTransaction`.
 */
const ENTRY_POINTS = [
  'adoptDraft', 'createPaper', 'deletePaper', 'dropDraft', 'latestDraft', 'listSnapshots', 'listTags', 'listTopics',
  'listVenues', 'matchPage', 'rejectMatch', 'restoreSnapshot', 'saveDraft', 'savePaper', 'searchPapers', 'updatePaper',
];

describe('the async functions of lib/db', () => {
  it('are wrapped, or are entry points no transaction awaits', () => {
    const dir = join(import.meta.dirname, '../../../../lib/db');
    const unwrapped = readdirSync(dir)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/^(?:export )?async function (\w+)/gm)].map((m) => m[1]!));
    expect(unwrapped.sort()).toEqual(ENTRY_POINTS);
  });
});

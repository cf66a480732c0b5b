import Dexie from 'dexie';
import { catalogText, sameText } from '../catalog/text';
import { indexedTerms } from '../notes/derive';
import { checkLengths } from '../notes/limits';
import { TermChanges, type TermRow } from '../search/terms';
import { getPapers } from './read';
import type { PaperRecord } from './records';
import type { PaperNotesDB } from './schema';
import { shelve } from './shelves';
import { inTransaction } from './transaction-promise';

const SEQ = 'seq';

/**
 * A catalog record stores its base text only once it differs from it: the first write that
 * changes the text of a record still based on the same catalog version records that version.
 */
function keepCatalogBase(before: PaperRecord | undefined, written: PaperRecord): PaperRecord {
  const base = written.catalogBase;
  if (!before || !base || base.fields || before.catalogBase?.hash !== base.hash || before.catalogBase.fields) return written;
  const text = catalogText(before);
  return sameText(text, catalogText(written)) ? written : { ...written, catalogBase: { hash: base.hash, fields: text } };
}

/** The tables every paper write touches: call the functions below inside a transaction on these. */
export const paperTables = (db: PaperNotesDB) => [db.shelves, db.terms, db.meta];

/** Past this many rows, a write asks which exist before reading them (each read is a round trip). */
const MANY_ROWS = 500;

/** The current postings rows of these keys; undefined for a row not written yet. */
const currentRows = inTransaction(async function currentRows(db: PaperNotesDB, keys: string[]): Promise<(TermRow | undefined)[]> {
  if (keys.length < MANY_ROWS) return db.terms.bulkGet(keys);
  // A bulk write into a new or small library touches thousands of rows that do not exist yet:
  // one read of every key finds those, and only the rest are read.
  const stored = new Set(await db.terms.toCollection().primaryKeys());
  const present = keys.filter((k) => stored.has(k));
  const found = new Map((await db.terms.bulkGet(present)).map((row, i) => [present[i]!, row]));
  return keys.map((k) => found.get(k));
});

const applyTerms = inTransaction(async function applyTerms(db: PaperNotesDB, changes: TermChanges): Promise<void> {
  const keys = changes.keys;
  if (!keys.length) return;
  const rows = changes.apply(await currentRows(db, keys));
  await db.terms.bulkPut(rows.filter((r) => r !== null));
  await db.terms.bulkDelete(keys.filter((_, i) => rows[i] === null));
});

/** How many paper numbers were given: it grows with every paper added, and only then. */
export const papersNumbered = inTransaction(async function papersNumbered(db: PaperNotesDB): Promise<number> {
  return ((await db.meta.get(SEQ))?.value as number | undefined) ?? 0;
});

/** What a caller may already know, by record index, to spare reading it again. */
export interface Known {
  /** The records as stored now (undefined: a new record). */
  previous?: (PaperRecord | undefined)[];
}

/**
 * Writes papers and keeps the search postings in step: a new paper gets the next number, a
 * rewritten one keeps its own, and only the terms that changed are touched. Must run inside a
 * read-write transaction on `paperTables(db)`.
 */
export const putPapers = inTransaction(async function putPapers(db: PaperNotesDB, records: PaperRecord[], known: Known = {}): Promise<PaperRecord[]> {
  if (!records.length) return [];
  // One paper written twice in a write would be stored once but indexed as both: refuse it.
  if (new Set(records.map((r) => r.id)).size !== records.length) throw new Error('A write names the same paper twice; nothing was written.');
  // A note a backup could not restore is never kept.
  for (const record of records) checkLengths(record);
  const previous = known.previous ?? (await getPapers(db, records.map((r) => r.id)));
  const start = await papersNumbered(db);
  let next = start;
  const numbered = records.map((record, i) => {
    const before = previous[i];
    return keepCatalogBase(before, { ...record, seq: before?.seq ?? next++ });
  });
  // The records go to the database first: it stores them while their words are computed here.
  const stored = Dexie.Promise.all<unknown>([shelve(db.shelves, numbered, [], start), next !== start && db.meta.put({ key: SEQ, value: next })]);
  const changes = new TermChanges();
  numbered.forEach((written, i) => {
    const before = previous[i];
    changes.change(written.seq!, before?.seq === undefined ? null : indexedTerms(before), indexedTerms(written));
  });
  await stored;
  await applyTerms(db, changes);
  return numbered;
});

/** Deletes papers and their postings. Inside a read-write transaction on `paperTables(db)`. */
export const deletePapers = inTransaction(async function deletePapers(db: PaperNotesDB, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const changes = new TermChanges();
  const removed: number[] = [];
  for (const record of await getPapers(db, ids)) {
    if (record?.seq === undefined) continue;
    changes.change(record.seq, indexedTerms(record), null);
    removed.push(record.seq);
  }
  await shelve(db.shelves, [], removed, Infinity);
  await applyTerms(db, changes);
});

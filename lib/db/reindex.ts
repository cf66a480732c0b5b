import { indexedTerms } from '../notes/derive';
import type { Table } from 'dexie';
import { TermChanges, type TermRow } from '../search/terms';
import type { MetaRecord, PaperRecord } from './records';
import type { PaperNotesDB } from './schema';
import { eachShelfPage, type ShelfTable } from './shelves';
import { inTransaction } from './transaction-promise';

/**
 * The version of the postings: of the words papers are indexed under (`indexedTerms`) and of the
 * rows that hold them (`lib/search/terms.ts`). Bump it whenever either changes, and every database
 * rebuilds its postings once, at its next start. Papers are found by id through the key rows
 * (`getPapers`): a change to those rows' keys or layout must also be rebuilt inside a schema
 * upgrade, as version 11 does, or a write before the rebuild would not find a paper it rewrites
 * and would store it a second time. Version 15 indexes runs of CJK as pairs of characters;
 * version 16 adds each run's last character and keeps CJK terms in rows by their first character;
 * version 17 reads Korean in syllables and kana with their voicing (`normaliseForSearch`);
 * version 18 lists papers without a venue under a venue facet of their own; version 19 reads
 * title words as search does, so that Korean and voiced kana in a title rank it first.
 */
export const TERMS_VERSION = 19;
export const TERMS_VERSION_KEY = 'termsVersion';

/** Adds papers, as new, to the postings changes. */
function index(changes: TermChanges, records: PaperRecord[]): void {
  for (const record of records) if (record.seq !== undefined) changes.change(record.seq, null, indexedTerms(record));
}

const rowsOf = (changes: TermChanges) => changes.apply([]).filter((row): row is TermRow => !!row);

/** The postings of these papers, computed afresh from their fields. */
export function postingsOf(records: PaperRecord[]): TermRow[] {
  const changes = new TermChanges();
  index(changes, records);
  return rowsOf(changes);
}

/** Replaces the postings with these rows and records the version they were made by. */
export const replacePostings = inTransaction(async function replacePostings(terms: Pick<Table<TermRow>, 'clear' | 'bulkPut'>, meta: Pick<Table<MetaRecord>, 'put'>, rows: TermRow[]): Promise<void> {
  await terms.clear();
  await terms.bulkPut(rows);
  await meta.put({ key: TERMS_VERSION_KEY, value: TERMS_VERSION });
});

/** The tables a rebuild writes. */
export type PostingsTables = Pick<PaperNotesDB, 'terms' | 'meta'>;

/** Every paper, a page at a time (what a rebuild keeps is their words, not their notes): returns how many. */
export type PaperPages = (visit: (papers: PaperRecord[]) => void) => Promise<number>;

/** Papers read at a time from the papers store of schemas 3 to 10 (50,000 notes are ~65 MB). */
const REBUILD_PAGE = 2000;

/** The papers store of schemas 3 to 10, by id, for the upgrades that rebuilt the postings from it. */
export function storePages(papers: Table<PaperRecord, string>, pageSize = REBUILD_PAGE): PaperPages {
  return inTransaction(async (visit: (papers: PaperRecord[]) => void) => {
    let read = 0;
    let after: string | undefined;
    for (;;) {
      const page = await (after === undefined ? papers.orderBy(':id') : papers.where(':id').above(after)).limit(pageSize).toArray();
      visit(page);
      read += page.length;
      if (page.length < pageSize) return read;
      after = page[page.length - 1]!.id;
    }
  });
}

/** The shelves (schema 11 on), by number. */
export const shelfPages =
  (shelves: ShelfTable, pageShelves?: number): PaperPages =>
  (visit) =>
    eachShelfPage(shelves, visit, pageShelves);

/**
 * The postings of every paper, computed afresh; returns how many papers were read. Inside a
 * transaction on the papers' store, terms and meta.
 */
export const rebuildTerms = inTransaction(async function rebuildTerms(tables: PostingsTables, pages: PaperPages): Promise<number> {
  const changes = new TermChanges();
  const read = await pages((page) => index(changes, page));
  await replacePostings(tables.terms, tables.meta, rowsOf(changes));
  return read;
});

/** Whether the postings were made by this version of the indexing. */
export const termsCurrent = inTransaction(async function termsCurrent(db: PaperNotesDB): Promise<boolean> {
  return (await db.meta.get(TERMS_VERSION_KEY))?.value === TERMS_VERSION;
});

/** Rebuilds the postings if they were made by another version of the indexing; true if it did. */
export function ensureTerms(db: PaperNotesDB): Promise<boolean> {
  return db.transaction('rw', [db.shelves, db.terms, db.meta], async () => {
    if (await termsCurrent(db)) return false;
    await rebuildTerms(db, shelfPages(db.shelves));
    return true;
  });
}

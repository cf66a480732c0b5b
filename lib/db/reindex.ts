import { indexedTerms } from '../notes/derive';
import type { Table } from 'dexie';
import { TermChanges, type TermRow } from '../search/terms';
import type { MetaRecord, PaperRecord } from './records';
import type { PaperNotesDB } from './schema';

/**
 * The version of the postings: of the words papers are indexed under (`indexedTerms`) and of the
 * rows that hold them (`lib/search/terms.ts`). Bump it whenever either changes, and every database
 * rebuilds its postings once, at its next start.
 */
export const TERMS_VERSION = 12;
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
export async function replacePostings(terms: Pick<Table<TermRow>, 'clear' | 'bulkPut'>, meta: Pick<Table<MetaRecord>, 'put'>, rows: TermRow[]): Promise<void> {
  await terms.clear();
  await terms.bulkPut(rows);
  await meta.put({ key: TERMS_VERSION_KEY, value: TERMS_VERSION });
}

/** The tables a rebuild reads and writes: the database's, or a schema upgrade's (`tx.table`). */
export type PostingsTables = Pick<PaperNotesDB, 'papers' | 'terms' | 'meta'>;

/** Papers read at a time by a rebuild: the words are kept, not the notes (50,000 notes are ~65 MB). */
const REBUILD_PAGE = 2000;

/**
 * The postings of every paper, computed afresh; returns how many papers were read. Inside a
 * transaction on papers, terms and meta.
 */
export async function rebuildTerms(db: PostingsTables, pageSize = REBUILD_PAGE): Promise<number> {
  const changes = new TermChanges();
  let read = 0;
  let after: string | undefined;
  for (;;) {
    const page = await (after === undefined ? db.papers.orderBy(':id') : db.papers.where(':id').above(after)).limit(pageSize).toArray();
    index(changes, page);
    read += page.length;
    if (page.length < pageSize) break;
    after = page[page.length - 1]!.id;
  }
  await replacePostings(db.terms, db.meta, rowsOf(changes));
  return read;
}

/** Whether the postings were made by this version of the indexing. */
export async function termsCurrent(db: PaperNotesDB): Promise<boolean> {
  return (await db.meta.get(TERMS_VERSION_KEY))?.value === TERMS_VERSION;
}

/** Rebuilds the postings if they were made by another version of the indexing; true if it did. */
export function ensureTerms(db: PaperNotesDB): Promise<boolean> {
  return db.transaction('rw', [db.papers, db.terms, db.meta], async () => {
    if (await termsCurrent(db)) return false;
    await rebuildTerms(db);
    return true;
  });
}

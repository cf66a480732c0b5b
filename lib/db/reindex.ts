import { indexedTerms } from '../notes/derive';
import { TermChanges, type TermRow } from '../search/terms';
import type { PaperNotesDB } from './schema';

/**
 * The version of the words papers are indexed under (`indexedTerms`): bump it whenever those
 * change, and every database rebuilds its postings once, at its next start.
 */
export const TERMS_VERSION = 3;
export const TERMS_VERSION_KEY = 'termsVersion';

/** The postings of every paper, computed afresh. Inside a transaction on papers, terms and meta. */
export async function rebuildTerms(db: PaperNotesDB): Promise<void> {
  const changes = new TermChanges();
  await db.papers.each((record) => {
    if (record.seq !== undefined) changes.change(record.seq, null, indexedTerms(record));
  });
  await db.terms.clear();
  await db.terms.bulkPut(changes.apply([]).filter((row): row is TermRow => !!row));
  await db.meta.put({ key: TERMS_VERSION_KEY, value: TERMS_VERSION });
}

/** Rebuilds the postings if they were made by another version of the indexing; true if it did. */
export function ensureTerms(db: PaperNotesDB): Promise<boolean> {
  return db.transaction('rw', [db.papers, db.terms, db.meta], async () => {
    if ((await db.meta.get(TERMS_VERSION_KEY))?.value === TERMS_VERSION) return false;
    await rebuildTerms(db);
    return true;
  });
}

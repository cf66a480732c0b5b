import { identifiersFrom } from '../notes/identifiers';
import { fieldsFromPage } from '../notes/from-page';
import type { DetectedPaper } from '../paper';
import { findPaper, type Match } from './lookup';
import { createPaper, updatePaper } from './notes';
import type { PaperRecord } from './records';
import type { PaperNotesDB } from './schema';
import { paperTables } from './write';
import { getPaper } from './read';
import { shelve } from './shelves';

/**
 * The note for a page. An identity or exact title match records the page's identifiers on the
 * note, so that the next visit (or the same paper's other site) is an indexed hit; a fuzzy match
 * waits for the user to confirm it.
 */
export async function matchPage(db: PaperNotesDB, paper: DetectedPaper): Promise<Match | null> {
  const match = await findPaper(db, paper);
  if (!match || match.by === 'fuzzy' || !identifiersFrom(match.record, paper)) return match;
  return { ...match, record: await confirmMatch(db, match.record.id, paper) };
}

/** The user said (or an exact match showed) that a page is this paper: remember its identifiers. */
export function confirmMatch(db: PaperNotesDB, id: string, paper: DetectedPaper): Promise<PaperRecord> {
  return updatePaper(db, id, (current) => identifiersFrom(current, paper));
}

/** The user said a page is not this paper: never propose it for that page again. */
export async function rejectMatch(db: PaperNotesDB, id: string, paper: DetectedPaper): Promise<void> {
  await db.transaction('rw', [db.shelves, db.terms], async () => {
    const current = await getPaper(db, id);
    if (current && !current.rejected?.includes(paper.key)) {
      // Not a field of the note: no new revision, and nothing it is found by changes.
      await shelve(db.shelves, [{ ...current, rejected: [...(current.rejected ?? []), paper.key].slice(-100) }], [], Infinity);
    }
  });
}

/** "Create note": a new note for a page that has none, filled from the page. */
export function createFromPage(db: PaperNotesDB, paper: DetectedPaper): Promise<PaperRecord> {
  // One transaction: two panels pressing "Create note" at once make one note, not two.
  return db.transaction('rw', paperTables(db), async () => {
    const existing = await findPaper(db, paper);
    if (existing && existing.by !== 'fuzzy') return existing.record;
    return createPaper(db, fieldsFromPage(paper));
  });
}

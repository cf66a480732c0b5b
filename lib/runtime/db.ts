import { browser } from 'wxt/browser';
import { PaperNotesDB } from '../db/schema';

let shared: PaperNotesDB | undefined;

/** This extension context's database: the extension origin's IndexedDB, shared by pages and worker. */
export function getDb(): PaperNotesDB {
  shared ??= new PaperNotesDB();
  return shared;
}

/**
 * Whether this page runs in private browsing: a Firefox private window (when the user allows the
 * add-on there), or every window when Firefox never remembers history.
 */
const inPrivateBrowsing = () => (browser as { extension?: { inIncognitoContext?: boolean } }).extension?.inIncognitoContext === true;

export const PRIVATE_BROWSING_PROBLEM =
  'Paper Notes cannot read or save notes in private browsing: Firefox gives extension pages in a private window no database. Your notes are not lost: open this page in a normal window to see and edit them. (If Firefox is set to “Never remember history”, every window is private: choose “Remember history” in Settings › Privacy & Security.)';

/**
 * Why the database cannot be used, in words for the user; null when it opens. Firefox gives
 * extension pages in private browsing (a private window, or every window with "Never remember
 * history") no IndexedDB: opening it fails with InvalidStateError.
 */
export async function databaseProblem(db: PaperNotesDB = getDb(), isPrivate: () => boolean = inPrivateBrowsing): Promise<string | null> {
  try {
    await db.open();
    return null;
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    const unavailable = /InvalidState|Security|MissingAPI|OpenFailed/.test(name) || /mutation|private|IndexedDB/i.test(String(error));
    if (unavailable && isPrivate()) return PRIVATE_BROWSING_PROBLEM;
    if (unavailable) return `Paper Notes cannot store notes in this browser profile: its database is unavailable (${String(error)}).`;
    return `Paper Notes could not open its database: ${String(error)}`;
  }
}

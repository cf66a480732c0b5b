import { PaperNotesDB } from '../db/schema';

let shared: PaperNotesDB | undefined;

/** This extension context's database: the extension origin's IndexedDB, shared by pages and worker. */
export function getDb(): PaperNotesDB {
  shared ??= new PaperNotesDB();
  return shared;
}

/**
 * Why the database cannot be used, in words for the user; null when it opens. Firefox with
 * "Never remember history" gives extension pages no durable IndexedDB.
 */
export async function databaseProblem(db: PaperNotesDB = getDb()): Promise<string | null> {
  try {
    await db.open();
    return null;
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    if (/InvalidState|Security|MissingAPI|OpenFailed/.test(name) || /mutation|private|IndexedDB/i.test(String(error))) {
      return 'Paper Notes cannot store notes in this browser profile: its database is unavailable (Firefox does this when history is set to “Never remember”). Your notes are not lost; allow history for extensions or use another profile.';
    }
    return `Paper Notes could not open its database: ${String(error)}`;
  }
}

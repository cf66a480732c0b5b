import { createPaper } from '@/lib/db/notes';
import type { PaperFields, PaperRecord } from '@/lib/db/records';
import { PaperNotesDB } from '@/lib/db/schema';
import { emptyFields } from '@/lib/notes/derive';

let counter = 0;

/** A fresh database in fake-indexeddb, with a name of its own. */
export function freshDb(upTo?: number): PaperNotesDB {
  return new PaperNotesDB(`test-${Date.now()}-${++counter}`, upTo === undefined ? undefined : { upTo });
}

export function addPaper(db: PaperNotesDB, fields: Partial<PaperFields> & { title: string }): Promise<PaperRecord> {
  return createPaper(db, emptyFields(fields));
}

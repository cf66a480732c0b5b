import { PaperPages } from '../gitbook/write';
import { readLibrary } from '../library/from-db';
import type { PaperNotesDB } from '../db/schema';

/**
 * The library as an export to GitBook takes it, with its papers' own pages written while the rest
 * of it is still being read: the read waits on the storage engine, the writing on the CPU.
 */
export async function readForExport(db: PaperNotesDB) {
  const ahead = new PaperPages();
  return { library: await readLibrary(db, ahead.add), ahead };
}

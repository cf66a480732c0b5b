import type { IndexableType } from 'dexie';
import type { PaperRecord } from './records';
import type { PaperNotesDB } from './schema';

/**
 * The papers whose `index` holds any of `values`, at most `each` per value, each record once.
 * One keyed read per value, all sent at once: Dexie's `anyOf` walks a cursor instead, a round
 * trip to the storage engine for every record it passes.
 */
export async function papersWhere(db: PaperNotesDB, index: string, values: IndexableType[], each: number): Promise<PaperRecord[]> {
  const found = await Promise.all(values.map((value) => db.papers.where(index).equals(value).limit(each).toArray()));
  const seen = new Set<string>();
  return found.flat().filter((record) => !seen.has(record.id) && !!seen.add(record.id));
}

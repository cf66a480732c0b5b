import Dexie from 'dexie';
import type { BackupPaper } from '../backup/json';
import { byPageOrder } from '../db/library';
import { pickFields } from '../db/notes';
import type { PaperRecord } from '../db/records';
import type { PaperNotesDB } from '../db/schema';
import type { LibraryData } from './types';
import { allPapers } from '../db/shelves';

/** A record as a backup or an export carries it: its fields and the bookkeeping a restore needs. */
export function toBackupPaper(record: PaperRecord): BackupPaper {
  const paper: BackupPaper = { ...pickFields(record), id: record.id, origin: record.origin, createdAt: record.createdAt, updatedAt: record.updatedAt };
  if (record.catalogId) paper.catalogId = record.catalogId;
  if (record.catalogBase) paper.catalogBase = record.catalogBase;
  return paper;
}

/** The whole library, in page order, as export and backup take it. One read transaction. */
export async function readLibrary(db: PaperNotesDB): Promise<LibraryData & { papers: BackupPaper[] }> {
  return db.transaction('r', [db.shelves, db.venues, db.topics], async () => {
    const [records, venues, topics] = await Dexie.Promise.all([allPapers(db.shelves), db.venues.toArray(), db.topics.toArray()]);
    return { venues, topics, papers: records.sort(byPageOrder).map(toBackupPaper) };
  });
}

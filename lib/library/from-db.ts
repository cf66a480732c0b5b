import Dexie from 'dexie';
import type { BackupPaper } from '../backup/json';
import { byPageOrder } from '../db/library';
import { pickFields } from '../db/notes';
import type { PaperRecord, VenueRecord } from '../db/records';
import type { PaperNotesDB } from '../db/schema';
import type { LibraryData } from './types';
import { eachShelfPageAhead } from '../db/shelves';
import { deletedCatalogIds } from '../db/deleted-catalog';

/** A record as a backup or an export carries it: its fields and the bookkeeping a restore needs. */
export function toBackupPaper(record: PaperRecord): BackupPaper {
  const paper: BackupPaper = { ...pickFields(record), id: record.id, origin: record.origin, createdAt: record.createdAt, updatedAt: record.updatedAt };
  if (record.catalogId) paper.catalogId = record.catalogId;
  if (record.catalogBase) paper.catalogBase = record.catalogBase;
  return paper;
}

/**
 * The whole library, in page order, as export and backup take it. One read transaction. `ahead`
 * is handed the papers a page of shelves at a time as they are read, with the venues, so that an
 * export can write their pages while the rest are still being read (`PaperPages`).
 */
export async function readLibrary(db: PaperNotesDB, ahead?: (papers: BackupPaper[], venues: VenueRecord[]) => void): Promise<LibraryData & { papers: BackupPaper[] }> {
  return db.transaction('r', [db.shelves, db.venues, db.topics, db.meta], async () => {
    // Venues keep the catalog's values they were last given (`catalogBase`): a backup restored
    // elsewhere tells the user's details from the catalog's by them. GitBook pages show neither.
    const [venues, topics, deleted] = await Dexie.Promise.all([db.venues.toArray(), db.topics.toArray(), deletedCatalogIds(db)]);
    const read: [PaperRecord, BackupPaper][] = [];
    await eachShelfPageAhead(db.shelves, (records) => {
      const papers = records.map(toBackupPaper);
      records.forEach((record, i) => read.push([record, papers[i]!]));
      ahead?.(papers, venues);
    });
    return { venues, topics, papers: read.sort(([a], [b]) => byPageOrder(a, b)).map(([, paper]) => paper), deletedCatalogIds: [...deleted].sort() };
  });
}

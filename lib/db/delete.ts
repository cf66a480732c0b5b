import { deletedCatalogIds, setDeletedCatalogIds } from './deleted-catalog';
import type { PaperNotesDB } from './schema';
import { snapshotTables, takeSnapshot } from './snapshots';
import { deletePapers } from './write';
import { getPaper } from './read';

/**
 * Deletes a note and its drafts, kept first as a snapshot (restorable from the options page); a
 * catalog paper's note stays deleted through later catalog syncs.
 */
export async function deletePaper(db: PaperNotesDB, id: string): Promise<void> {
  await db.transaction('rw', [...snapshotTables(db), db.drafts], async () => {
    const record = await getPaper(db, id);
    if (!record) return;
    await takeSnapshot(db, `Deleted “${record.title}”`, [id], []);
    if (record.catalogId) await setDeletedCatalogIds(db, [...(await deletedCatalogIds(db)), record.catalogId]);
    await deletePapers(db, [id]);
    await db.drafts.where('paperId').equals(id).delete();
  });
}

import { buildRecord, pickFields } from './notes';
import type { PaperRecord } from './records';
import type { PaperNotesDB } from './schema';
import { deletePapers, paperTables, putPapers } from './write';
import { getPapers } from './read';
import { inTransaction } from './transaction-promise';

/** How many snapshots are kept; older ones are dropped as new ones are taken. */
export const KEPT_SNAPSHOTS = 5;

/** The records a bulk change (catalog sync, import, restore) was about to change, as they were. */
export interface SnapshotRecord {
  id?: number;
  createdAt: number;
  /** In words, for the options page: "Catalog sync", "Import of 3 files". */
  reason: string;
  /** Records as they were before the change (changed or deleted by it). */
  papers: PaperRecord[];
  /** Ids of records the change added (a restore deletes them). */
  added: string[];
}

export const snapshotTables = (db: PaperNotesDB) => [...paperTables(db), db.snapshots];

/**
 * Records a snapshot inside the caller's transaction (on `snapshotTables`), and keeps only the
 * newest few. Nothing is recorded when nothing changes.
 */
export const takeSnapshot = inTransaction(async function takeSnapshot(db: PaperNotesDB, reason: string, changing: string[], added: string[]): Promise<void> {
  if (!changing.length && !added.length) return;
  const papers = (await getPapers(db, changing)).filter((r): r is PaperRecord => !!r);
  await db.snapshots.add({ createdAt: Date.now(), reason, papers, added });
  const old = await db.snapshots.orderBy('createdAt').reverse().offset(KEPT_SNAPSHOTS).primaryKeys();
  await db.snapshots.bulkDelete(old);
});

export interface SnapshotSummary {
  id: number;
  createdAt: number;
  reason: string;
  changed: number;
  added: number;
}

export async function listSnapshots(db: PaperNotesDB): Promise<SnapshotSummary[]> {
  const all = await db.snapshots.orderBy('createdAt').reverse().toArray();
  return all.map((s) => ({ id: s.id!, createdAt: s.createdAt, reason: s.reason, changed: s.papers.length, added: s.added.length }));
}

/**
 * Puts the records of a snapshot back as they were, and removes the ones the change had added.
 * The restore takes a snapshot of its own first, so that it can be undone the same way.
 */
export async function restoreSnapshot(db: PaperNotesDB, id: number): Promise<{ restored: number; removed: number }> {
  return db.transaction('rw', snapshotTables(db), async () => {
    const snapshot = await db.snapshots.get(id);
    if (!snapshot) throw new Error('That snapshot is no longer kept.');
    const ids = snapshot.papers.map((p) => p.id);
    const present = (await getPapers(db, snapshot.added)).filter((r): r is PaperRecord => !!r).map((r) => r.id);
    await takeSnapshot(db, `Before restoring “${snapshot.reason}” of ${new Date(snapshot.createdAt).toLocaleString()}`, [...ids, ...present], []);
    const current = await getPapers(db, ids);
    // Revisions only grow, so that an editor open on a restored note sees it changed. Index fields
    // are derived afresh: the snapshot may be older than the schema that added one.
    const restored = snapshot.papers.map((p, i) => buildRecord(pickFields(p), { ...p, rev: Math.max(p.rev, current[i]?.rev ?? 0) + 1, updatedAt: Date.now() }));
    await putPapers(db, restored, { previous: current });
    await deletePapers(db, present);
    return { restored: restored.length, removed: present.length };
  });
}

import type { PaperRecord } from '../db/records';
import { deletedCatalogIds, setDeletedCatalogIds } from '../db/deleted-catalog';
import { papersWithFacet, termCounts } from '../db/postings';
import type { PaperNotesDB } from '../db/schema';
import { TERMS_VERSION, TERMS_VERSION_KEY, termsCurrent } from '../db/reindex';
import { takeSnapshot, snapshotTables } from '../db/snapshots';
import { deletePapers, paperTables, putPapers } from '../db/write';
import { CATALOG_FACET, FACET, facetValue } from '../search/facets';
import { acceptPending, adoptCatalogLink, catalogRecord, dismissPending, isEdited, mergeCatalogRecord } from './merge';
import type { Catalog } from './types';
import { storedRow } from './rows';
import { mergeCatalogVenue } from './venues';
import { renamedDeletions, renamedPapers } from './renames';
import { getPaper, getPapers } from '../db/read';
import { newShelves } from '../db/shelves';
import { newPaperId } from '../db/notes';
import { papersWithDrafts } from '../db/drafts';
import { inTransaction } from '../db/transaction-promise';

export const APPLIED_CATALOG = 'catalog';

export interface AppliedCatalog {
  hash: string;
  appliedAt: number;
  papers: number;
  /** The catalog's topics (paths): those a later catalog drops are its to remove. Unset before it was kept. */
  topics?: string[];
}

export interface SyncReport {
  status: 'unchanged' | 'applied';
  added: number;
  updated: number;
  /** Edited by the user, catalog changed too: the user's text kept, the catalog's offered beside it. */
  conflicts: number;
  /** Edited by the user, catalog unchanged (or converged): kept as is. */
  kept: number;
  /** Gone from the catalog and untouched: deleted. */
  removed: number;
  /** Gone from the catalog but edited by the user (or with an unsaved draft): kept, marked no longer in the catalog. */
  orphaned: number;
  /** Deleted by the user: not brought back. */
  deleted: number;
}

/** Test hooks: a fault thrown at a point inside the sync's transaction. */
export interface SyncFaults {
  beforeCommit?: () => void;
}

/** The hash of the catalog last applied to this database, if any. */
export const appliedCatalogHash = inTransaction(async function appliedCatalogHash(db: PaperNotesDB): Promise<string | null> {
  return ((await db.meta.get(APPLIED_CATALOG))?.value as AppliedCatalog | undefined)?.hash ?? null;
});

/**
 * Whether the catalog with this hash is applied and the postings were made by this version of the
 * indexing: what every start checks, in two reads, before it does any work.
 */
export async function catalogCurrent(db: PaperNotesDB, hash: string): Promise<boolean> {
  const [terms, applied] = await Promise.all([termsCurrent(db), appliedCatalogHash(db)]);
  return terms && applied === hash;
}

/**
 * Brings the database in line with a catalog, in one transaction: the old state or the new one,
 * never a mix, whatever interrupts it. Idempotent (a catalog already applied is a no-op, checked
 * inside the transaction, so two contexts starting it at once apply it once), and it works the
 * same for an older catalog (a downgrade). Records the user created are never touched.
 */
export function syncCatalog(db: PaperNotesDB, catalog: Catalog, faults: SyncFaults = {}): Promise<SyncReport> {
  return db.transaction('rw', [...snapshotTables(db), db.venues, db.topics, db.drafts], async () => {
    const report: SyncReport = { status: 'unchanged', added: 0, updated: 0, conflicts: 0, kept: 0, removed: 0, orphaned: 0, deleted: 0 };
    const applied = await appliedCatalogHash(db);
    if (applied === catalog.hash) return report;
    report.status = 'applied';
    const now = Date.now();
    // Only into a database no catalog was ever applied to: one the user emptied keeps their deletions.
    if (catalog.rows && applied === null && (await db.shelves.count()) === 0 && (await db.terms.count()) === 0 && !(await deletedCatalogIds(db)).size) {
      return firstInstall(db, catalog, now, report, faults);
    }
    const linked = new Map<string, PaperRecord>();
    for (const record of await papersWithFacet(db, CATALOG_FACET)) if (record.catalogId) linked.set(record.catalogId, record);
    const ids = new Set(catalog.papers.map((entry) => entry.id));
    const deleted = await deletedCatalogIds(db);
    // A paper whose id a corrected title or venue changed: the record linked to the old id follows
    // it, and is merged like any other (`relinked` keeps it as it is stored, for the write); one
    // the user deleted under the old id stays deleted under the new.
    const relinked = new Map<string, PaperRecord>();
    const relink = (id: string, record: PaperRecord) => {
      linked.delete(record.catalogId!);
      linked.set(id, { ...record, catalogId: id });
      relinked.set(id, record);
    };
    // A record already holding a new catalog paper's id, not linked to it (restored from a copy
    // that lost the link, say): it is linked and keeps its text, never overwritten. A record that
    // followed a correction keeps its first id: where the catalog dropped the id it followed and
    // has its own again (the correction undone, or an older catalog), it goes back to it; where
    // the catalog has both, it stays with the paper it followed, and the other is a new record.
    const taken = new Set<string>();
    const holding = new Map<string, PaperRecord>();
    for (const record of await getPapers(db, catalog.papers.filter((entry) => !linked.has(entry.id)).map((entry) => entry.id))) {
      if (!record) continue;
      const link = record.catalogId;
      if (!link || linked.get(link)?.id !== record.id) holding.set(record.id, record);
      else if (!ids.has(link)) relink(record.id, record);
      else taken.add(record.id);
    }
    const fresh = catalog.papers.filter((entry) => !linked.has(entry.id));
    const dropped = [...linked.values()].filter((record) => !ids.has(record.catalogId!));
    for (const [id, record] of renamedPapers(dropped, fresh.filter((entry) => !holding.has(entry.id) && !deleted.has(entry.id)))) relink(id, record);
    const unclaimed = fresh.filter((entry) => !holding.has(entry.id) && !deleted.has(entry.id) && !relinked.has(entry.id));
    for (const id of renamedDeletions([...deleted].filter((id) => !ids.has(id)), unclaimed)) deleted.add(id);
    // Papers the user deleted stay deleted while the catalog has them; forgotten once it drops them.
    const stillDeleted = fresh.filter((entry) => deleted.has(entry.id) && !holding.has(entry.id)).map((entry) => entry.id);
    if (deleted.size) await setDeletedCatalogIds(db, stillDeleted);

    const puts: PaperRecord[] = [];
    // What the write would otherwise look up again: the stored versions.
    const previous: (PaperRecord | undefined)[] = [];
    const deletes: string[] = [];
    const changing: string[] = [];
    const added: string[] = [];
    for (const entry of catalog.papers) {
      const current = linked.get(entry.id);
      linked.delete(entry.id);
      const held = holding.get(entry.id);
      if (!current && held) {
        const record = adoptCatalogLink(held, entry);
        puts.push(record);
        previous.push(held);
        changing.push(held.id);
        if (isEdited(record)) report.kept++;
        continue;
      }
      if (!current && deleted.has(entry.id)) {
        report.deleted++;
        continue;
      }
      if (!current) {
        const record = catalogRecord(entry, now);
        if (taken.has(entry.id)) record.id = newPaperId();
        puts.push(record);
        previous.push(undefined);
        added.push(record.id);
        report.added++;
        continue;
      }
      const { record, outcome } = mergeCatalogRecord(current, entry, now);
      const was = relinked.get(entry.id);
      if (record || was) {
        puts.push(record ?? current);
        previous.push(was ?? current);
        changing.push(current.id);
      }
      if (outcome === 'updated') report.updated++;
      else if (outcome === 'conflict') report.conflicts++;
      else if (outcome === 'kept' || isEdited(current)) report.kept++;
    }
    // An untouched record with an unsaved draft is being edited: kept as an edited one is.
    const drafted = await papersWithDrafts(db, [...linked.values()].filter((gone) => !isEdited(gone)).map((gone) => gone.id));
    for (const gone of linked.values()) {
      if (isEdited(gone) || drafted.has(gone.id)) {
        if (!gone.catalogRemoved) {
          puts.push({ ...gone, catalogRemoved: true });
          previous.push(gone);
          changing.push(gone.id);
        }
        report.orphaned++;
      } else {
        deletes.push(gone.id);
        report.removed++;
      }
    }
    // Kept before writing: the records this sync changes or deletes, and those it adds.
    await takeSnapshot(db, 'Catalog sync', [...changing, ...deletes], added);
    await putPapers(db, puts, { previous });
    await deletePapers(db, deletes);
    const venues = await db.venues.bulkGet(catalog.venues.map((venue) => venue.label));
    await db.venues.bulkPut(catalog.venues.map((venue, i) => mergeCatalogVenue(venues[i], venue)));
    await putCatalogTopics(db, catalog);
    faults.beforeCommit?.();
    await db.meta.put({ key: APPLIED_CATALOG, value: appliedRecord(catalog, now) });
    return report;
  });
}

const appliedRecord = (catalog: Catalog, now: number): AppliedCatalog => ({
  hash: catalog.hash,
  appliedAt: now,
  papers: catalog.papers.length,
  topics: catalog.topics.map((topic) => topic.path),
});

/**
 * The catalog's topics written, and those the catalog applied before had and this one dropped (or
 * renamed) removed, where no paper is listed under them or under a topic within them (an
 * imported paper, an edited note): they were listed in the library with no paper, for good.
 * Topics an import brought are not the catalog's to remove.
 */
const putCatalogTopics = inTransaction(async function putCatalogTopics(db: PaperNotesDB, catalog: Catalog): Promise<void> {
  const before = ((await db.meta.get(APPLIED_CATALOG))?.value as AppliedCatalog | undefined)?.topics ?? [];
  const now = new Set(catalog.topics.map((topic) => topic.path));
  const dropped = before.filter((path) => !now.has(path));
  if (dropped.length) {
    const used = [...(await termCounts(db, 'f', FACET.topic)).keys()].map(facetValue);
    const kept = [...now, ...used];
    await db.topics.bulkDelete(dropped.filter((path) => !kept.some((other) => other === path || other.startsWith(`${path}/`))));
  }
  await db.topics.bulkPut(catalog.topics);
});

/**
 * Into an empty database (a first install): the records numbered in catalog order and the
 * postings the build computed for exactly that numbering, written with no indexing (`storedRow`).
 */
const firstInstall = inTransaction(async function firstInstall(db: PaperNotesDB, catalog: Catalog, now: number, report: SyncReport, faults: SyncFaults): Promise<SyncReport> {
  const records = catalog.papers.map((entry, seq) => catalogRecord(entry, now, seq));
  await takeSnapshot(db, 'Catalog sync', [], records.map((r) => r.id));
  await db.shelves.bulkAdd(newShelves(records));
  await db.terms.bulkAdd(catalog.rows!.map(storedRow));
  await db.meta.put({ key: 'seq', value: records.length });
  await db.meta.put({ key: TERMS_VERSION_KEY, value: TERMS_VERSION });
  await db.venues.bulkPut(catalog.venues.map((venue) => mergeCatalogVenue(undefined, venue)));
  await db.topics.bulkPut(catalog.topics);
  faults.beforeCommit?.();
  await db.meta.put({ key: APPLIED_CATALOG, value: appliedRecord(catalog, now) });
  report.added = records.length;
  return report;
});

/** Takes a pending catalog update into the note. */
export function acceptCatalogUpdate(db: PaperNotesDB, id: string): Promise<void> {
  return db.transaction('rw', paperTables(db), async () => {
    const current = await getPaper(db, id);
    if (current?.catalogPending) await putPapers(db, [acceptPending(current, Date.now())], { previous: [current] });
  });
}

/** Keeps the user's text and stops offering this catalog update. */
export function dismissCatalogUpdate(db: PaperNotesDB, id: string): Promise<void> {
  return db.transaction('rw', paperTables(db), async () => {
    const current = await getPaper(db, id);
    if (current?.catalogPending) await putPapers(db, [dismissPending(current)], { previous: [current] });
  });
}

import type { BackupPaper } from '../backup/json';
import { buildRecord, newPaperId, newRecord, pickFields } from '../db/notes';
import { papersWithFacet } from '../db/postings';
import { VENUE_DETAILS, type PaperFields, type PaperRecord, type VenueRecord } from '../db/records';
import type { PaperNotesDB } from '../db/schema';
import { snapshotTables, takeSnapshot } from '../db/snapshots';
import { deletePapers, papersNumbered, putPapers } from '../db/write';
import { deletedCatalogIds, setDeletedCatalogIds } from '../db/deleted-catalog';
import { papersWithDrafts } from '../db/drafts';
import { CATALOG_FACET } from '../search/facets';
import type { ImportPlan, PlanItem } from './plan';
import { getPapers } from '../db/read';
import { inTransaction } from '../db/transaction-promise';

/** Notes changed between the preview and the import: the preview must be made again. */
export class StalePlanError extends Error {
  constructor() {
    super('your notes changed since the preview (a note was saved, added or deleted); preview the import again');
    this.name = 'StalePlanError';
  }
}

/** For a conflict: keep the user's note (the default), take the imported one, or keep both notes. */
export type Resolution = 'keep' | 'replace' | 'merge';

export interface ImportResult {
  added: number;
  updated: number;
  kept: number;
  /** Catalog notes deleted, as the backup's owner had deleted them (`ImportPlan.removals`). */
  removed: number;
  /** Ids of the records the import changed or added. */
  changed: string[];
}

/** The imported paper's fields over the existing ones; ids, URLs and the place the record had are kept. */
function replaced(existing: PaperRecord, incoming: BackupPaper): PaperFields {
  return {
    ...pickFields(existing),
    ...pickFields(incoming),
    position: existing.position ?? incoming.position,
    arxivId: incoming.arxivId ?? existing.arxivId,
    usenixKey: incoming.usenixKey ?? existing.usenixKey,
    doi: incoming.doi ?? existing.doi,
    urls: [...new Set([...existing.urls, ...incoming.urls])],
  };
}

/** Both notes, the user's first; other fields filled where the user's are empty. */
function merged(existing: PaperRecord, incoming: BackupPaper): PaperFields {
  const mine = pickFields(existing);
  const fill = <K extends keyof PaperFields>(key: K) => ((mine[key] === '' || mine[key] === undefined) && incoming[key] ? incoming[key] : mine[key]);
  const note = incoming.note && incoming.note !== mine.note ? `${mine.note.trimEnd()}\n\n${incoming.note}`.replace(/^\n+/, '') : mine.note;
  return {
    ...mine,
    topic: fill('topic'),
    affiliations: fill('affiliations'),
    award: fill('award'),
    summary: fill('summary'),
    arxivId: fill('arxivId'),
    usenixKey: fill('usenixKey'),
    doi: fill('doi'),
    authors: mine.authors.length ? mine.authors : incoming.authors,
    tags: [...new Set([...mine.tags, ...incoming.tags])],
    links: [...mine.links, ...incoming.links.filter((l) => !mine.links.some((m) => m.label === l.label && m.url === l.url))],
    urls: [...new Set([...mine.urls, ...incoming.urls])],
    note,
  };
}

/**
 * Venue details are filled in where empty, and never overwrite the user's. A backup's venue says
 * which of its details are the user's (they differ from the catalog's values it kept,
 * `catalogBase`): those take the place of one still as this library's catalog gave it.
 */
function mergedVenue(existing: VenueRecord | undefined, incoming: VenueRecord): VenueRecord {
  if (!existing) return incoming;
  const out = { ...existing };
  for (const key of VENUE_DETAILS) {
    const theirsIsUsers = !!incoming.catalogBase && incoming[key] !== incoming.catalogBase[key];
    const mineIsCatalogs = !!existing.catalogBase && existing[key] === existing.catalogBase[key];
    if (!out[key] || (theirsIsUsers && mineIsCatalogs)) out[key] = incoming[key];
  }
  return out;
}

/**
 * Applies a plan in one transaction: all of it or, if anything fails, none of it. Conflicts keep
 * the user's note unless `resolutions` (by item index) says otherwise. `beforeWrite` runs inside
 * the transaction first, with the ids of existing records about to be overwritten (for snapshots).
 */
export function applyImport(
  db: PaperNotesDB,
  plan: ImportPlan,
  resolutions: Map<number, Resolution> = new Map(),
  beforeWrite?: (changing: string[]) => Promise<void>,
): Promise<ImportResult> {
  return db.transaction('rw', [...snapshotTables(db), db.venues, db.topics, db.drafts], async () => {
    const now = Date.now();
    const puts: PaperRecord[] = [];
    const previous: (PaperRecord | undefined)[] = [];
    const result: ImportResult = { added: 0, updated: 0, kept: 0, removed: 0, changed: [] };
    const overwritten: string[] = [];
    // The preview read these notes earlier: if one changed since (another panel saved it), the
    // plan is stale and nothing is written.
    const planned = [...plan.items.filter((i) => i.existing).map((i) => i.existing!), ...plan.removals];
    // Ids a new note cannot keep: another note holds it, or an earlier paper of this import. Read
    // with the planned notes, in one request.
    const offered = plan.items.flatMap((i) => (i.action === 'new' && i.incoming.id ? [i.incoming.id] : []));
    const read = await getPapers(db, [...planned.map((r) => r.id), ...offered]);
    const latest = read.slice(0, planned.length);
    const taken = new Set(read.slice(planned.length).flatMap((r) => (r ? [r.id] : [])));
    if (latest.some((r, i) => r?.rev !== planned[i]!.rev)) throw new StalePlanError();
    // A paper added since (a note made in a panel, this same preview applied from another tab)
    // could be one the preview would have met: its "new" papers would become duplicates.
    if ((await papersNumbered(db)) !== plan.numbered) throw new StalePlanError();
    const fresh = new Map(latest.map((r) => [r!.id, r!]));
    // A catalog paper is linked to one record at most: a backup's second copy of it (or a copy of
    // one the database links already) comes in as the user's own note.
    const linked = plan.items.some((i) => i.action === 'new' && i.incoming.catalogId) ? await linkedCatalogIds(db) : new Set<string>();
    plan.items.forEach((item: PlanItem, index) => {
      const { incoming } = item;
      const existing = item.existing && fresh.get(item.existing.id);
      if (item.action === 'new') {
        const id = incoming.id && !taken.has(incoming.id) ? incoming.id : newPaperId();
        taken.add(id);
        const link = !!incoming.catalogId && !!incoming.catalogBase && !linked.has(incoming.catalogId);
        puts.push(
          newRecord(incoming, {
            id,
            createdAt: incoming.createdAt ?? now,
            updatedAt: incoming.updatedAt ?? now,
            rev: 1,
            origin: incoming.origin === 'catalog' && link ? 'catalog' : 'user',
            catalogId: link ? incoming.catalogId : undefined,
            catalogBase: link ? incoming.catalogBase : undefined,
          }),
        );
        if (link) linked.add(incoming.catalogId!);
        previous.push(undefined);
        result.added++;
        return;
      }
      if (!existing || item.action === 'same') return;
      const choice = item.action === 'update' ? 'replace' : (resolutions.get(index) ?? 'keep');
      if (choice === 'keep') {
        result.kept++;
        return;
      }
      const fields = choice === 'replace' ? replaced(existing, incoming) : merged(existing, incoming);
      puts.push(buildRecord(fields, { ...existing, updatedAt: now, rev: existing.rev + 1 }));
      previous.push(existing);
      overwritten.push(existing.id);
      result.updated++;
    });
    // A note with a draft is being edited here: it stays.
    const drafted = await papersWithDrafts(db, plan.removals.map((r) => r.id));
    const removing = plan.removals.filter((r) => !drafted.has(r.id)).map((r) => r.id);
    result.removed = removing.length;
    result.changed = [...puts.map((p) => p.id), ...removing];
    await beforeWrite?.(overwritten);
    // Kept before writing: the notes this import overwrites or deletes, and the ones it adds.
    const before = new Set(overwritten);
    await takeSnapshot(db, `Import of ${plan.items.length} ${plan.items.length === 1 ? 'paper' : 'papers'}`, [...overwritten, ...removing], puts.filter((p) => !before.has(p.id)).map((p) => p.id));
    await putPapers(db, puts, { previous });
    if (removing.length) await deletePapers(db, removing);
    if (plan.deletedCatalogIds.length) await setDeletedCatalogIds(db, [...(await deletedCatalogIds(db)), ...plan.deletedCatalogIds]);
    const venues = await db.venues.bulkGet(plan.venues.map((v) => v.label));
    await db.venues.bulkPut(plan.venues.map((v, i) => mergedVenue(venues[i], v)));
    const topics = new Set(await db.topics.toCollection().primaryKeys());
    await db.topics.bulkPut(plan.topics.filter((t) => !topics.has(t.path)));
    return result;
  });
}

/** The catalog ids records are linked to, from the catalog facet. */
const linkedCatalogIds = inTransaction(async function linkedCatalogIds(db: PaperNotesDB): Promise<Set<string>> {
  const records = await papersWithFacet(db, CATALOG_FACET);
  return new Set(records.map((r) => r.catalogId).filter((id): id is string => !!id));
});

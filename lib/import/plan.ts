import type { BackupPaper } from '../backup/json';
import { catalogText, isEdited, sameText } from '../catalog/merge';
import type { PaperRecord, TopicRecord, VenueRecord } from '../db/records';
import type { PaperNotesDB } from '../db/schema';
import { papersNumbered } from '../db/write';
import type { Warning } from '../gitbook/venue-page';
import { KEY, startKeys, truncatedKeys } from '../match/keys';
import { matchesTruncated, normaliseTitle, truncatedPrefix } from '../match/title';
import { papersWithKeys } from '../db/read';
import { papersWithDrafts } from '../db/drafts';
import { papersWithFacet } from '../db/postings';
import { CATALOG_FACET } from '../search/facets';
import { renamedDeletionIds } from '../catalog/renames';
import { normaliseDoi } from '../notes/identifiers';
import type { ReadImport } from './sources';

/**
 * What importing one paper would do: add it, update a note the user never edited, or meet a note
 * the user edited (a conflict: kept unless the user chooses otherwise), or nothing (same text).
 */
export type PlanAction = 'new' | 'update' | 'conflict' | 'same';

export interface PlanItem {
  incoming: BackupPaper;
  action: PlanAction;
  existing?: PaperRecord;
}

export interface ImportPlan {
  items: PlanItem[];
  venues: VenueRecord[];
  topics: TopicRecord[];
  warnings: Warning[];
  errors: Warning[];
  counts: Record<PlanAction, number>;
  /** Papers numbered when the preview was made (`papersNumbered`): one added since makes it stale. */
  numbered: number;
  /** Catalog papers the backup's owner deleted: they stay deleted here too. */
  deletedCatalogIds: string[];
  /**
   * Notes of those papers here that the user never edited (nor has a draft of) and no imported
   * paper meets: the import deletes them, as the backup's owner did (kept in the import's snapshot).
   */
  removals: PaperRecord[];
}

/** Papers read per key at most: a title many notes share (in other venues) still finds its own. */
const MATCHES_PER_KEY = 1000;

const idOrder = (a: PaperRecord, b: PaperRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const compatibleVenue = (a: string, b: string) => !a || !b || a === b;

/**
 * The text an import would set, compared with what a record has. Not the paper's place on its
 * page: a GitBook folder keeps the pages' order, not the numbers, which shift whenever a note is
 * added before it, so that re-importing an export would otherwise change every paper after it.
 */
function importText(paper: BackupPaper) {
  const { position, ...text } = catalogText(paper);
  void position;
  return { text, ids: [paper.arxivId ?? '', paper.usenixKey ?? '', paper.doi ?? ''] };
}

/**
 * Compares what was read with the database: each incoming paper matched by id, arXiv id, USENIX
 * key, DOI, then title within its venue (a title cut with "..." matching the full one). Nothing is
 * written; the plan is what the preview shows.
 */
export async function planImport(db: PaperNotesDB, read: ReadImport): Promise<ImportPlan> {
  const numbered = await papersNumbered(db);
  // The keys each incoming paper may meet a note by: its ids and title, and for a title cut with
  // "..." on either side, the start both share (`lib/match/keys.ts`).
  const candidates = read.library.papers.map((incoming: BackupPaper) => {
    const title = normaliseTitle(incoming.title);
    const prefix = truncatedPrefix(incoming.title);
    const doi = incoming.doi && normaliseDoi(incoming.doi);
    const identity = [incoming.arxivId && KEY.arxiv + incoming.arxivId, incoming.usenixKey && KEY.usenix + incoming.usenixKey, doi && KEY.doi + doi].filter((k): k is string => !!k);
    return { incoming, title, prefix, identity, byTitle: title ? KEY.title + title : '', truncated: [...truncatedKeys(title), ...(prefix ? startKeys(prefix) : [])] };
  });
  // A backup's papers keep their ids: those are keys too, read in the same request as the rest.
  const idKey = (id: string) => KEY.id + id;
  const found = await papersWithKeys(db, candidates.flatMap((c) => [...(c.incoming.id ? [idKey(c.incoming.id)] : []), ...c.identity, c.byTitle, ...c.truncated]).filter(Boolean), MATCHES_PER_KEY);
  const byId = (id: string) => found.get(idKey(id))?.[0];

  const items: PlanItem[] = [];
  const warnings = [...read.warnings];
  // Two imported papers can meet one note (an arXiv version and a conference version of a paper
  // the note has both ids of): the first is imported into it, the others are left out and named.
  const claimedBy = new Map<string, BackupPaper>();
  for (const candidate of candidates) {
    const { incoming } = candidate;
    const item = classify(candidate);
    const first = item.existing && claimedBy.get(item.existing.id);
    if (item.existing && !first) claimedBy.set(item.existing.id, incoming);
    if (!first) {
      items.push(item);
      continue;
    }
    items.push({ incoming, existing: item.existing, action: 'same' });
    warnings.push({ file: '(import)', line: 0, message: `“${incoming.title}” meets the same note as “${first.title}” (“${item.existing!.title}”): only the first is imported into it.` });
  }
  function classify({ incoming, title, prefix, identity, byTitle, truncated }: (typeof candidates)[number]): PlanItem {
    const sameVenue = (r: PaperRecord) => compatibleVenue(r.venue, incoming.venue);
    // Within a key, the lowest id first, as when these were index reads: a catalog note ("cat:…")
    // before the user's ("u-…").
    const holding = (keys: string[]) => keys.flatMap((key) => [...(found.get(key) ?? [])].sort(idOrder));
    let existing = (incoming.id ? byId(incoming.id) : undefined) ?? holding(identity)[0] ?? holding([byTitle]).find(sameVenue);
    // A title cut with "..." on either side: a stored one this title continues, or a stored title
    // this one is the start of.
    existing ??= holding(truncated).find((r) => sameVenue(r) && ((!!r.titlePrefix && matchesTruncated(title, r.titlePrefix)) || (!!prefix && matchesTruncated(r.titleKey, prefix))));
    if (!existing) return { incoming, action: 'new' };
    const mine = importText(existing);
    const theirs = importText(incoming);
    if (sameText(mine.text, theirs.text) && theirs.ids.every((id, i) => !id || id === mine.ids[i])) return { incoming, existing, action: 'same' };
    // Only a catalog note still holding its catalog text is replaced without asking; one with no
    // catalog version to compare (not linked to the catalog) counts as the user's.
    const edited = existing.origin === 'user' || !existing.catalogBase || isEdited(existing);
    return { incoming, existing, action: edited ? 'conflict' : 'update' };
  }

  const counts = { new: 0, update: 0, conflict: 0, same: 0 };
  for (const item of items) counts[item.action]++;
  const { deletedCatalogIds, notes } = await deletedHere(db, read);
  const met = new Set(items.flatMap((item) => (item.existing ? [item.existing.id] : [])));
  // A note with a draft is being edited here: it stays (checked again when the import is applied).
  const drafted = await papersWithDrafts(db, notes.map((r) => r.id));
  const removals = notes.filter((r) => !met.has(r.id) && !drafted.has(r.id) && r.origin === 'catalog' && !!r.catalogBase && !isEdited(r));
  return { items, venues: read.library.venues, topics: read.library.topics, warnings, errors: read.errors, counts, numbered, deletedCatalogIds, removals };
}

/**
 * The catalog papers a backup's owner deleted, as this library's catalog names them, and the notes
 * linked to them here (read only when there are some). A backup made under another catalog release
 * may name a paper whose title or venue this library's catalog corrected (a new id): paired as a
 * catalog sync pairs them (`renamedDeletionIds`) with the ids linked here that the backup does not know.
 */
async function deletedHere(db: PaperNotesDB, read: ReadImport): Promise<{ deletedCatalogIds: string[]; notes: PaperRecord[] }> {
  const deleted = read.library.deletedCatalogIds ?? [];
  if (!deleted.length) return { deletedCatalogIds: [], notes: [] };
  const linked = (await papersWithFacet(db, CATALOG_FACET)).filter((r) => !!r.catalogId);
  const linkedIds = new Set(linked.map((r) => r.catalogId!));
  const known = new Set([...deleted, ...read.library.papers.flatMap((p) => ((p as BackupPaper).catalogId ? [(p as BackupPaper).catalogId!] : []))]);
  const renamed = renamedDeletionIds(deleted.filter((id) => !linkedIds.has(id)), [...linkedIds].filter((id) => !known.has(id)));
  const wanted = new Set([...deleted, ...renamed]);
  return { deletedCatalogIds: [...wanted], notes: linked.filter((r) => wanted.has(r.catalogId!)) };
}

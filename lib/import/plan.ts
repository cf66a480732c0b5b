import type { BackupPaper } from '../backup/json';
import { catalogText, isEdited, sameText } from '../catalog/merge';
import type { PaperRecord, TopicRecord, VenueRecord } from '../db/records';
import type { PaperNotesDB } from '../db/schema';
import { papersNumbered } from '../db/write';
import type { Warning } from '../gitbook/venue-page';
import { matchesTruncated, normaliseTitle, truncatedPrefix } from '../match/title';
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
}

/** Maps from every identifying index of the database to record ids, read once from the indexes. */
async function identityMaps(db: PaperNotesDB) {
  const map = async (index: string) => {
    const [keys, ids] = await Promise.all([db.papers.orderBy(index).keys(), db.papers.orderBy(index).primaryKeys()]);
    const out = new Map<string, string[]>();
    keys.forEach((key, i) => out.set(String(key), [...(out.get(String(key)) ?? []), ids[i] as string]));
    return out;
  };
  const [arxivId, usenixKey, doi, titleKey] = await Promise.all(['arxivId', 'usenixKey', 'doi', 'titleKey'].map(map));
  return { arxivId: arxivId!, usenixKey: usenixKey!, doi: doi!, titleKey: titleKey! };
}

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
  const maps = await identityMaps(db);
  const allIds = new Set(await db.papers.toCollection().primaryKeys());
  const candidates = read.library.papers.map((incoming: BackupPaper) => {
    const identity: string[] = [];
    if (incoming.id && allIds.has(incoming.id)) identity.push(incoming.id);
    for (const [field, value] of [['arxivId', incoming.arxivId], ['usenixKey', incoming.usenixKey], ['doi', incoming.doi && normaliseDoi(incoming.doi)]] as const) {
      if (value) identity.push(...(maps[field].get(value) ?? []));
    }
    return { incoming, identity, byTitle: maps.titleKey.get(normaliseTitle(incoming.title)) ?? [] };
  });
  const records = new Map<string, PaperRecord>();
  const wanted = [...new Set(candidates.flatMap((c) => [...c.identity, ...c.byTitle]))];
  for (const record of await db.papers.bulkGet(wanted)) if (record) records.set(record.id, record);

  // A title cut with "..." on either side: compare with the truncated records only (few).
  const truncated = (await db.papers.where('prefixKey').above('').toArray()).filter((r) => r.titlePrefix);

  const items: PlanItem[] = [];
  const warnings = [...read.warnings];
  // Two imported papers can meet one note (an arXiv version and a conference version of a paper
  // the note has both ids of): the first is imported into it, the others are left out and named.
  const claimedBy = new Map<string, BackupPaper>();
  for (const { incoming, identity, byTitle } of candidates) {
    const item = await classify(incoming, identity, byTitle);
    const first = item.existing && claimedBy.get(item.existing.id);
    if (item.existing && !first) claimedBy.set(item.existing.id, incoming);
    if (!first) {
      items.push(item);
      continue;
    }
    items.push({ incoming, existing: item.existing, action: 'same' });
    warnings.push({ file: '(import)', line: 0, message: `“${incoming.title}” meets the same note as “${first.title}” (“${item.existing!.title}”): only the first is imported into it.` });
  }
  async function classify(incoming: BackupPaper, identity: string[], byTitle: string[]): Promise<PlanItem> {
    const sameVenue = (r: PaperRecord) => compatibleVenue(r.venue, incoming.venue);
    let existing = identity.map((id) => records.get(id)).find((r) => !!r) ?? byTitle.map((id) => records.get(id)).find((r) => !!r && sameVenue(r));
    if (!existing) {
      const key = normaliseTitle(incoming.title);
      existing = truncated.find((r) => sameVenue(r) && matchesTruncated(key, r.titlePrefix!));
      const prefix = truncatedPrefix(incoming.title);
      if (!existing && prefix) {
        existing = (await db.papers.where('titleKey').startsWith(prefix).limit(20).toArray()).find((r) => sameVenue(r) && matchesTruncated(r.titleKey, prefix));
      }
    }
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
  return { items, venues: read.library.venues, topics: read.library.topics, warnings, errors: read.errors, counts, numbered };
}

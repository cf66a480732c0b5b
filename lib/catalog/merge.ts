import { buildRecord, pickFields } from '../db/notes';
import type { CatalogVersion, PaperFields, PaperRecord } from '../db/records';
import { catalogText, sameText } from './text';
import type { CatalogPaper } from './types';

export { catalogText, sameText };

/**
 * Whether the user changed a catalog record's text since the catalog version it is based on. A
 * base without fields means the record's text is still that version's (see `putPapers`).
 */
export const isEdited = (record: PaperRecord) => !!record.catalogBase?.fields && !sameText(catalogText(record), record.catalogBase.fields);

/** A catalog version whose text the record holds as its own: the hash is enough. */
const version = (entry: CatalogPaper): CatalogVersion => ({ hash: entry.hash });

function without<T extends object>(record: T, ...keys: (keyof T)[]): T {
  const copy = { ...record };
  for (const key of keys) delete copy[key];
  return copy;
}

/** Ids the user's visits recorded are kept where the catalog gives none; URLs seen are merged. */
function mergedIdentity(current: PaperFields, incoming: PaperFields): Partial<PaperFields> {
  return {
    arxivId: incoming.arxivId ?? current.arxivId,
    usenixKey: incoming.usenixKey ?? current.usenixKey,
    doi: incoming.doi ?? current.doi,
    urls: [...new Set([...current.urls, ...incoming.urls])],
  };
}

/** A new record for a catalog paper the database does not have. */
export function catalogRecord(entry: CatalogPaper, now: number): PaperRecord {
  return {
    ...buildRecord(entry.fields, { id: entry.id, createdAt: now, updatedAt: now, rev: 1, origin: 'catalog' }),
    catalogId: entry.id,
    catalogBase: version(entry),
  };
}

/**
 * A record that holds a catalog paper's id without being linked to it, linked now: its text stays
 * as it is, counted as the user's edit of the catalog's current version unless it is that text.
 */
export function adoptCatalogLink(current: PaperRecord, entry: CatalogPaper): PaperRecord {
  const theirs = catalogText(entry.fields);
  const base: CatalogVersion = sameText(catalogText(current), theirs) ? version(entry) : { hash: entry.hash, fields: theirs };
  return { ...without(current, 'catalogPending', 'catalogRemoved'), catalogId: entry.id, catalogBase: base };
}

export type MergeOutcome = 'unchanged' | 'updated' | 'kept' | 'conflict';

/**
 * Three-way merge of one record with the catalog's new version, against the catalog version the
 * record was based on: untouched records take the new text; edited ones keep the user's text, and
 * when the catalog changed too, carry the new text beside it as a pending update.
 */
export function mergeCatalogRecord(current: PaperRecord, entry: CatalogPaper, now: number): { record: PaperRecord | null; outcome: MergeOutcome } {
  const base = current.catalogBase;
  if (base?.hash === entry.hash) {
    const stale = current.catalogPending || current.catalogRemoved;
    return { record: stale ? without(current, 'catalogPending', 'catalogRemoved') : null, outcome: 'unchanged' };
  }
  const incoming = version(entry);
  if (!isEdited(current)) {
    const fields = { ...pickFields(current), ...entry.fields, ...mergedIdentity(current, entry.fields) };
    const record = buildRecord(fields, { ...without(current, 'catalogPending', 'catalogRemoved'), updatedAt: now, rev: current.rev + 1 });
    return { record: { ...record, catalogBase: incoming }, outcome: 'updated' };
  }
  const theirs = catalogText(entry.fields);
  if (sameText(catalogText(current), theirs)) {
    return { record: { ...without(current, 'catalogPending', 'catalogRemoved'), catalogBase: incoming }, outcome: 'kept' };
  }
  return { record: { ...without(current, 'catalogRemoved'), catalogPending: { hash: entry.hash, fields: theirs } }, outcome: 'conflict' };
}

/** "Accept" a pending catalog update: the record takes the catalog's text. */
export function acceptPending(current: PaperRecord, now: number): PaperRecord {
  const pending = current.catalogPending;
  if (!pending) return current;
  const record = buildRecord({ ...pickFields(current), ...pending.fields }, { ...without(current, 'catalogPending'), updatedAt: now, rev: current.rev + 1 });
  return { ...record, catalogBase: { hash: pending.hash } };
}

/** "Dismiss" a pending catalog update: the user's text stays, now based on the newer catalog text. */
export function dismissPending(current: PaperRecord): PaperRecord {
  // The user's text stays, now based on the newer catalog text (kept, since it differs).
  const pending = current.catalogPending;
  return pending ? { ...without(current, 'catalogPending'), catalogBase: pending } : current;
}

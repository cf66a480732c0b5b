import { buildRecord, newRecord, pickFields } from '../db/notes';
import type { CatalogVersion, PaperFields, PaperRecord } from '../db/records';
import { canonicalJson } from './hash';
import { catalogText, sameText } from './text';
import { CATALOG_TEXT_FIELDS, type CatalogPaper, type CatalogText } from './types';

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
export function catalogRecord(entry: CatalogPaper, now: number, seq?: number): PaperRecord {
  return newRecord(entry.fields, { id: entry.id, createdAt: now, updatedAt: now, rev: 1, origin: 'catalog', seq, catalogId: entry.id, catalogBase: version(entry) });
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
 * record was based on: untouched records take the new text; edited ones keep the user's changes
 * and take the catalog's in the fields the user did not change; where both changed one field,
 * the record carries the new text beside its own as a pending update.
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
  const identity = mergedIdentity(current, entry.fields);
  const merged = mergeText(current.catalogBase!.fields!, catalogText(current), theirs, 'none');
  if (!merged) {
    // The fields only the catalog changed come in now (a Dismiss keeps them); the ones both
    // changed wait for the user, beside the user's text.
    const kept = mergeText(current.catalogBase!.fields!, catalogText(current), theirs, 'ours')!;
    const rest = { ...without(current, 'catalogRemoved'), catalogPending: { hash: entry.hash, fields: theirs } };
    if (sameText(kept, catalogText(current))) return { record: { ...rest, ...identity }, outcome: 'conflict' };
    const record = buildRecord({ ...pickFields(current), ...kept, ...identity }, { ...rest, updatedAt: now, rev: current.rev + 1 });
    return { record: { ...record, catalogPending: rest.catalogPending }, outcome: 'conflict' };
  }
  // What the catalog changed and the user did not (or an identifier, or the place on its page)
  // comes in; the user's changes stay, and the record is based on the new version.
  const newBase: CatalogVersion = sameText(merged, theirs) ? incoming : { hash: entry.hash, fields: theirs };
  const rest = without(current, 'catalogPending', 'catalogRemoved');
  if (sameText(merged, catalogText(current))) return { record: { ...rest, ...identity, catalogBase: newBase }, outcome: 'kept' };
  const record = buildRecord({ ...pickFields(current), ...merged, ...identity }, { ...rest, updatedAt: now, rev: current.rev + 1 });
  return { record: { ...record, catalogBase: newBase }, outcome: 'updated' };
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * Field by field, the user's text (`ours`) and the catalog's new text (`theirs`) against the
 * version both started from: a field only one side changed takes that side's value. Null when
 * both changed one field differently: the user chooses.
 */
function mergeText(base: CatalogText, ours: CatalogText, theirs: CatalogText, onConflict: 'none'): CatalogText | null;
/** The same, a field both changed taking one side's value. */
function mergeText(base: CatalogText, ours: CatalogText, theirs: CatalogText, onConflict: 'ours' | 'theirs'): CatalogText;
function mergeText(base: CatalogText, ours: CatalogText, theirs: CatalogText, onConflict: 'none' | 'ours' | 'theirs'): CatalogText | null {
  const merged = {} as Record<string, unknown>;
  for (const name of CATALOG_TEXT_FIELDS) {
    const [b, o, t] = [base[name], ours[name], theirs[name]];
    if (same(t, b) || same(o, t)) merged[name] = o;
    else if (same(o, b)) merged[name] = t;
    else if (onConflict === 'none') return null;
    else merged[name] = onConflict === 'ours' ? o : t;
    if (merged[name] === undefined) delete merged[name];
  }
  return merged as CatalogText;
}

/**
 * What "Accept" of a pending catalog update makes of a record's text: the catalog's text in the
 * fields both changed and in those only the catalog changed, the user's in those only they changed.
 */
export function acceptedText(current: PaperRecord): CatalogText | null {
  const pending = current.catalogPending;
  if (!pending) return null;
  const base = current.catalogBase?.fields;
  return base ? mergeText(base, catalogText(current), pending.fields, 'theirs') : pending.fields;
}

/** "Accept" a pending catalog update: the record takes the catalog's changes (`acceptedText`). */
export function acceptPending(current: PaperRecord, now: number): PaperRecord {
  const pending = current.catalogPending;
  const text = acceptedText(current);
  if (!pending || !text) return current;
  const record = buildRecord({ ...pickFields(current), ...text }, { ...without(current, 'catalogPending'), updatedAt: now, rev: current.rev + 1 });
  // Based on the catalog version now: edited still where the user's fields stay.
  return { ...record, catalogBase: sameText(text, pending.fields) ? { hash: pending.hash } : pending };
}

/** "Dismiss" a pending catalog update: the user's text stays, now based on the newer catalog text. */
export function dismissPending(current: PaperRecord): PaperRecord {
  // The user's text stays, now based on the newer catalog text (kept, since it differs).
  const pending = current.catalogPending;
  return pending ? { ...without(current, 'catalogPending'), catalogBase: pending } : current;
}

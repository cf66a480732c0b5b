import { endsInHtmlBlock } from '../notes/bullet';
import { deriveIndexFields } from '../notes/derive';
import type { Origin, PaperFields, PaperRecord } from './records';
import type { PaperNotesDB } from './schema';
import { paperTables, putPapers } from './write';
import { getPaper } from './read';

/** A save that started from an older revision than the one stored: nothing was written. */
export class ConflictError extends Error {
  constructor(readonly current: PaperRecord) {
    super(`The note "${current.title}" changed elsewhere (now revision ${current.rev}).`);
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends Error {
  constructor(id: string) {
    super(`No paper with id ${id}.`);
    this.name = 'NotFoundError';
  }
}

const FIELD_NAMES: (keyof PaperFields)[] = [
  'title', 'venue', 'year', 'topic', 'authors', 'affiliations', 'tags', 'links', 'award',
  'arxivId', 'usenixKey', 'doi', 'urls', 'note', 'summary', 'position',
];

/** The fields a record says, without ids, times, revisions or index fields. */
export function pickFields(record: PaperFields): PaperFields {
  const fields = {} as Record<string, unknown>;
  for (const name of FIELD_NAMES) if (record[name] !== undefined) fields[name] = record[name];
  return fields as unknown as PaperFields;
}

/** A record from its fields and bookkeeping, with its index fields derived afresh. */
export function buildRecord(
  fields: PaperFields,
  meta: Pick<PaperRecord, 'id' | 'createdAt' | 'updatedAt' | 'rev' | 'origin'> & Partial<PaperRecord>,
): PaperRecord {
  // Index fields are derived afresh; `titleWords` and `searchTokens` were stored before schema 4,
  // `closeKeys` in schema 6, `prefixKey` before schema 10.
  const { titleKey, prefixKey, titlePrefix, titleWords, searchTokens, closeKeys, ...rest } = meta as PaperRecord & { prefixKey?: unknown; titleWords?: unknown; searchTokens?: unknown; closeKeys?: unknown };
  void titleKey, prefixKey, titlePrefix, titleWords, searchTokens, closeKeys;
  return { ...rest, ...pickFields(fields), ...deriveIndexFields(fields) };
}

/** What a new record holds besides its fields. */
export type NewRecordMeta = Pick<PaperRecord, 'id' | 'createdAt' | 'updatedAt' | 'rev' | 'origin'> & Partial<Pick<PaperRecord, 'seq' | 'catalogId' | 'catalogBase'>>;

/**
 * A new record from complete fields (as `emptyFields` makes them): what `buildRecord` makes, built
 * as one object literal. A first install or an import builds 10,000 at once, before the engine has
 * optimised anything; there, spreads and a loop over the field names cost ~90 µs a record, ten
 * times the rest of the record's making.
 */
export function newRecord(fields: PaperFields, meta: NewRecordMeta): PaperRecord {
  const derived = deriveIndexFields(fields);
  const record: PaperRecord = {
    id: meta.id,
    title: fields.title,
    venue: fields.venue,
    year: fields.year,
    topic: fields.topic,
    authors: fields.authors,
    affiliations: fields.affiliations,
    tags: fields.tags,
    links: fields.links,
    award: fields.award,
    urls: fields.urls,
    note: fields.note,
    summary: fields.summary,
    titleKey: derived.titleKey,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    rev: meta.rev,
    origin: meta.origin,
  };
  if (fields.arxivId !== undefined) record.arxivId = fields.arxivId;
  if (fields.usenixKey !== undefined) record.usenixKey = fields.usenixKey;
  if (fields.doi !== undefined) record.doi = fields.doi;
  if (fields.position !== undefined) record.position = fields.position;
  if (derived.titlePrefix !== undefined) record.titlePrefix = derived.titlePrefix;
  if (meta.seq !== undefined) record.seq = meta.seq;
  if (meta.catalogId !== undefined) record.catalogId = meta.catalogId;
  if (meta.catalogBase !== undefined) record.catalogBase = meta.catalogBase;
  return record;
}

export function newPaperId(): string {
  return `u-${crypto.randomUUID()}`;
}

/** Stores a new paper. */
export async function createPaper(db: PaperNotesDB, fields: PaperFields, origin: Origin = 'user', id = newPaperId()): Promise<PaperRecord> {
  const now = Date.now();
  const record = buildRecord(fields, { id, createdAt: now, updatedAt: now, rev: 1, origin });
  return db.transaction('rw', paperTables(db), async () => {
    if (await getPaper(db, id)) throw new Error(`A paper with id ${id} exists already.`);
    return (await putPapers(db, [record], { previous: [undefined] }))[0]!;
  });
}

/** What an edit started from: the record's revision and, where known, the values of the fields it edits. */
export interface EditBase {
  rev: number;
  fields?: Partial<PaperFields>;
}

/**
 * Whether saving `edited` fields over `current` would overwrite a change made since the edit's
 * base. A newer revision that left those fields as they were (a visit recording the paper's
 * URLs, a catalog update of its title) is no conflict; without the fields' values at the start,
 * any newer revision is one.
 */
export function overwritesChange(current: PaperRecord, base: EditBase, edited: (keyof PaperFields)[]): boolean {
  if (current.rev === base.rev) return false;
  const was = base.fields;
  return !was || edited.some((name) => !Object.hasOwn(was, name) || JSON.stringify(current[name]) !== JSON.stringify(was[name]));
}

/**
 * Writes changes to a paper unless they would overwrite a change made since `base`
 * (`overwritesChange`); then throws `ConflictError` with the current record and writes nothing.
 * A bare number is a revision: any newer one is a conflict. Read and write happen in one transaction.
 */
export async function savePaper(db: PaperNotesDB, id: string, changes: Partial<PaperFields>, base: number | EditBase): Promise<PaperRecord> {
  const from = typeof base === 'number' ? { rev: base } : base;
  return db.transaction('rw', paperTables(db), async () => {
    const current = await getPaper(db, id);
    if (!current) throw new NotFoundError(id);
    if (overwritesChange(current, from, Object.keys(changes) as (keyof PaperFields)[])) throw new ConflictError(current);
    const record = buildRecord({ ...pickFields(current), ...changes }, { ...current, updatedAt: Date.now(), rev: current.rev + 1 });
    return (await putPapers(db, [record], { previous: [current] }))[0]!;
  });
}

/** Applies a change to whatever revision is current (appends and identifiers never conflict). */
export async function updatePaper(db: PaperNotesDB, id: string, change: (current: PaperRecord) => Partial<PaperFields> | null): Promise<PaperRecord> {
  return db.transaction('rw', paperTables(db), async () => {
    const current = await getPaper(db, id);
    if (!current) throw new NotFoundError(id);
    const changes = change(current);
    if (!changes) return current;
    const record = buildRecord({ ...pickFields(current), ...changes }, { ...current, updatedAt: Date.now(), rev: current.rev + 1 });
    return (await putPapers(db, [record], { previous: [current] }))[0]!;
  });
}

/**
 * A note with one more bullet at its end. Multi-line text is folded into the one bullet; the text
 * is taken as Markdown, as its callers prepare it (`bulletText`, `appendQuote`). After an HTML
 * block (`<details>…</details>`) the bullet comes after a blank line, which ends the block: on the
 * next line it was read as part of it. Anywhere else it goes on the note as it is, so that a note
 * ending in a list gets one more item of that list.
 */
export function appendBullet(note: string, text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line) return note;
  const body = note.trimEnd();
  const gap = !body ? '' : endsInHtmlBlock(body) ? '\n\n' : '\n';
  return `${body}${gap}* ${line}\n`;
}

/** Quick-add: appends a bullet to the note and saves at once. */
export function addBullet(db: PaperNotesDB, id: string, text: string): Promise<PaperRecord> {
  return updatePaper(db, id, (current) => {
    const note = appendBullet(current.note, text);
    return note === current.note ? null : { note };
  });
}

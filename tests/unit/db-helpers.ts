import { canonicalJson, contentHash } from '@/lib/catalog/hash';
import type { Catalog } from '@/lib/catalog/types';
import { buildRecord, createPaper, newPaperId } from '@/lib/db/notes';
import type { PaperFields, PaperRecord } from '@/lib/db/records';
import { getPaper } from '@/lib/db/read';
import { PaperNotesDB } from '@/lib/db/schema';
import { allPapers, countPapers, shelve } from '@/lib/db/shelves';
import { emptyFields, indexedTerms } from '@/lib/notes/derive';
import { eachTerm, TermChanges, type TermRow } from '@/lib/search/terms';
import { hashKey, KEY } from '@/lib/match/keys';
import type { DetectedPaper } from '@/lib/paper';

let counter = 0;

/** A postings row's terms, each with a copy of its numbers, whatever the row's form. */
export function termsOf(row: TermRow): Record<string, number[]> {
  const terms: Record<string, number[]> = {};
  eachTerm(row, (term, seqs) => (terms[term] = Array.from(seqs)));
  return terms;
}

/** A fresh database in fake-indexeddb, with a name of its own. */
export function freshDb(upTo?: number): PaperNotesDB {
  return new PaperNotesDB(`test-${Date.now()}-${++counter}`, upTo === undefined ? undefined : { upTo });
}

/** An arXiv abstract page showing `title` (another paper's id unless `arxivId` says otherwise). */
export function arxivPage(title: string, arxivId = '2401.00001', extra: Partial<DetectedPaper> = {}): DetectedPaper {
  return { key: `arxiv:${arxivId}`, source: 'arxiv', kind: 'abstract', url: `https://arxiv.org/abs/${arxivId}`, arxivId, title, ...extra };
}

export function addPaper(db: PaperNotesDB, fields: Partial<PaperFields> & { title: string }): Promise<PaperRecord> {
  return createPaper(db, emptyFields(fields));
}

/** A catalog of one paper, "cat:a", whose note is `note`: each note a new catalog version. */
export function oneNoteCatalog(note: string): Catalog {
  const fields = emptyFields({ title: 'A catalog paper', venue: 'OSDI 2024', year: 2024, note });
  const papers = [{ id: 'cat:a', hash: contentHash(note), fields }];
  return { hash: contentHash(canonicalJson(papers.map((p) => [p.id, p.hash]))), papers, venues: [], topics: [] };
}

/** The papers store of schemas 1 to 11 (from 12 on, papers are kept on shelves). */
export const oldPapers = (db: PaperNotesDB) => db.table<PaperRecord, string>('papers');

/**
 * Writes a record as schemas 3 to 10 kept it: in the papers store, numbered, with its postings.
 * For upgrade tests: `createPaper` writes the shelves of the newest schema.
 */
export async function putOldRecord(db: PaperNotesDB, record: PaperRecord): Promise<PaperRecord> {
  const papers = oldPapers(db);
  return db.transaction('rw', [papers, db.terms, db.meta], async () => {
    const seq = ((await db.meta.get('seq'))?.value as number | undefined) ?? 0;
    const numbered = { ...record, seq };
    await papers.add(numbered);
    await db.meta.put({ key: 'seq', value: seq + 1 });
    const changes = new TermChanges();
    // Without the id's key: papers were found by id in the papers store until schema 11.
    const terms = indexedTerms(numbered);
    const idKey = hashKey(KEY.id + numbered.id);
    changes.change(seq, null, { ...terms, keys: terms.keys.filter((k) => k !== idKey) });
    const rows = changes.apply(await db.terms.bulkGet(changes.keys));
    await db.terms.bulkPut(rows.filter((row): row is TermRow => !!row));
    return numbered;
  });
}

/** A new paper of the user's, as schemas 3 to 10 kept it (`putOldRecord`). */
export function addOldPaper(db: PaperNotesDB, fields: Partial<PaperFields> & { title: string }): Promise<PaperRecord> {
  const now = Date.now();
  return putOldRecord(db, buildRecord(emptyFields(fields), { id: newPaperId(), createdAt: now, updatedAt: now, rev: 1, origin: 'user' }));
}

/** Changes a stored record as it is, past every rule of a write (postings untouched): a state to start a test from. */
export async function rewriteStored(db: PaperNotesDB, id: string, changes: Partial<PaperRecord>): Promise<void> {
  await db.transaction('rw', [db.shelves, db.terms], async () => {
    const current = await getPaper(db, id);
    if (!current) throw new Error(`No paper ${id}`);
    await shelve(db.shelves, [{ ...current, ...changes }], [], Infinity);
  });
}

export const paperCount = (db: PaperNotesDB) => countPapers(db.shelves);
export const storedPapers = (db: PaperNotesDB) => allPapers(db.shelves);

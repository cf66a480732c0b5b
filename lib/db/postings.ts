import Dexie from 'dexie';
import { Bitset } from '../search/bitset';
import { eachTerm, rowKey, rowRange, seqsInRow, SPLIT_BY_RANGE, type TermKind, type TermRow } from '../search/terms';
import type { PaperRecord } from './records';
import type { PaperNotesDB } from './schema';
import { papersBySeq } from './shelves';
import { inTransaction } from './transaction-promise';

/** The postings rows that may hold `term` (every number range). */
function rowsFor(db: PaperNotesDB, kind: TermKind, term: string): Promise<TermRow[]> {
  // A kind kept in one range has one row for a term: a read of its key, not of a key range.
  if (!SPLIT_BY_RANGE[kind]) return db.terms.get(rowKey(kind, term, 0)).then((row) => (row ? [row] : []));
  const [lower, upper] = rowRange(kind, term);
  return db.terms.where('k').between(lower, upper, true, true).toArray();
}

/** Paper numbers with a term: the exact term, or (`prefix`) every term that starts with it. */
export const seqsWith = inTransaction(async function seqsWith(db: PaperNotesDB, kind: TermKind, term: string, prefix: boolean): Promise<Bitset> {
  const out = new Bitset();
  for (const row of await rowsFor(db, kind, term)) {
    if (prefix) eachTerm(row, (_, seqs) => seqs.forEach((id) => out.add(id)), term);
    else for (const id of seqsInRow(row, term) ?? []) out.add(id);
  }
  return out;
});

/** How many papers have an exact term (from the postings, no paper read). */
export const countWith = inTransaction(async function countWith(db: PaperNotesDB, kind: TermKind, term: string): Promise<number> {
  let count = 0;
  for (const row of await rowsFor(db, kind, term)) count += seqsInRow(row, term)?.length ?? 0;
  return count;
});

/** Every term of a row head (a facet: `FACET.venue`) with its number of papers, from the postings alone. */
export const termCounts = inTransaction(async function termCounts(db: PaperNotesDB, kind: TermKind, head: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const [lower, upper] = rowRange(kind, head);
  for (const row of await db.terms.where('k').between(lower, upper, true, true).toArray()) {
    eachTerm(row, (term, seqs) => counts.set(term, (counts.get(term) ?? 0) + seqs.length));
  }
  return counts;
});

/** The papers listed under a facet term (`lib/search/facets.ts`), in number order. */
export const papersWithFacet = inTransaction(async function papersWithFacet(db: PaperNotesDB, term: string): Promise<PaperRecord[]> {
  return papersBySeq(db.shelves, (await seqsWith(db, 'f', term, false)).descending());
});

/** Past this many rows to read, a kind's rows are read in one request (an import's keys: all 1,024). */
const MANY_HEADS = 64;

/** The rows of each group of terms of a kind kept in one range, from one read of all of the kind's rows. */
const everyRowOf = inTransaction(async function everyRowOf(db: PaperNotesDB, kind: TermKind, groups: string[][]): Promise<TermRow[][]> {
  const byKey = new Map((await db.terms.where('k').between(`${kind}:`, `${kind}:\uffff`, true, true).toArray()).map((row) => [row.k, row]));
  return groups.map((wanted) => {
    const row = byKey.get(rowKey(kind, wanted[0]!, 0));
    return row ? [row] : [];
  });
});

/** Each of these exact terms with its paper numbers (at most `limit` each, lowest first), reading each row once. */
export const seqsOfTerms = inTransaction(async function seqsOfTerms(db: PaperNotesDB, kind: TermKind, terms: string[], limit: number): Promise<Map<string, number[]>> {
  // Terms that share a head share their rows: read those once.
  const heads = new Map<string, string[]>();
  for (const term of new Set(terms)) {
    const [lower] = rowRange(kind, term);
    const wanted = heads.get(lower);
    if (wanted) wanted.push(term);
    else heads.set(lower, [term]);
  }
  const rows = await (heads.size > MANY_HEADS && !SPLIT_BY_RANGE[kind] ? everyRowOf(db, kind, [...heads.values()]) : Dexie.Promise.all([...heads.values()].map((wanted) => rowsFor(db, kind, wanted[0]!))));
  const out = new Map<string, number[]>();
  [...heads.values()].forEach((wanted, i) => {
    for (const term of wanted) {
      const seqs = rows[i]!.flatMap((row) => Array.from(seqsInRow(row, term) ?? []));
      if (seqs.length) out.set(term, seqs.slice(0, limit));
    }
  });
  return out;
});

/** Paper numbers with any of these exact terms, at most `limit` of them. */
export const seqsWithAny = inTransaction(async function seqsWithAny(db: PaperNotesDB, kind: TermKind, terms: string[], limit: number): Promise<number[]> {
  const out = new Set<number>();
  for (const seqs of (await seqsOfTerms(db, kind, terms, limit)).values()) for (const seq of seqs) if (out.size < limit) out.add(seq);
  return [...out];
});

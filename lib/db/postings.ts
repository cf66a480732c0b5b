import { Bitset } from '../search/bitset';
import { rowRange, type TermKind } from '../search/terms';
import type { PaperRecord } from './records';
import type { PaperNotesDB } from './schema';

/** Paper numbers with a term: the exact term, or (`prefix`) every term that starts with it. */
export async function seqsWith(db: PaperNotesDB, kind: TermKind, term: string, prefix: boolean): Promise<Bitset> {
  const [lower, upper] = rowRange(kind, term);
  const out = new Bitset();
  for (const row of await db.terms.where('k').between(lower, upper, true, true).toArray()) {
    if (!prefix) {
      for (const id of row.terms[term] ?? []) out.add(id);
      continue;
    }
    for (const candidate in row.terms) if (candidate.startsWith(term)) for (const id of row.terms[candidate]!) out.add(id);
  }
  return out;
}

/** How many papers have an exact term (from the postings, no paper read). */
export async function countWith(db: PaperNotesDB, kind: TermKind, term: string): Promise<number> {
  const [lower, upper] = rowRange(kind, term);
  let count = 0;
  for (const row of await db.terms.where('k').between(lower, upper, true, true).toArray()) count += row.terms[term]?.length ?? 0;
  return count;
}

/** The papers with these numbers, in no particular order. */
export function papersBySeq(db: PaperNotesDB, seqs: number[]): Promise<PaperRecord[]> {
  return seqs.length ? db.papers.where('seq').anyOf(seqs).toArray() : Promise.resolve([]);
}

/** Paper numbers with any of these exact terms, at most `limit` of them, reading each row once. */
export async function seqsWithAny(db: PaperNotesDB, kind: TermKind, terms: string[], limit: number): Promise<number[]> {
  const heads = new Map<string, string[]>();
  for (const term of terms) {
    const [lower] = rowRange(kind, term);
    heads.set(lower, [...(heads.get(lower) ?? []), term]);
  }
  const rows = await Promise.all([...heads.keys()].map((lower) => db.terms.where('k').between(lower, `${lower}\uffff`, true, true).toArray()));
  const out = new Set<number>();
  [...heads.values()].forEach((wanted, i) => {
    for (const row of rows[i]!) for (const term of wanted) for (const seq of row.terms[term] ?? []) if (out.size < limit) out.add(seq);
  });
  return [...out];
}

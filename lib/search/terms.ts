/**
 * The search index as postings rows. A row holds, for one kind of term, every term that starts
 * with the same two letters, each with the numbers (`seq`) of the papers that have it, for one
 * range of paper numbers. Few, larger rows: in Chromium each row written costs a round trip to
 * the storage process, so a bulk write (a catalog of 10,000 notes) must touch hundreds of rows,
 * not one per word; the number range bounds what a single save rewrites.
 */

/** Papers per range of numbers: a save rewrites rows of its own range only. */
export const BUCKET = 16_384;

/** Full-text words ("w"), and title words ("t") for close-title candidates. */
export type TermKind = 'w' | 't';

export interface TermRow {
  /** `<kind>:<first two letters>#<range>`, e.g. `w:sc#0000`. */
  k: string;
  /** Each term of the row with its papers' numbers, ascending. */
  terms: Record<string, number[]>;
}

const rangeOf = (seq: number) => Math.floor(seq / BUCKET).toString(36).padStart(4, '0');
const headOf = (term: string) => term.slice(0, 2);

export const rowKey = (kind: TermKind, term: string, seq: number) => `${kind}:${headOf(term)}#${rangeOf(seq)}`;

/** The keys of every row that may hold terms starting with `start` (two letters or more). */
export const rowRange = (kind: TermKind, start: string): [string, string] => [`${kind}:${headOf(start)}#`, `${kind}:${headOf(start)}#\uffff`];

/** What one paper is indexed under, by kind. */
export interface IndexedTerms {
  searchTokens: string[];
  titleWords: string[];
}

const entries = (seq: number, terms: IndexedTerms): [string, string][] => [
  ...terms.searchTokens.map((t): [string, string] => [rowKey('w', t, seq), t]),
  ...terms.titleWords.map((t): [string, string] => [rowKey('t', t, seq), t]),
];

/** Pending changes to the postings, collected over a write and applied to each row once. */
export class TermChanges {
  /** Row key → term → numbers to add (array) and to remove (set). */
  private readonly rows = new Map<string, Map<string, { add: number[]; remove: Set<number> }>>();

  private slot(row: string, term: string) {
    let terms = this.rows.get(row);
    if (!terms) this.rows.set(row, (terms = new Map()));
    let slot = terms.get(term);
    if (!slot) terms.set(term, (slot = { add: [], remove: new Set() }));
    return slot;
  }

  /** Moves a paper from the terms it had to the terms it has (either may be absent). */
  change(seq: number, before: IndexedTerms | null, after: IndexedTerms | null): void {
    const old = new Set((before ? entries(seq, before) : []).map(([row, term]) => `${row}\u0000${term}`));
    const now = new Set((after ? entries(seq, after) : []).map(([row, term]) => `${row}\u0000${term}`));
    for (const key of now) if (!old.has(key)) this.slot(...(key.split('\u0000') as [string, string])).add.push(seq);
    for (const key of old) if (!now.has(key)) this.slot(...(key.split('\u0000') as [string, string])).remove.add(seq);
  }

  get keys(): string[] {
    return [...this.rows.keys()];
  }

  /** The touched rows rewritten from their current state (same order as `keys`); null deletes a row. */
  apply(current: (TermRow | undefined)[]): (TermRow | null)[] {
    return this.keys.map((k, i) => {
      const terms: Record<string, number[]> = { ...(current[i]?.terms ?? {}) };
      for (const [term, { add, remove }] of this.rows.get(k)!) {
        let ids = terms[term] ?? [];
        if (remove.size) ids = ids.filter((id) => !remove.has(id));
        if (add.length) ids = [...new Set([...ids, ...add])].sort((a, b) => a - b);
        if (ids.length) terms[term] = ids;
        else delete terms[term];
      }
      return Object.keys(terms).length ? { k, terms } : null;
    });
  }
}

import { hasUnspaced } from './tokens';

/**
 * The search index as postings rows. A row holds, for one kind of term, every term that starts
 * the same way (`HEAD`: the same three letters for full-text words, two for title words, the kind
 * of facet, two hex digits and a quarter of a key's hash), each with the numbers (`seq`) of the
 * papers that have it, for one range of paper numbers. Few, larger rows: in Chromium each row
 * written costs a round trip to the storage process, so a bulk write (a catalog of 10,000 notes)
 * must touch hundreds of rows, not one per word; the number range bounds what a single save
 * rewrites. A change to how rows are keyed needs a new `TERMS_VERSION` (lib/db/reindex.ts).
 */

/** Papers per range of numbers: a save rewrites rows of its own range only. */
export const BUCKET = 16_384;

/**
 * Full-text words ("w"), title words ("t", ranked first in search), hashed keys ("k": the exact
 * keys a paper is looked up by, `paperKeys`, and the keys a close title shares, `closeTitleKeys`),
 * and facets ("f": the venue, the topic, the tags, the link to the catalog) that list a venue's, a
 * topic's or a tag's papers. Keys and facets were indexes of the papers store: an index entry per
 * paper each, each a write of its own in a bulk write.
 */
export type TermKind = 'w' | 't' | 'k' | 'f';

/** A term's paper numbers, ascending: an array, or a view of a row's `ids`. */
export type Seqs = number[] | Int32Array;

export interface TermRow {
  /** `<kind>:<first letters>#<range>`, e.g. `w:sch#0000`. */
  k: string;
  /**
   * Word, title and facet rows: the row's terms, sorted, written one after the other; `wordEnds`
   * gives where each ends. Their numbers are in `ids`, one term's after the other, and `ends` gives
   * where each term's numbers end. As an object of terms, a row of ~2,000 terms (at 50,000 notes)
   * took V8's structured clone ~30 ms to read back (in Node, the same serializer), built a property
   * at a time, and a search reads several: a string and typed arrays are read back at copying speed.
   */
  words?: string;
  wordEnds?: Int32Array;
  ends?: Int32Array;
  ids?: Int32Array;
  /** Key rows: each term with its numbers, packed in one string (`packTerms`). */
  packed?: string;
  /**
   * Word, title and facet rows before postings version 14, each term with its numbers. Read (a
   * write may meet one before the rebuild a new version makes), never written.
   */
  terms?: Record<string, number[]>;
}

type ColumnRow = Required<Pick<TermRow, 'words' | 'wordEnds' | 'ends' | 'ids'>>;

/**
 * Key rows hold ~390 keys each at 50,000 papers (~1,400 in 256 rows). As an object of ~1,400
 * properties, one took the structured clone ~3 ms to read back, and a lookup reads several: a
 * string is read back at copying speed, and a key is found in it with one `indexOf`.
 * `;<key>:<number>,<number>…` per key; keys are a letter and hex digits (`hashKey`), so `;<key>:`
 * only ever matches at an entry's start.
 */
const PACKED: Record<TermKind, boolean> = { w: false, t: false, k: true, f: false };

function packTerms(terms: [string, Seqs][]): string {
  let packed = '';
  for (const [term, seqs] of terms) packed += `;${term}:${seqs.join(',')}`;
  return packed;
}

function unpackTerms(packed: string): [string, number[]][] {
  const terms: [string, number[]][] = [];
  for (const entry of packed.split(';')) {
    const colon = entry.indexOf(':');
    if (colon > 0) terms.push([entry.slice(0, colon), entry.slice(colon + 1).split(',').map(Number)]);
  }
  return terms;
}

/** Terms sorted (by UTF-16 code units, as `<` compares), their numbers one after the other. */
function columnRow(k: string, terms: [string, Seqs][]): TermRow {
  terms.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let total = 0;
  for (const [, seqs] of terms) total += seqs.length;
  const wordEnds = new Int32Array(terms.length);
  const ends = new Int32Array(terms.length);
  const ids = new Int32Array(total);
  let length = 0;
  let at = 0;
  terms.forEach(([term, seqs], i) => {
    length += term.length;
    wordEnds[i] = length;
    ids.set(seqs, at);
    at += seqs.length;
    ends[i] = at;
  });
  return { k, words: terms.map(([term]) => term).join(''), wordEnds, ends, ids };
}

const isColumnRow = (row: TermRow): row is TermRow & ColumnRow => row.words !== undefined;

/**
 * Calls `visit` with each term of a row, whatever its form, and the term's numbers; with `prefix`,
 * only the terms that start with it. The numbers may be a view of the row: copy them to keep them.
 */
export function eachTerm(row: TermRow, visit: (term: string, seqs: Seqs) => void, prefix = ''): void {
  if (isColumnRow(row)) {
    const { words, wordEnds, ends, ids } = row;
    for (let i = 0, from = 0, idsFrom = 0; i < wordEnds.length; from = wordEnds[i]!, idsFrom = ends[i]!, i++) {
      // Long enough that the prefix lies within the term, not across into the next.
      if (wordEnds[i]! - from >= prefix.length && words.startsWith(prefix, from)) visit(words.slice(from, wordEnds[i]!), ids.subarray(idsFrom, ends[i]!));
    }
    return;
  }
  if (row.packed !== undefined) {
    for (const [term, seqs] of unpackTerms(row.packed)) if (term.startsWith(prefix)) visit(term, seqs);
    return;
  }
  for (const term in row.terms) if (term.startsWith(prefix)) visit(term, row.terms[term]!);
}

const rowOf = (k: string, terms: [string, Seqs][]): TermRow => (PACKED[k[0] as TermKind] ? { k, packed: packTerms(terms) } : columnRow(k, terms));

/**
 * Whether a kind's rows are split by ranges of paper numbers. Key rows are not: a lookup reads the
 * same few rows at 50,000 papers as at 1,000, each by its key.
 */
export const SPLIT_BY_RANGE: Record<TermKind, boolean> = { w: true, t: true, k: false, f: true };

/** The range a paper's terms of a kind are kept in. */
const rangeOf = (kind: TermKind, seq: number) => (SPLIT_BY_RANGE[kind] ? Math.floor(seq / BUCKET).toString(36).padStart(4, '0') : '0000');
/**
 * Letters a row groups terms by: three for full-text words, so that a prefix search of three
 * letters or more reads only rows of terms that start like it and a save rewrites small rows; two
 * for title words (a fifth of the full text's postings); one for facets, the facet's kind, so
 * that every venue is in one row per range. Hashed keys (a letter, then eight hex digits) go by the
 * hash's first two digits and a quarter of its third: 1,024 rows of ~80 keys at 10,000 papers, ~390
 * at 50,000, ids included (with 256 rows, a lookup at 50,000 papers read ~1,400 keys a row and took 1.5x as long
 * as at 1,000). Each row is a put of its own in a bulk write, the main cost of a first install:
 * three letters for titles and three hex digits for keys made 5,500 rows for a catalog of 10,000
 * papers, these make 2,650.
 */
export const HEAD = { w: 3, t: 2, k: 2, f: 1 } as const;
/**
 * A CJK term (a pair of characters, or one: `termsOfWord`) goes by its first character, so that
 * a query of one character reads the rows of the terms it starts, and a note in Chinese rewrites a
 * row per first character rather than one per pair.
 */
function unspacedHead(term: string): string | null {
  const first = term.codePointAt(0)!;
  if (first < 0x1100) return null;
  const head = String.fromCodePoint(first);
  return hasUnspaced(head) ? head : null;
}

const headOf = (kind: TermKind, term: string) => {
  if (kind === 'k') return term.length > 3 ? term.slice(1, 3) + (parseInt(term[3]!, 16) >> 2) : term.slice(0, HEAD.k);
  return (kind !== 'f' && unspacedHead(term)) || term.slice(0, HEAD[kind]);
};

export const rowKey = (kind: TermKind, term: string, seq: number) => `${kind}:${headOf(kind, term)}#${rangeOf(kind, seq)}`;

/**
 * The keys of every row that may hold terms starting with `start`: exact terms of any length, and
 * prefixes at least as long as the kind's head.
 */
export const rowRange = (kind: TermKind, start: string): [string, string] => [`${kind}:${headOf(kind, start)}#`, `${kind}:${headOf(kind, start)}#\uffff`];

/** What one paper is indexed under, by kind. */
export interface IndexedTerms {
  searchTokens: string[];
  titleWords: string[];
  /** Hashed: the paper's exact keys (`paperKeys`) and those a close title shares (`closeTitleKeys`). */
  keys: string[];
  /** `facetTerms`: the venue, the topic, the link to the catalog. */
  facets: string[];
}

/** Where a term is among a column row's sorted terms; -1 if it is not. */
function termIndex(row: ColumnRow, term: string): number {
  let low = 0;
  let high = row.wordEnds.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const found = row.words.slice(mid ? row.wordEnds[mid - 1] : 0, row.wordEnds[mid]);
    if (found === term) return mid;
    if (found < term) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/**
 * A term's paper numbers in a row (for a column row, a view of it); undefined if the row has
 * none. An object row's own properties only: a word such as "constructor" must not find
 * `Object.prototype.constructor`.
 */
export function seqsInRow(row: TermRow, term: string): Seqs | undefined {
  if (isColumnRow(row)) {
    const i = termIndex(row, term);
    return i < 0 ? undefined : row.ids.subarray(i ? row.ends[i - 1] : 0, row.ends[i]);
  }
  if (row.packed === undefined) return row.terms && Object.hasOwn(row.terms, term) ? row.terms[term] : undefined;
  const at = row.packed.indexOf(`;${term}:`);
  if (at < 0) return undefined;
  const end = row.packed.indexOf(';', at + 1);
  return row.packed.slice(at + term.length + 2, end < 0 ? undefined : end).split(',').map(Number);
}

interface Slot {
  add: number[];
  remove: Set<number> | null;
}

/** Pending changes to the postings, collected over a write and applied to each row once. */
export class TermChanges {
  /** `<kind>#<range>` → term → numbers to add (array) and to remove (set); grouped into rows at the end. */
  private readonly byRange = new Map<string, Map<string, Slot>>();
  private grouped: Map<string, [string, Slot][]> | null = null;

  private slots(kind: TermKind, seq: number): Map<string, Slot> {
    const key = `${kind}#${rangeOf(kind, seq)}`;
    let slots = this.byRange.get(key);
    if (!slots) this.byRange.set(key, (slots = new Map()));
    this.grouped = null;
    return slots;
  }

  private move(kind: TermKind, seq: number, before: string[], after: string[]) {
    const slots = this.slots(kind, seq);
    const slot = (term: string) => {
      let found = slots.get(term);
      if (!found) slots.set(term, (found = { add: [], remove: null }));
      return found;
    };
    if (!before.length) {
      for (const term of after) slot(term).add.push(seq);
      return;
    }
    const old = new Set(before);
    const now = new Set(after);
    for (const term of now) if (!old.has(term)) slot(term).add.push(seq);
    for (const term of old) if (!now.has(term)) (slot(term).remove ??= new Set()).add(seq);
  }

  /** Moves a paper from the terms it had to the terms it has (either may be absent). */
  change(seq: number, before: IndexedTerms | null, after: IndexedTerms | null): void {
    this.move('w', seq, before?.searchTokens ?? [], after?.searchTokens ?? []);
    this.move('t', seq, before?.titleWords ?? [], after?.titleWords ?? []);
    this.move('k', seq, before?.keys ?? [], after?.keys ?? []);
    this.move('f', seq, before?.facets ?? [], after?.facets ?? []);
  }

  /** The touched terms by row key: done once, at the end, rather than for every word of every paper. */
  private get rows(): Map<string, [string, Slot][]> {
    if (this.grouped) return this.grouped;
    const rows = new Map<string, [string, Slot][]>();
    for (const [kindRange, slots] of this.byRange) {
      const [kind, range] = kindRange.split('#') as [TermKind, string];
      for (const entry of slots) {
        const key = `${kind}:${headOf(kind, entry[0])}#${range}`;
        const row = rows.get(key);
        if (row) row.push(entry);
        else rows.set(key, [entry]);
      }
    }
    return (this.grouped = rows);
  }

  get keys(): string[] {
    return [...this.rows.keys()];
  }

  /** The touched rows rewritten from their current state (same order as `keys`); null deletes a row. */
  apply(current: (TermRow | undefined)[]): (TermRow | null)[] {
    return this.keys.map((k, i) => {
      const row = current[i];
      const terms = new Map<string, Seqs>();
      if (row) eachTerm(row, (term, seqs) => terms.set(term, seqs));
      for (const [term, { add, remove }] of this.rows.get(k)!) {
        const had = terms.get(term);
        if (!had) {
          // A new term (the common case of a bulk write): its numbers came in ascending order.
          if (add.length) terms.set(term, isAscending(add) ? add : [...new Set(add)].sort((a, b) => a - b));
          continue;
        }
        let ids = Array.from(had);
        if (remove) ids = ids.filter((id) => !remove.has(id));
        if (add.length) ids = [...new Set([...ids, ...add])].sort((a, b) => a - b);
        if (ids.length) terms.set(term, ids);
        else terms.delete(term);
      }
      return terms.size ? rowOf(k, [...terms]) : null;
    });
  }
}

function isAscending(ids: number[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i]! <= ids[i - 1]!) return false;
  return true;
}

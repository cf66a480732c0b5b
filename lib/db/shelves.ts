import type { Table } from 'dexie';
import type { PaperRecord } from './records';
import { inTransaction } from './transaction-promise';

/**
 * Papers are kept `SHELF` to a stored row, a shelf, by number (`seq`): shelf `n` holds papers
 * `n * SHELF` to `n * SHELF + SHELF - 1`, each in its slot as JSON (null for a free slot).
 *
 * Why: a bulk write's cost is its number of puts (~0.2 ms each in Chromium, whatever they hold),
 * so 10,000 papers written one to a put took ~1.9 s of a first install's ~2.8 s. As JSON, a
 * shelf reads back as a few strings, not as thousands of properties to rebuild, and only the
 * papers asked for are parsed. Papers are found by id through the key postings ("i").
 */
export const SHELF = 32;

export interface ShelfRow {
  n: number;
  papers: (string | null)[];
}

/** The shelves store, as the database or a schema upgrade (`tx.table`) has it. */
export type ShelfTable = Table<ShelfRow, number>;

export const shelfOf = (seq: number) => Math.floor(seq / SHELF);

const emptyShelf = (): (string | null)[] => new Array<string | null>(SHELF).fill(null);

/** The papers on these shelves, in shelf and slot order. */
export function papersOn(rows: (ShelfRow | undefined)[]): PaperRecord[] {
  const out: PaperRecord[] = [];
  for (const row of rows) for (const text of row?.papers ?? []) if (text) out.push(JSON.parse(text) as PaperRecord);
  return out;
}

/** The papers with these numbers, in number order (ties elsewhere keep it): one read of the shelves they are on. */
export const papersBySeq = inTransaction(async function papersBySeq(shelves: ShelfTable, seqs: number[]): Promise<PaperRecord[]> {
  const wanted = new Map<number, number[]>();
  for (const seq of new Set(seqs)) {
    const n = shelfOf(seq);
    wanted.set(n, [...(wanted.get(n) ?? []), seq]);
  }
  const numbers = [...wanted.keys()];
  const rows = await shelves.bulkGet(numbers);
  const out: PaperRecord[] = [];
  rows.forEach((row, i) => {
    for (const seq of wanted.get(numbers[i]!)!) {
      const text = row?.papers[seq % SHELF];
      if (text) out.push(JSON.parse(text) as PaperRecord);
    }
  });
  return out.sort((a, b) => a.seq! - b.seq!);
});

/** Every paper, in number order. */
export const allPapers = inTransaction(async function allPapers(shelves: ShelfTable): Promise<PaperRecord[]> {
  return papersOn(await shelves.toArray());
});

/**
 * Shelves to a page: `eachShelfPage` reads one page at a time, and a reindex keeps the words of
 * 2,048 papers, not their notes; `eachShelfPageAhead` asks for every page at once.
 */
const PAGE_SHELVES = 64;

/** Calls `visit` with every paper, a page of shelves at a time (50,000 notes are ~65 MB). */
export const eachShelfPage = inTransaction(async function eachShelfPage(shelves: ShelfTable, visit: (papers: PaperRecord[]) => void, pageShelves: number = PAGE_SHELVES): Promise<number> {
  let read = 0;
  let after = -1;
  for (;;) {
    const rows = await shelves.where('n').above(after).limit(pageShelves).toArray();
    const papers = papersOn(rows);
    visit(papers);
    read += papers.length;
    if (rows.length < pageShelves) return read;
    after = rows[rows.length - 1]!.n;
  }
});

/**
 * Calls `visit` with every paper, `pageShelves` shelves at a time, in number order. Every page is
 * asked for at once and handed over as it arrives: what `visit` does with one page runs while the
 * storage engine reads the next (an export writes papers' pages meanwhile, `readForExport`).
 */
export const eachShelfPageAhead = inTransaction(async function eachShelfPageAhead(shelves: ShelfTable, visit: (papers: PaperRecord[]) => void, pageShelves: number = PAGE_SHELVES): Promise<void> {
  const last = (await shelves.toCollection().lastKey()) as number | undefined;
  if (last === undefined) return;
  const pages: Promise<ShelfRow[]>[] = [];
  for (let from = 0; from <= last; from += pageShelves) pages.push(shelves.where('n').between(from, from + pageShelves).toArray());
  // Taken off the list as they are visited: a page's rows are let go once its papers are parsed.
  while (pages.length) visit(papersOn(await pages.shift()!));
});

/** Shelves holding these numbered records, for a store with none of them yet (a first install). */
export function newShelves(records: PaperRecord[]): ShelfRow[] {
  const rows = new Map<number, ShelfRow>();
  for (const record of records) {
    const n = shelfOf(record.seq!);
    let row = rows.get(n);
    if (!row) rows.set(n, (row = { n, papers: emptyShelf() }));
    row.papers[record.seq! % SHELF] = JSON.stringify(record);
  }
  return [...rows.values()];
}

/**
 * Puts numbered records in their slots and frees the slots of `removed` numbers; a shelf left
 * empty is deleted. Numbers from `numberedBefore` on were never given before this write, so
 * their shelves past the last one in use are new: they are not read. Inside a read-write
 * transaction on the shelves.
 */
export const shelve = inTransaction(async function shelve(shelves: ShelfTable, records: PaperRecord[], removed: number[], numberedBefore: number): Promise<void> {
  const slots = new Map<number, [number, string | null][]>();
  const place = (seq: number, text: string | null) => {
    const n = shelfOf(seq);
    slots.set(n, [...(slots.get(n) ?? []), [seq % SHELF, text]]);
  };
  for (const record of records) place(record.seq!, JSON.stringify(record));
  for (const seq of removed) place(seq, null);
  const numbers = [...slots.keys()];
  const used = numbers.filter((n) => n * SHELF < numberedBefore);
  const stored = new Map((await shelves.bulkGet(used)).map((row, i) => [used[i]!, row]));
  const puts: ShelfRow[] = [];
  const emptied: number[] = [];
  for (const n of numbers) {
    const papers = stored.get(n)?.papers.slice() ?? emptyShelf();
    for (const [slot, text] of slots.get(n)!) papers[slot] = text;
    if (papers.some((text) => text !== null)) puts.push({ n, papers });
    else emptied.push(n);
  }
  await shelves.bulkPut(puts);
  await shelves.bulkDelete(emptied);
});

/** How many papers the shelves hold, without parsing any. */
export const countPapers = inTransaction(async function countPapers(shelves: ShelfTable): Promise<number> {
  let count = 0;
  await shelves.each((row) => {
    for (const text of row.papers) if (text) count++;
  });
  return count;
});

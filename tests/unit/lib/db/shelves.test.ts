import { describe, expect, it } from 'vitest';
import { deletePaper } from '@/lib/db/delete';
import { savePaper, updatePaper } from '@/lib/db/notes';
import { getPaper, getPapers } from '@/lib/db/read';
import { allPapers, countPapers, eachShelfPage, eachShelfPageAhead, papersBySeq, SHELF, shelfOf } from '@/lib/db/shelves';
import { deletePapers, paperTables } from '@/lib/db/write';
import { hashKey, KEY } from '@/lib/match/keys';
import { TermChanges } from '@/lib/search/terms';
import { addPaper, freshDb } from '../../db-helpers';

/** `count` papers, numbered 0 to count - 1: three shelves for 70. */
async function library(count: number) {
  const db = freshDb();
  const papers = [];
  for (let i = 0; i < count; i++) papers.push(await addPaper(db, { title: `Paper number ${i}`, note: `* note ${i}\n` }));
  return { db, papers };
}

describe('papers on shelves', () => {
  it('keeps each paper in its slot by number, and reads it back as written', async () => {
    const { db, papers } = await library(SHELF * 2 + 6);
    expect(await db.shelves.count()).toBe(3);
    expect((await db.shelves.get(shelfOf(papers[SHELF + 1]!.seq!)))!.papers[1]).toBe(JSON.stringify(papers[SHELF + 1]));
    expect(await getPapers(db, [papers[40]!.id, 'u-none', papers[2]!.id])).toEqual([papers[40], undefined, papers[2]]);
    expect((await papersBySeq(db.shelves, [SHELF * 2 + 5, 40, 3, 999])).map((p) => p.seq)).toEqual([3, 40, SHELF * 2 + 5]);
    expect(await allPapers(db.shelves)).toEqual(papers);
    expect(await countPapers(db.shelves)).toBe(papers.length);
  });

  it('rewrites only the changed slot, and frees a deleted paper’s; an emptied shelf goes', async () => {
    const { db, papers } = await library(SHELF + 2);
    const saved = await savePaper(db, papers[5]!.id, { note: '* changed\n' }, papers[5]!.rev);
    expect(await allPapers(db.shelves)).toEqual(papers.map((p, i) => (i === 5 ? saved : p)));
    await deletePaper(db, papers[SHELF]!.id);
    expect((await db.shelves.get(1))!.papers).toEqual([null, JSON.stringify(papers[SHELF + 1]), ...new Array(SHELF - 2).fill(null)]);
    await deletePaper(db, papers[SHELF + 1]!.id);
    expect(await db.shelves.get(1)).toBeUndefined();
    expect(await getPaper(db, papers[SHELF + 1]!.id)).toBeUndefined();
    expect(await countPapers(db.shelves)).toBe(SHELF);
  });

  it('loses neither of two papers of one shelf changed at once', async () => {
    const { db, papers } = await library(4);
    await Promise.all([
      updatePaper(db, papers[1]!.id, () => ({ summary: 'One.' })),
      updatePaper(db, papers[2]!.id, () => ({ summary: 'Two.' })),
      savePaper(db, papers[3]!.id, { note: '* three\n' }, papers[3]!.rev),
    ]);
    expect((await allPapers(db.shelves)).map((p) => [p.summary, p.note])).toEqual([
      ['', '* note 0\n'],
      ['One.', '* note 1\n'],
      ['Two.', '* note 2\n'],
      ['', '* three\n'],
    ]);
  });

  it('finds a paper by id only: a paper another id’s hash names is not it', async () => {
    const { db, papers } = await library(3);
    // As if two ids shared a hash: paper 0's number under paper 2's id, read first (the lower).
    await db.transaction('rw', paperTables(db), async () => {
      const changes = new TermChanges();
      changes.change(papers[0]!.seq!, null, { keys: [hashKey(KEY.id + papers[2]!.id)], titleWords: [], searchTokens: [], facets: [] });
      const rows = changes.apply(await db.terms.bulkGet(changes.keys));
      await db.terms.bulkPut(rows.filter((r) => r !== null));
    });
    expect((await getPaper(db, papers[0]!.id))?.id).toBe(papers[0]!.id);
    expect((await getPaper(db, papers[2]!.id))?.id).toBe(papers[2]!.id);
  });

  it('are read a page at a time, each paper once, whatever the page size', async () => {
    const { db, papers } = await library(SHELF * 3 + 1);
    for (const pageShelves of [1, 2, 3, 4, 5]) {
      const seen: string[] = [];
      const read = await eachShelfPage(db.shelves, (page) => seen.push(...page.map((p) => p.id)), pageShelves);
      expect(read).toBe(papers.length);
      expect(seen).toEqual(papers.map((p) => p.id));
    }
  });

  it('are read ahead a page at a time, in number order, past an emptied shelf', async () => {
    const { db, papers } = await library(SHELF * 4 + 1);
    // Shelf 1 emptied (and so deleted), one paper gone from shelf 3.
    const gone = new Set([...papers.slice(SHELF, SHELF * 2), papers[SHELF * 3 + 5]!].map((p) => p.id));
    await db.transaction('rw', paperTables(db), () => deletePapers(db, [...gone]));
    expect(await db.shelves.count()).toBe(4);
    const kept = papers.filter((p) => !gone.has(p.id)).map((p) => p.id);
    for (const pageShelves of [1, 2, 3, 5, 64]) {
      const pages: string[][] = [];
      await eachShelfPageAhead(db.shelves, (page) => pages.push(page.map((p) => p.id)), pageShelves);
      expect(pages.flat()).toEqual(kept);
      expect(pages.length).toBe(Math.ceil(5 / pageShelves));
    }
    const none: unknown[] = [];
    await eachShelfPageAhead(freshDb().shelves, (page) => none.push(page));
    expect(none).toEqual([]);
  });

  it('hold a huge note as any other', async () => {
    const { db, papers } = await library(2);
    const huge = `* ${'long words, '.repeat(160_000)}\n`;
    await savePaper(db, papers[0]!.id, { note: huge }, papers[0]!.rev);
    expect((await getPaper(db, papers[0]!.id))?.note).toBe(huge);
    expect((await getPaper(db, papers[1]!.id))?.note).toBe('* note 1\n');
  });
});

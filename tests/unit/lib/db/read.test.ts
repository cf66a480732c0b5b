import { describe, expect, it } from 'vitest';
import { papersBySeq } from '@/lib/db/shelves';
import { papersWithKeys } from '@/lib/db/read';
import { hashKey, KEY } from '@/lib/match/keys';
import { TermChanges } from '@/lib/search/terms';
import type { PaperNotesDB } from '@/lib/db/schema';
import { addPaper, freshDb } from '../../db-helpers';

/** Adds a paper number under a key term, through the postings' own write path. */
async function addToKeyRow(db: PaperNotesDB, term: string, seq: number) {
  const changes = new TermChanges();
  changes.change(seq, null, { searchTokens: [], titleWords: [], keys: [term], facets: [] });
  const [row] = changes.apply(await db.terms.bulkGet(changes.keys));
  expect(row?.packed).toContain(`;${term}:`);
  await db.terms.put(row!);
}

describe('papersWithKeys', () => {
  it('reads the papers holding each key, at most `each` per key', async () => {
    const db = freshDb();
    const a = await addPaper(db, { title: 'Alpha', venue: 'OSDI 2024', urls: ['https://arxiv.org/abs/2401.00001', 'https://www.usenix.org/conference/osdi24/presentation/a'] });
    const b = await addPaper(db, { title: 'Alpha', venue: 'NSDI 2024' });
    const c = await addPaper(db, { title: 'Alpha', venue: 'ATC 2024' });
    await addPaper(db, { title: 'Delta', venue: 'NSDI 2024' });

    const urls = ['https://arxiv.org/abs/2401.00001', 'https://www.usenix.org/conference/osdi24/presentation/a', 'https://example.org/none'].map((u) => KEY.url + u);
    const byUrl = await papersWithKeys(db, urls, 20);
    expect([...byUrl].map(([key, records]) => [key, records.map((r) => r.id)])).toEqual([
      [urls[0], [a.id]],
      [urls[1], [a.id]],
    ]);

    const alpha = (await papersWithKeys(db, [KEY.title + 'alpha'], 2)).get(KEY.title + 'alpha')!;
    expect(alpha).toHaveLength(2);
    expect([a.id, b.id, c.id]).toEqual(expect.arrayContaining(alpha.map((r) => r.id)));

    // At most `each` for every key, not in all.
    const both = await papersWithKeys(db, [KEY.title + 'alpha', KEY.title + 'delta'], 1);
    expect([...both.values()].flat().map((r) => r.title).sort()).toEqual(['Alpha', 'Delta']);
    expect((await papersWithKeys(db, [], 20)).size).toBe(0);
  });

  it('checks each paper against the key itself: a shared hash proposes, never decides', async () => {
    const db = freshDb();
    const paper = await addPaper(db, { title: 'Alpha', arxivId: '2401.00001' });
    // The paper's number under the hash of another key, as a collision would put it, written
    // into the packed row the way every write changes it.
    const other = KEY.arxiv + '9999.99999';
    await addToKeyRow(db, hashKey(other), paper.seq!);
    expect((await papersWithKeys(db, [other], 20)).size).toBe(0);
    expect((await papersWithKeys(db, [KEY.arxiv + '2401.00001'], 20)).get(KEY.arxiv + '2401.00001')?.map((r) => r.id)).toEqual([paper.id]);
  });

  it('finds the same papers when it reads every key row at once (many keys, as an import asks)', async () => {
    const db = freshDb();
    const papers = await Promise.all(Array.from({ length: 150 }, (_, i) => addPaper(db, { title: `Paper ${i}`, arxivId: `2401.${String(i).padStart(5, '0')}` })));
    const keys = [...papers.map((p) => KEY.arxiv + p.arxivId), KEY.arxiv + '9999.99999'];
    const all = await papersWithKeys(db, keys, 20);
    expect(all.size).toBe(150);
    for (const paper of papers.slice(0, 10)) {
      const key = KEY.arxiv + paper.arxivId;
      expect(all.get(key)?.map((r) => r.id)).toEqual([paper.id]);
      expect((await papersWithKeys(db, [key], 20)).get(key)?.map((r) => r.id)).toEqual([paper.id]);
    }
  });

  it('lets a key share a hash only with keys of its own kind', async () => {
    expect(hashKey(KEY.arxiv + '2401.00001')[0]).toBe(KEY.arxiv);
    expect(hashKey(KEY.start + 'a survey o')[0]).toBe(KEY.start);
    expect(hashKey(KEY.arxiv + 'x')).not.toBe(hashKey(KEY.start + 'x'));
  });

  it('reads papers by their numbers, unknown numbers skipped', async () => {
    const db = freshDb();
    const papers = await Promise.all(['One', 'Two', 'Three'].map((title) => addPaper(db, { title })));
    const found = await papersBySeq(db.shelves, [papers[2]!.seq!, 999, papers[0]!.seq!]);
    expect(found.map((r) => r.title).sort()).toEqual(['One', 'Three']);
  });

  it('reads runs of consecutive numbers and lone numbers alike, each paper once', async () => {
    const db = freshDb();
    const papers = await Promise.all(Array.from({ length: 8 }, (_, i) => addPaper(db, { title: `Paper ${i}` })));
    const seqs = [papers[6]!.seq!, papers[1]!.seq!, papers[2]!.seq!, papers[3]!.seq!, papers[2]!.seq!, papers[7]!.seq!, 40];
    const found = await papersBySeq(db.shelves, seqs);
    expect(found.map((r) => r.title).sort()).toEqual(['Paper 1', 'Paper 2', 'Paper 3', 'Paper 6', 'Paper 7']);
    expect(await papersBySeq(db.shelves, [])).toEqual([]);
  });
});

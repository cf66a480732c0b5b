import { describe, expect, it } from 'vitest';
import { papersBySeq } from '@/lib/db/postings';
import { papersWhere } from '@/lib/db/read';
import { addPaper, freshDb } from '../../db-helpers';

describe('papersWhere', () => {
  it('reads the papers holding any of the values, each once, at most `each` per value', async () => {
    const db = freshDb();
    const a = await addPaper(db, { title: 'Alpha', venue: 'OSDI 2024', urls: ['https://arxiv.org/abs/2401.00001', 'https://www.usenix.org/conference/osdi24/presentation/a'] });
    const b = await addPaper(db, { title: 'Alpha', venue: 'NSDI 2024' });
    const c = await addPaper(db, { title: 'Alpha', venue: 'ATC 2024' });
    await addPaper(db, { title: 'Delta', venue: 'NSDI 2024' });

    const byUrl = await papersWhere(db, 'urls', ['https://arxiv.org/abs/2401.00001', 'https://www.usenix.org/conference/osdi24/presentation/a', 'https://example.org/none'], 20);
    expect(byUrl.map((r) => r.id)).toEqual([a.id]);

    const alpha = await papersWhere(db, 'titleKey', ['alpha'], 2);
    expect(alpha).toHaveLength(2);
    expect([a.id, b.id, c.id]).toEqual(expect.arrayContaining(alpha.map((r) => r.id)));

    // At most `each` for every value, not in all.
    expect((await papersWhere(db, 'titleKey', ['alpha', 'delta'], 1)).map((r) => r.title).sort()).toEqual(['Alpha', 'Delta']);
    expect(await papersWhere(db, 'titleKey', [], 20)).toEqual([]);
  });

  it('reads papers by their numbers, unknown numbers skipped', async () => {
    const db = freshDb();
    const papers = await Promise.all(['One', 'Two', 'Three'].map((title) => addPaper(db, { title })));
    const found = await papersBySeq(db, [papers[2]!.seq!, 999, papers[0]!.seq!]);
    expect(found.map((r) => r.title).sort()).toEqual(['One', 'Three']);
  });

  it('reads runs of consecutive numbers and lone numbers alike, each paper once', async () => {
    const db = freshDb();
    const papers = await Promise.all(Array.from({ length: 8 }, (_, i) => addPaper(db, { title: `Paper ${i}` })));
    const seqs = [papers[6]!.seq!, papers[1]!.seq!, papers[2]!.seq!, papers[3]!.seq!, papers[2]!.seq!, papers[7]!.seq!, 40];
    const found = await papersBySeq(db, seqs);
    expect(found.map((r) => r.title).sort()).toEqual(['Paper 1', 'Paper 2', 'Paper 3', 'Paper 6', 'Paper 7']);
    expect(await papersBySeq(db, [])).toEqual([]);
  });
});

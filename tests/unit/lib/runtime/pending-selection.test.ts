import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { applySelections, dropSelections, keepSelection, MAX_PENDING, pendingSelections, watchSelections } from '@/lib/runtime/pending-selection';
import { addPaper, freshDb } from '../../db-helpers';

const KEY = 'arxiv:2403.02310';

beforeEach(() => fakeBrowser.reset());

describe('selections kept for a page', () => {
  it('are kept per page, in order, the last ones when there are many, and never blank', async () => {
    await keepSelection(KEY, 'one');
    await keepSelection(KEY, '   ');
    await keepSelection('arxiv:other', 'elsewhere');
    await keepSelection(KEY, 'two');
    expect(await pendingSelections(KEY)).toEqual(['one', 'two']);
    for (let i = 0; i < MAX_PENDING; i++) await keepSelection(KEY, `s${i}`);
    expect(await pendingSelections(KEY)).toHaveLength(MAX_PENDING);
    expect((await pendingSelections(KEY)).at(-1)).toBe(`s${MAX_PENDING - 1}`);
    await dropSelections(KEY);
    expect(await pendingSelections(KEY)).toEqual([]);
    expect(await pendingSelections('arxiv:other')).toEqual(['elsewhere']);
  });

  it('are forgotten only once written, and only those written: one kept meanwhile waits', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* mine\n' });
    await keepSelection(KEY, 'first');
    await expect(applySelections(db, KEY, 'no-such-note')).rejects.toThrow();
    expect(await pendingSelections(KEY)).toEqual(['first']);

    await applySelections(db, KEY, note.id);
    expect((await db.papers.get(note.id))?.note).toBe('* mine\n* > first\n');
    await keepSelection(KEY, 'second');
    await keepSelection(KEY, 'third');
    await dropSelections(KEY, 1);
    expect(await pendingSelections(KEY)).toEqual(['third']);
  });

  it('are watched: the panel hears of each change', async () => {
    const seen: string[][] = [];
    const stop = watchSelections(KEY, (selections) => seen.push(selections));
    await expect.poll(() => seen.length).toBe(1);
    await keepSelection(KEY, 'one');
    await expect.poll(() => seen.at(-1)).toEqual(['one']);
    stop();
    await keepSelection(KEY, 'two');
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.at(-1)).toEqual(['one']);
  });
});

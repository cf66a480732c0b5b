import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applySelections, dropSelections, keepSelection, MAX_PENDING, pendingSelections, watchSelections } from '@/lib/runtime/pending-selection';
import { addPaper, freshDb } from '../../db-helpers';
import { fakeLocks } from '../../fake-locks';
import { getPaper } from '@/lib/db/read';
import { appendQuote, MAX_QUOTE } from '@/lib/notes/quote';

const KEY = 'arxiv:2403.02310';

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('navigator', { ...navigator, locks: fakeLocks() });
});
afterEach(() => vi.unstubAllGlobals());

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

  it('are kept as the note would quote them: folded and cut, so that a huge one cannot fill session storage', async () => {
    const huge = `${'word '.repeat(200_000)}`;
    for (let i = 0; i < MAX_PENDING; i++) await keepSelection(KEY, huge);
    const kept = await pendingSelections(KEY);
    expect(kept).toHaveLength(MAX_PENDING);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null)).length).toBeLessThan(MAX_PENDING * (MAX_QUOTE + 100));
    expect(kept[0]).toBe(`${'word '.repeat(Math.ceil((MAX_QUOTE - 1) / 5)).slice(0, MAX_QUOTE - 1)}…`);

    // Quoted in the note as if added at once; a cut never splits a character of two code units.
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '' });
    await dropSelections(KEY);
    const emoji = `${'x'.repeat(MAX_QUOTE - 2)}😀 and more\n\n lines`;
    await keepSelection(KEY, emoji);
    expect((await pendingSelections(KEY))[0]!.isWellFormed()).toBe(true);
    await applySelections(db, KEY, note.id);
    expect((await getPaper(db, note.id))?.note).toBe(appendQuote('', emoji));
  });

  it('are forgotten only once written, and only those written: one kept meanwhile waits', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* mine\n' });
    await keepSelection(KEY, 'first');
    await expect(applySelections(db, KEY, 'no-such-note')).rejects.toThrow();
    expect(await pendingSelections(KEY)).toEqual(['first']);

    // Started together: the apply and the keep each see the other's result, never a lost one.
    await Promise.all([applySelections(db, KEY, note.id), keepSelection(KEY, 'second')]);
    const note1 = (await getPaper(db, note.id))!.note;
    const waiting = await pendingSelections(KEY);
    expect(note1.startsWith('* mine\n* > first\n')).toBe(true);
    expect([...note1.matchAll(/> second/g)].length + waiting.filter((s) => s === 'second').length).toBe(1);
  });

  it('are added once when two panels add them at the same time, kept ones before a new one', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '' });
    await keepSelection(KEY, 'kept');
    await Promise.all([applySelections(db, KEY, note.id), applySelections(db, KEY, note.id, ['new'])]);
    expect((await getPaper(db, note.id))?.note).toBe('* > kept\n* > new\n');
    expect(await pendingSelections(KEY)).toEqual([]);
  });

  it('stop being reported once unwatched, even by a read already on its way', async () => {
    await keepSelection(KEY, 'old page');
    const seen: string[][] = [];
    watchSelections(KEY, (selections) => seen.push(selections))();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
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

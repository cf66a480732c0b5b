// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { latestDraft } from '@/lib/db/drafts';
import { addPaper, freshDb } from '../db-helpers';
import { useNoteEditing } from '@/entrypoints/sidepanel/use-note-editing';
import { getPaper } from '@/lib/db/read';

describe('editing a note when the disk is full', () => {
  it('says so, keeps the edit in the panel and its draft, and saves once there is room', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* old\n' });
    const { result } = renderHook(() => useNoteEditing(db, note));
    await act(() => result.current.start());
    act(() => result.current.change({ note: '* precious unsaved words\n', summary: '', tags: [] }));
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect((await latestDraft(db, note.id))?.note).toBe('* precious unsaved words\n');

    const full = vi.spyOn(db.shelves, 'bulkPut').mockRejectedValueOnce(new DOMException('quota', 'QuotaExceededError'));
    await act(() => result.current.save());
    expect(result.current.error).toBe('Not saved: the browser’s storage for extensions is full. Your edit is still here.');
    expect(result.current.editing).toBe(true);
    expect(result.current.values.note).toBe('* precious unsaved words\n');
    expect((await latestDraft(db, note.id))?.note).toBe('* precious unsaved words\n');

    full.mockRestore();
    await act(() => result.current.save());
    expect(result.current.editing).toBe(false);
    expect((await getPaper(db, note.id))?.note).toBe('* precious unsaved words\n');
    expect(await latestDraft(db, note.id)).toBeNull();
  });
});

/** A panel editing a note, with `typed` typed into it a moment ago. */
async function typing(typed: string) {
  const db = freshDb();
  const note = await addPaper(db, { title: 'A paper', note: '* old\n' });
  const hook = renderHook(() => useNoteEditing(db, note));
  await act(() => hook.result.current.start());
  act(() => hook.result.current.change({ note: typed, summary: '', tags: [] }));
  return { db, note, ...hook };
}

describe('leaving a note while typing', () => {
  it('writes the pending draft at once, not after the delay that no longer comes', async () => {
    const { db, note, unmount } = await typing('* typed just before leaving\n');
    unmount();
    await vi.waitFor(async () => expect((await latestDraft(db, note.id))?.note).toBe('* typed just before leaving\n'));
  });

  it('leaves no draft behind a save or a cancel', async () => {
    const { db, note, result, unmount } = await typing('* saved\n');
    await act(() => result.current.save());
    unmount();
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(await latestDraft(db, note.id)).toBeNull();
  });
});

describe('merging with a save made in another panel', () => {
  it('keeps the other panel’s summary and tags beside this panel’s note', async () => {
    const { savePaper } = await import('@/lib/db/notes');
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* one\n', summary: 'Old', tags: ['llm'] });
    const { result } = renderHook(() => useNoteEditing(db, note));
    await act(() => result.current.start());
    act(() => result.current.change({ note: '* one\n* mine\n', summary: 'Old', tags: ['llm'] }));
    await savePaper(db, note.id, { summary: 'Theirs', tags: ['llm', 'serving'] }, note.rev);
    await act(() => result.current.save());
    expect(result.current.conflict?.summary).toBe('Theirs');
    await act(() => result.current.merge());
    expect(result.current.values).toEqual({ note: '* one\n* mine\n', summary: 'Theirs', tags: ['llm', 'serving'] });
    await act(() => result.current.save());
    expect(await getPaper(db, note.id)).toMatchObject({ note: '* one\n* mine\n', summary: 'Theirs', tags: ['llm', 'serving'] });
  });
});

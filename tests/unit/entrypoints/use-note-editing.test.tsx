// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { latestDraft } from '@/lib/db/drafts';
import { addPaper, arxivPage, freshDb } from '../db-helpers';
import { useNoteEditing } from '@/entrypoints/sidepanel/use-note-editing';
import { getPaper } from '@/lib/db/read';
import { matchPage } from '@/lib/db/matching';
import type { PaperRecord } from '@/lib/db/records';

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

describe('an edit that changes nothing', () => {
  it('leaves no draft when the panel closes with the editor open, so no “unsaved edit” is offered', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* old\n', summary: 'One line', tags: ['llm'] });
    const { result } = renderHook(() => useNoteEditing(db, note));
    await act(() => result.current.start());
    dispatchEvent(new Event('pagehide'));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(await latestDraft(db, note.id)).toBeNull();
    expect(result.current.changed).toBe(false);
  });

  it('drops its draft once typed back to where it began', async () => {
    const { db, note, result } = await typing('* old, and more\n');
    expect(result.current.changed).toBe(true);
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect(await latestDraft(db, note.id)).not.toBeNull();
    act(() => result.current.change({ note: '* old\n', summary: '', tags: [] }));
    expect(result.current.changed).toBe(false);
    await vi.waitFor(async () => expect(await latestDraft(db, note.id)).toBeNull());
    dispatchEvent(new Event('pagehide'));
    await act(() => new Promise((r) => setTimeout(r, 400)));
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

describe('a new revision that does not touch what is being edited', () => {
  it('is no conflict: a visit to the paper’s HTML version records its URL while the note is edited', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* one\n', arxivId: '2403.02310', urls: ['https://arxiv.org/abs/2403.02310'] });
    const { result, rerender } = renderHook(({ record }: { record: PaperRecord }) => useNoteEditing(db, record), { initialProps: { record: note } });
    await act(() => result.current.start());
    act(() => result.current.change({ note: '* one\n* mine\n', summary: '', tags: [] }));
    // What the worker does when the paper's HTML version opens, and the panel's live record after it.
    await matchPage(db, arxivPage('A paper', '2403.02310', { kind: 'html', url: 'https://arxiv.org/html/2403.02310v2' }));
    const visited = (await getPaper(db, note.id))!;
    expect(visited.rev).toBe(note.rev + 1);
    rerender({ record: visited });
    expect(result.current.conflict).toBeNull();
    await act(() => result.current.save());
    expect(result.current.conflict).toBeNull();
    expect(result.current.editing).toBe(false);
    expect(await getPaper(db, note.id)).toMatchObject({ note: '* one\n* mine\n', urls: expect.arrayContaining(['https://arxiv.org/html/2403.02310']) });
  });

  it('is no conflict either when nothing was typed yet: the editor shows the newer version (a quick add in another panel)', async () => {
    const { addBullet } = await import('@/lib/db/notes');
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* one\n' });
    const { result, rerender } = renderHook(({ record }: { record: PaperRecord }) => useNoteEditing(db, record), { initialProps: { record: note } });
    await act(() => result.current.start());
    rerender({ record: await addBullet(db, note.id, 'added in the other panel') });
    expect(result.current.conflict).toBeNull();
    expect(result.current.values.note).toBe('* one\n* added in the other panel\n');
    act(() => result.current.change({ ...result.current.values, note: '* one\n* added in the other panel\n* mine\n' }));
    await act(() => result.current.save());
    expect(result.current.editing).toBe(false);
    expect((await getPaper(db, note.id))?.note).toBe('* one\n* added in the other panel\n* mine\n');
  });

  it('is a conflict once it changes the note', async () => {
    const { savePaper } = await import('@/lib/db/notes');
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* one\n' });
    const { result, rerender } = renderHook(({ record }: { record: PaperRecord }) => useNoteEditing(db, record), { initialProps: { record: note } });
    await act(() => result.current.start());
    act(() => result.current.change({ note: '* one\n* mine\n', summary: '', tags: [] }));
    rerender({ record: await savePaper(db, note.id, { note: '* one\n* theirs\n' }, note.rev) });
    expect(result.current.conflict?.note).toBe('* one\n* theirs\n');
  });
});

// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/preact';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { useLive } from '@/components/use-live';
import { savePaper } from '@/lib/db/notes';
import { addPaper, freshDb } from '../db-helpers';
import { getPaper } from '@/lib/db/read';

describe('useLive', () => {
  it('shows a value the caller already read at once, then keeps it current', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* one\n' });
    const { result } = renderHook(() => useLive(() => getPaper(db, note.id), [note.id], { value: { ...note, note: '* as the lookup read it\n' } }));
    expect(result.current).toMatchObject({ loading: false, value: { note: '* as the lookup read it\n' } });
    await waitFor(() => expect(result.current).toMatchObject({ value: { note: '* one\n' } }));
    await savePaper(db, note.id, { note: '* two\n' }, note.rev);
    await waitFor(() => expect(result.current).toMatchObject({ value: { note: '* two\n' } }));
  });

  it('is loading until the query answers when nothing was read before', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* one\n' });
    const { result } = renderHook(() => useLive(() => getPaper(db, note.id), [note.id]));
    expect(result.current).toEqual({ loading: true });
    await waitFor(() => expect(result.current).toMatchObject({ loading: false, value: { note: '* one\n' } }));
  });

  it('starts its query with the render that asks for it, not a frame later', async () => {
    // The panel's first paint waits on this query. Preact runs plain effects after the next frame;
    // Dexie's liveQuery starts the query a task after subscribing.
    let started = 0;
    function Probe() {
      useLive(() => Promise.resolve(++started), []);
      return null;
    }
    const container = document.createElement('div');
    render(<Probe />, container);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toBe(1);
    render(null, container);
  });
});

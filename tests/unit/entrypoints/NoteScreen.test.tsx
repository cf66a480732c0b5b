// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { latestDraft, saveDraft } from '@/lib/db/drafts';
import { ReadOnly } from '@/components/read-only';
import { NoteScreen } from '@/entrypoints/sidepanel/screens/NoteScreen';
import { PageScreen } from '@/entrypoints/sidepanel/screens/PageScreen';
import { deletePaper } from '@/lib/db/delete';
import { savePaper } from '@/lib/db/notes';
import { addPaper, arxivPage, freshDb } from '../db-helpers';

afterEach(cleanup);

/** The note screen of a new note, its editor open. */
async function editing() {
  const db = freshDb();
  const note = await addPaper(db, { title: 'A paper', note: '* one\n' });
  render(<NoteScreen db={db} id={note.id} initial={note} />);
  fireEvent.click(screen.getByTestId('edit-note-button'));
  const area = await screen.findByTestId('edit-note');
  return { db, note, area };
}

describe('NoteScreen focus', () => {
  it('has the note focused as the editor opens, and the Edit button once Cancel closes it', async () => {
    const { area } = await editing();
    expect(document.activeElement).toBe(area);
    fireEvent.click(screen.getByTestId('cancel'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('edit-note-button')));
  });

  it('has the Edit button focused once Save closes the editor, unless the user has put focus elsewhere meanwhile', async () => {
    const { area } = await editing();
    fireEvent.keyDown(area, { key: 's', ctrlKey: true });
    // A control outside the editor, clicked while the save is under way, keeps its focus.
    const elsewhere = document.body.appendChild(document.createElement('button'));
    elsewhere.focus();
    await waitFor(() => expect(screen.queryByTestId('note-editor')).toBeNull());
    expect(document.activeElement).toBe(elsewhere);
    elsewhere.remove();

    fireEvent.click(screen.getByTestId('edit-note-button'));
    const again = await screen.findByTestId('edit-note');
    fireEvent.input(again, { target: { value: '* one\n* two\n' } });
    fireEvent.keyDown(again, { key: 's', ctrlKey: true });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('edit-note-button')));
  });

  it('asks before Escape drops a changed edit, then has the Edit button focused', async () => {
    const { area } = await editing();
    fireEvent.input(area, { target: { value: '* one\n* a thought not to lose\n' } });
    fireEvent.keyDown(area, { key: 'Escape' });
    fireEvent.click(await screen.findByTestId('cancel-discard'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('edit-note-button')));
  });

  it('has the Edit button focused once Reload leaves a conflicting edit', async () => {
    const { db, note, area } = await editing();
    fireEvent.input(area, { target: { value: '* one\n* mine\n' } });
    await savePaper(db, note.id, { note: '* theirs\n' }, note.rev);
    fireEvent.click(await screen.findByTestId('conflict-reload'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('edit-note-button')));
  });
});

describe('NoteScreen focus as a notice answered goes away', () => {
  it('has the Edit button focused once “Matched by title” is confirmed, or waiting selections are added or discarded', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* one\n' });
    const page = arxivPage('A Paper');
    const screenWith = (fuzzy: boolean, waiting: string[]) => <NoteScreen db={db} id={note.id} initial={note} page={page} fuzzy={fuzzy} waiting={waiting} />;
    const { rerender } = render(screenWith(true, ['a selection']));
    (await screen.findByTestId('match-confirm')).focus();
    rerender(screenWith(false, ['a selection']));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('edit-note-button')));
    screen.getByTestId('discard-waiting').focus();
    rerender(screenWith(false, []));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('edit-note-button')));
  });

  it('has the notice that the note was deleted focused, where nothing takes the Delete button’s place (a note opened from the library)', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* one\n' });
    render(<NoteScreen db={db} id={note.id} initial={note} />);
    fireEvent.click(await screen.findByTestId('delete-note'));
    screen.getByTestId('delete-note-confirm').focus();
    await deletePaper(db, note.id);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('note-deleted')));
  });
});

describe('NoteScreen when another panel deletes the note being edited', () => {
  it('keeps the unsaved edit on screen, to copy', async () => {
    const { db, note, area } = await editing();
    fireEvent.input(area, { target: { value: '* one\n* an hour of reading notes\n' } });
    await deletePaper(db, note.id);
    expect(((await screen.findByTestId('deleted-edit')) as HTMLTextAreaElement).value).toBe('* one\n* an hour of reading notes\n');
    expect(screen.getByTestId('note-deleted').textContent).toContain('without the edit you had not saved here');
  });

  it('keeps it on the page’s screen too, in the place of “Create note” until it is discarded', async () => {
    const db = freshDb();
    const page = arxivPage('A paper', '2403.02310');
    const note = await addPaper(db, { title: 'A paper', arxivId: '2403.02310', note: '* one\n' });
    render(<PageScreen db={db} paper={page} />);
    fireEvent.click(await screen.findByTestId('edit-note-button'));
    fireEvent.input(await screen.findByTestId('edit-note'), { target: { value: '* one\n* typed here\n' } });
    await deletePaper(db, note.id);
    expect(((await screen.findByTestId('deleted-edit')) as HTMLTextAreaElement).value).toBe('* one\n* typed here\n');
    expect(screen.queryByTestId('create-note')).toBeNull();
    // Its draft, written after the delete, goes too: a restore of the note offers no edit discarded.
    await new Promise((r) => setTimeout(r, 400));
    fireEvent.click(screen.getByTestId('deleted-edit-discard'));
    expect(await screen.findByTestId('create-note')).toBeTruthy();
    await vi.waitFor(async () => expect(await latestDraft(db, note.id)).toBeNull());
  });

  it('offers nothing of the page’s for a note the user said is not this paper while editing it', async () => {
    const { keepSelection } = await import('@/lib/runtime/pending-selection');
    const db = freshDb();
    const page = arxivPage('Quokka: Fictional Fixture Paper for Paper Notes Tests', '2403.02310');
    await addPaper(db, { title: 'Quokka: Fictional Fixture Paper for Paper Notes Test', note: '* one\n' });
    await keepSelection(page.key, 'a selection from the page');
    render(<PageScreen db={db} paper={page} />);
    await screen.findByTestId('match-notice');
    fireEvent.click(screen.getByTestId('edit-note-button'));
    fireEvent.input(await screen.findByTestId('edit-note'), { target: { value: '* one\n* still mine\n' } });
    fireEvent.click(screen.getByTestId('match-reject'));
    await waitFor(() => expect(screen.queryByTestId('match-notice')).toBeNull());
    expect(screen.queryByTestId('waiting-selections')).toBeNull();
    expect((screen.getByTestId('edit-note') as HTMLTextAreaElement).value).toBe('* one\n* still mine\n');
  });

  it('leaves the page’s screen to “Create note” at once when nothing was being edited', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', arxivId: '2403.02310', note: '* one\n' });
    render(<PageScreen db={db} paper={arxivPage('A paper', '2403.02310')} />);
    await screen.findByTestId('edit-note-button');
    await deletePaper(db, note.id);
    expect(await screen.findByTestId('create-note')).toBeTruthy();
  });
});

describe('NoteScreen deleting a note with an unsaved edit', () => {
  it('says, as it asks, that the edit goes with the note and is not kept', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* one\n' });
    render(<NoteScreen db={db} id={note.id} initial={note} />);
    fireEvent.click(await screen.findByTestId('delete-note'));
    expect(screen.getByTestId('delete-confirm').textContent).not.toContain('unsaved');
    fireEvent.click(screen.getByTestId('delete-note-keep'));
    await saveDraft(db, 'a closed panel', { paperId: note.id, note: '* one\n* unsaved\n', summary: '', tags: [], baseRev: note.rev, baseNote: note.note });
    await screen.findByTestId('draft-notice');
    fireEvent.click(screen.getByTestId('delete-note'));
    expect(screen.getByTestId('delete-confirm').textContent).toContain('An unsaved edit of it is deleted with it, and is not kept.');
  });
});

describe('NoteScreen where notes cannot be written (a Firefox private window)', () => {
  it('shows the note without the controls that would change it', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* one\n' });
    render(
      <ReadOnly.Provider value={true}>
        <NoteScreen db={db} id={note.id} initial={note} />
      </ReadOnly.Provider>,
    );
    expect((await screen.findByTestId('note-body')).textContent).toContain('one');
    for (const control of ['edit-note-button', 'quick-add', 'delete-note']) expect(screen.queryByTestId(control), control).toBeNull();
    // Reading and copying stay.
    expect(screen.getByTestId('copy-markdown')).toBeTruthy();
  });

  it('offers them where it can', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* one\n' });
    render(<NoteScreen db={db} id={note.id} initial={note} />);
    for (const control of ['edit-note-button', 'quick-add', 'delete-note']) expect(await screen.findByTestId(control)).toBeTruthy();
  });
});

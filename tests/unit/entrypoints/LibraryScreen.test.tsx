import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryScreen } from '@/entrypoints/sidepanel/screens/LibraryScreen';
import { buildRecord, updatePaper } from '@/lib/db/notes';
import type { PaperNotesDB } from '@/lib/db/schema';
import { paperTables, putPapers } from '@/lib/db/write';
import { emptyFields } from '@/lib/notes/derive';
import { addPaper, freshDb } from '../db-helpers';

afterEach(cleanup);

/** The library as the panel shows it: a note opened from it takes its place until "← Library" (or the panel's Library tab). */
function Panel({ db }: { db: PaperNotesDB }) {
  const [note, setNote] = useState<string | null>(null);
  return (
    <>
      <button type="button" data-testid="tab-library" onClick={() => setNote(null)}>
        Library
      </button>
      {note ? (
        <button type="button" data-testid="back" onClick={() => setNote(null)}>
          ← Library {note}
        </button>
      ) : (
        <LibraryScreen db={db} onOpen={setNote} />
      )}
    </>
  );
}

/** Many papers at once, titles numbered. */
async function addMany(db: PaperNotesDB, n: number, fields: (i: number) => { title: string; venue?: string; tags?: string[] }) {
  const records = Array.from({ length: n }, (_, i) => buildRecord(emptyFields(fields(i)), { id: `p-${i}`, createdAt: i, updatedAt: i, rev: 1, origin: 'user' }));
  await db.transaction('rw', paperTables(db), async () => putPapers(db, records));
}

const search = (text: string) => fireEvent.input(screen.getByTestId('search'), { target: { value: text } });
const status = () => screen.getByRole('status').textContent;

/** Opens a group (a venue, topic or tag) as a click on its summary does. */
function openGroup(details: HTMLDetailsElement) {
  details.open = true;
  details.dispatchEvent(new Event('toggle'));
}

describe('the library, coming back from a note opened in it', () => {
  it('shows the same search, with the hit opened focused', async () => {
    const db = freshDb();
    await addPaper(db, { title: 'Chunked prefills', note: 'chunk' });
    const second = await addPaper(db, { title: 'Another chunked paper' });
    render(<Panel db={db} />);
    search('chunked');
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(2));
    const hit = screen.getAllByTestId('search-hit').find((b) => b.textContent === 'Another chunked paper')!;
    fireEvent.click(hit);
    fireEvent.click(await screen.findByTestId('back'));
    expect((screen.getByTestId('search') as HTMLInputElement).value).toBe('chunked');
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(2));
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.paper).toBe(second.id));
    // Back by the panel's Library tab, reached from the keyboard: the focus stays on the tab.
    fireEvent.click(screen.getAllByTestId('search-hit')[0]!);
    const tab = screen.getByTestId('tab-library');
    tab.focus();
    fireEvent.click(tab);
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(2));
    expect(document.activeElement).toBe(tab);
  });

  it('shows the same tab and groups open, with the paper opened focused; clearing a search goes back to them too', async () => {
    const db = freshDb();
    await addPaper(db, { title: 'Quokka', tags: ['serving'] });
    const other = await addPaper(db, { title: 'Wombat', tags: ['serving', 'storage'] });
    render(<Panel db={db} />);
    fireEvent.click(screen.getByTestId('browse-tag'));
    const group = (tag: string) => document.querySelector<HTMLDetailsElement>(`details[data-facet="${tag}"]`)!;
    await waitFor(() => expect(group('storage')).toBeTruthy());
    openGroup(group('storage'));
    const paper = await waitFor(() => {
      const button = group('storage').querySelector<HTMLElement>('[data-testid=open-paper]');
      expect(button).toBeTruthy();
      return button!;
    });
    fireEvent.click(paper);
    fireEvent.click(await screen.findByTestId('back'));
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.paper).toBe(other.id));
    expect(screen.getByTestId('browse-tag').getAttribute('aria-selected')).toBe('true');
    expect(group('storage').open).toBe(true);
    expect(group('serving').open).toBe(false);
    search('wombat');
    await screen.findByTestId('search-hit');
    search('');
    await waitFor(() => expect(group('storage').open).toBe(true));
    expect(screen.getByTestId('browse-tag').getAttribute('aria-selected')).toBe('true');
  });

  it('leaves the focus where it is when the paper opened has left its group, as a group opened later lists it', async () => {
    const db = freshDb();
    const paper = await addPaper(db, { title: 'Wombat', tags: ['serving', 'storage'] });
    render(<Panel db={db} />);
    fireEvent.click(screen.getByTestId('browse-tag'));
    const group = (tag: string) => document.querySelector<HTMLDetailsElement>(`details[data-facet="${tag}"]`)!;
    await waitFor(() => expect(group('storage')).toBeTruthy());
    openGroup(group('storage'));
    const listedIn = (tag: string) =>
      waitFor(() => {
        const button = group(tag).querySelector<HTMLElement>('[data-testid=open-paper]');
        expect(button).toBeTruthy();
        return button!;
      });
    fireEvent.click(await listedIn('storage'));
    // In the note: the tag it was opened under taken off.
    await updatePaper(db, paper.id, () => ({ tags: ['serving'] }));
    fireEvent.click(await screen.findByTestId('back'));
    await waitFor(() => expect(group('serving')).toBeTruthy());
    expect(group('storage')).toBeNull();
    const summary = group('serving').querySelector('summary')!;
    summary.focus();
    openGroup(group('serving'));
    const listed = await listedIn('serving');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).not.toBe(listed);
    expect(document.activeElement).toBe(summary);
  });
});

describe('the library with nothing to list', () => {
  it('says so under each tab', async () => {
    render(<Panel db={freshDb()} />);
    expect((await screen.findByTestId('venues')).textContent).toContain('No notes yet');
    fireEvent.click(screen.getByTestId('browse-topic'));
    expect((await screen.findByTestId('topics')).textContent).toBe('No note has a topic yet.');
    fireEvent.click(screen.getByTestId('browse-tag'));
    expect((await screen.findByTestId('tags')).textContent).toContain('No note has tags yet');
  });
});

describe('notes without a venue', () => {
  it('are listed under No venue, with the rest, and have no conference page to download', async () => {
    const db = freshDb();
    await addPaper(db, { title: 'Imported without a venue', venue: '' });
    await addPaper(db, { title: 'A paper of OSDI', venue: 'OSDI 2024', year: 2024 });
    render(<Panel db={db} />);
    const venues = await screen.findByTestId('venues');
    await waitFor(() => expect(venues.querySelectorAll('summary')).toHaveLength(2));
    const [osdi, none] = [...venues.querySelectorAll<HTMLDetailsElement>('details')];
    expect(osdi!.querySelector('summary')!.textContent).toBe('OSDI 2024 (1)');
    expect(none!.querySelector('summary')!.textContent).toBe('No venue (1)');
    expect(venues.textContent).toContain('Miscellaneous');
    openGroup(none!);
    await waitFor(() => expect(none!.textContent).toContain('Imported without a venue'));
    expect(none!.querySelector('[data-testid=download-venue]')).toBeNull();
    openGroup(osdi!);
    await waitFor(() => expect(osdi!.querySelector('[data-testid=download-venue]')).not.toBeNull());
  });
});

describe('the library’s search status', () => {
  it('is one live region, there before the query, that says what each query finds', async () => {
    const db = freshDb();
    await addPaper(db, { title: 'Chunked prefills' });
    await addPaper(db, { title: 'Chunked again' });
    render(<Panel db={db} />);
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('');
    search('prefills');
    await waitFor(() => expect(status()).toBe('1 paper'));
    search('chunked');
    await waitFor(() => expect(status()).toBe('2 papers'));
    search('nothing-like-it');
    await waitFor(() => expect(status()).toBe('No paper matches.'));
    expect(screen.getByRole('status')).toBe(region);
  });

  it('asks for a word where the query has none to search for (a lone "-", one letter, an emoji)', async () => {
    const db = freshDb();
    await addPaper(db, { title: 'A paper' });
    render(<Panel db={db} />);
    for (const query of ['-', 'a', '🙂', '"']) {
      search(query);
      await waitFor(() => expect(status()).toBe('Type a word of two letters or more.'));
    }
  });

  it('says which words of a long query were not searched for', async () => {
    const db = freshDb();
    await addPaper(db, { title: 'one two three four five six seven eight nine ten' });
    render(<Panel db={db} />);
    search('one two three four five six seven eight nine ten');
    await waitFor(() => expect(status()).toBe('1 paper Only the first 8 words are searched: not nine, ten.'));
    // A pasted paragraph: the words left out counted, not listed.
    search(`one two three four five six seven eight ${Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ')}`);
    await waitFor(() => expect(status()).toBe('1 paper Only the first 8 words are searched: not the 500 after them.'));
    // One-letter words are not searched for, and are not counted.
    search('a b c d e f g h one');
    await waitFor(() => expect(status()).toBe('1 paper'));
  });
});

describe('a search that finds more than it shows', () => {
  it('says how many match, and shows more on request, the first of them focused', async () => {
    const db = freshDb();
    await addMany(db, 120, (i) => ({ title: `Learning paper ${i}` }));
    render(<Panel db={db} />);
    search('learning');
    await waitFor(() => expect(status()).toBe('50 of 120 papers'));
    expect(screen.getAllByTestId('search-hit')).toHaveLength(50);
    fireEvent.click(screen.getByTestId('search-more'));
    await waitFor(() => expect(status()).toBe('100 of 120 papers'));
    expect(document.activeElement).toBe(screen.getAllByTestId('search-hit')[50]);
    fireEvent.click(screen.getByTestId('search-more'));
    await waitFor(() => expect(status()).toBe('120 papers'));
    expect(screen.queryByTestId('search-more')).toBeNull();
    expect(document.activeElement).toBe(screen.getAllByTestId('search-hit')[100]);
  });
});

describe('a venue of thousands of papers', () => {
  it('shows them a page at a time, and the one opened last on coming back', async () => {
    const db = freshDb();
    await addMany(db, 450, (i) => ({ title: `Paper ${i}`, venue: 'arXiv 2024' }));
    render(<Panel db={db} />);
    const venue = () => document.querySelector<HTMLDetailsElement>('details[data-venue="arXiv 2024"]')!;
    await waitFor(() => expect(venue().textContent).toContain('(450)'));
    openGroup(venue());
    await waitFor(() => expect(venue().querySelectorAll('[data-testid=open-paper]')).toHaveLength(200));
    fireEvent.click(screen.getByTestId('more-papers'));
    expect(venue().querySelectorAll('[data-testid=open-paper]')).toHaveLength(400);
    expect(document.activeElement).toBe(venue().querySelectorAll('[data-testid=open-paper]')[200]);
    expect(screen.getByTestId('more-papers').textContent).toBe('Show 50 more of 450');
    const last = venue().querySelectorAll<HTMLElement>('[data-testid=open-paper]')[399]!;
    const id = last.dataset.paper;
    fireEvent.click(last);
    fireEvent.click(await screen.findByTestId('back'));
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.paper).toBe(id));
    expect(venue().querySelectorAll('[data-testid=open-paper]')).toHaveLength(400);
    // A search, cleared: the venue as it was.
    search('paper');
    await screen.findAllByTestId('search-hit');
    search('');
    await waitFor(() => expect(venue().querySelectorAll('[data-testid=open-paper]')).toHaveLength(400));
  });
});

describe('the library kept current while it is shown', () => {
  it('counts a note made, edited, deleted or imported elsewhere, and keeps the groups open as they move', async () => {
    const { updatePaper } = await import('@/lib/db/notes');
    const { deletePaper } = await import('@/lib/db/delete');
    const db = freshDb();
    const first = await addPaper(db, { title: 'First', venue: 'ATC 2023', year: 2023 });
    render(<Panel db={db} />);
    const venue = (label: string) => document.querySelector<HTMLDetailsElement>(`details[data-venue="${label}"]`);
    const counts = () => [...document.querySelectorAll('details[data-venue] > summary')].map((s) => s.textContent);
    await waitFor(() => expect(counts()).toEqual(['ATC 2023 (1)']));
    openGroup(venue('ATC 2023')!);
    await waitFor(() => expect(venue('ATC 2023')!.querySelectorAll('[data-testid=open-paper]')).toHaveLength(1));
    const second = await addPaper(db, { title: 'Second', venue: 'OSDI 2024', year: 2024 });
    await waitFor(() => expect(counts()).toEqual(['OSDI 2024 (1)', 'ATC 2023 (1)']));
    await updatePaper(db, second.id, () => ({ venue: 'ATC 2023' }));
    await waitFor(() => expect(counts()).toEqual(['ATC 2023 (2)']));
    await waitFor(() => expect(venue('ATC 2023')!.querySelectorAll('[data-testid=open-paper]')).toHaveLength(2));
    expect(venue('ATC 2023')!.open).toBe(true);
    await addMany(db, 3, (i) => ({ title: `Imported ${i}`, venue: 'ATC 2023' }));
    await waitFor(() => expect(counts()).toEqual(['ATC 2023 (5)']));
    await deletePaper(db, first.id);
    await waitFor(() => expect(counts()).toEqual(['ATC 2023 (4)']));
    expect(venue('ATC 2023')!.open).toBe(true);
    // A search shown updates too.
    search('second');
    await waitFor(() => expect(status()).toBe('1 paper'));
    await updatePaper(db, second.id, () => ({ title: 'Renamed' }));
    await waitFor(() => expect(status()).toBe('No paper matches.'));
  });
});

import { describe, expect, it } from 'vitest';
import { withVenue } from '@/lib/detect-url';
import { addSelectionToNote } from '@/lib/runtime/capture';
import { applySelections, pendingSelections } from '@/lib/runtime/pending-selection';
import { setTabPaper } from '@/lib/runtime/tab-state';
import { addPaper, freshDb, paperCount } from '../../db-helpers';
import { getPaper } from '@/lib/db/read';

const URL = 'https://www.usenix.org/conference/osdi24/presentation/fu';
const paper = { key: 'usenix:osdi24/fu', source: 'usenix', kind: 'presentation', url: URL, usenixKey: 'osdi24/fu', title: 'ServerlessLLM: Low-Latency Serverless Inference for Large Language Models' } as const;

describe('Add selection to paper note', () => {
  it('appends the selection to the matching note as a quoted bullet', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: paper.title, note: '* Edinburgh\n' });
    await setTabPaper(4, { paper, seenAt: Date.now() });
    expect(await addSelectionToNote(db, 4, URL, 'Live migration of\nLLM inference')).toBe(note.id);
    expect((await getPaper(db, note.id))?.note).toBe('* Edinburgh\n* > Live migration of LLM inference\n');
  });

  it('creates the note from the page when the paper has none', async () => {
    const db = freshDb();
    // As the tracker keeps it: with the venue its USENIX key names.
    await setTabPaper(9, { paper: withVenue(paper), seenAt: Date.now() });
    const id = await addSelectionToNote(db, 9, URL, 'quoted');
    const created = await getPaper(db, id!);
    expect(created).toMatchObject({ title: paper.title, usenixKey: 'osdi24/fu', venue: 'OSDI 2024', note: '* > quoted\n' });
  });

  it('knows an arXiv page whose script reported nothing (left behind by an update) from its URL', async () => {
    const db = freshDb();
    const id = await addSelectionToNote(db, 14, 'https://arxiv.org/abs/2403.02310v2', 'from the page');
    expect(await getPaper(db, id!)).toMatchObject({ arxivId: '2403.02310', note: '* > from the page\n' });
  });

  it('knows a PDF, which no page script reads, from its URL', async () => {
    const db = freshDb();
    const id = await addSelectionToNote(db, 11, 'https://arxiv.org/pdf/2403.02310v2', 'from the PDF');
    expect(await getPaper(db, id!)).toMatchObject({ arxivId: '2403.02310', venue: 'arXiv 2024', note: '* > from the PDF\n' });
  });

  it('on a USENIX page that reported no paper (a talk’s page), makes no note, but adds to one its URL finds', async () => {
    const db = freshDb();
    const talk = 'https://www.usenix.org/conference/enigma2024/presentation/riley';
    expect(await addSelectionToNote(db, 12, talk, 'a talk')).toBeNull();
    expect(await paperCount(db)).toBe(0);
    const note = await addPaper(db, { title: paper.title, usenixKey: 'osdi24/fu' });
    expect(await addSelectionToNote(db, 12, URL, 'kept')).toBe(note.id);
    expect((await getPaper(db, note.id))?.note).toBe('* > kept\n');
  });

  it('keeps the selection, adding nothing, while the page’s only match is a close title, to be confirmed in the panel', async () => {
    const db = freshDb();
    const close = await addPaper(db, { title: 'ServerlessLLM: Low-Latency Serverless Inference for Large Language Model' });
    await setTabPaper(13, { paper: withVenue(paper), seenAt: Date.now() });
    expect(await addSelectionToNote(db, 13, URL, 'quoted')).toBeNull();
    expect(await addSelectionToNote(db, 13, URL, 'and more')).toBeNull();
    expect(await paperCount(db)).toBe(1);
    expect((await getPaper(db, close.id))?.note).toBe('');
    expect(await pendingSelections(paper.key)).toEqual(['quoted', 'and more']);
    // Confirmed in the panel: both are added, in order, and forgotten.
    await applySelections(db, paper.key, close.id);
    expect((await getPaper(db, close.id))?.note).toBe('* > quoted\n* > and more\n');
    expect(await pendingSelections(paper.key)).toEqual([]);
  });

  it('does nothing off paper pages', async () => {
    const db = freshDb();
    expect(await addSelectionToNote(db, 9, 'https://www.usenix.org/conference/osdi24', 'quoted')).toBeNull();
    expect(await paperCount(db)).toBe(0);
  });
});

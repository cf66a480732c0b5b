import { describe, expect, it } from 'vitest';
import { adoptDraft, dropDraft, latestDraft, saveDraft } from '@/lib/db/drafts';
import { addBullet, appendBullet, buildRecord, ConflictError, newRecord, savePaper, updatePaper } from '@/lib/db/notes';
import { emptyFields } from '@/lib/notes/derive';
import { deletePaper } from '@/lib/db/delete';
import { searchPapers } from '@/lib/db/search';
import { appendQuote, MAX_QUOTE } from '@/lib/notes/quote';
import { addPaper, freshDb, rewriteStored } from '../../db-helpers';
import { getPaper } from '@/lib/db/read';

describe('saving a note', () => {
  it('writes when the revision is the one the edit started from, and counts revisions', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper' });
    const saved = await savePaper(db, note.id, { note: '* first', tags: ['llm'] }, note.rev);
    expect(saved).toMatchObject({ rev: 2, note: '* first', tags: ['llm'] });
    expect((await searchPapers(db, 'first llm')).hits.map((h) => h.id)).toEqual([note.id]);
  });

  it('refuses a save from an older revision and writes nothing: two panels cannot overwrite each other', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper' });
    await savePaper(db, note.id, { note: 'panel A' }, note.rev);
    const attempt = savePaper(db, note.id, { note: 'panel B' }, note.rev);
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ current: { note: 'panel A', rev: 2 } });
    expect((await getPaper(db, note.id))?.note).toBe('panel A');
  });

  it('saves over a newer revision that left the edited fields as they were, and refuses one that changed them', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* one\n', summary: 'Short' });
    const base = { rev: note.rev, fields: { note: note.note, summary: note.summary } };
    // A visit recorded the paper's URL: a new revision, the note and summary untouched.
    await updatePaper(db, note.id, () => ({ urls: ['https://arxiv.org/abs/2403.02310'] }));
    const saved = await savePaper(db, note.id, { note: '* one\n* mine\n', summary: 'Short' }, base);
    expect(saved).toMatchObject({ rev: 3, note: '* one\n* mine\n', urls: ['https://arxiv.org/abs/2403.02310'] });
    // Another panel changed the summary since: a conflict, nothing written.
    await savePaper(db, note.id, { summary: 'Theirs' }, saved.rev);
    const fromSaved = { rev: saved.rev, fields: { note: saved.note, summary: saved.summary } };
    await expect(savePaper(db, note.id, { note: '* again\n', summary: 'Short' }, fromSaved)).rejects.toBeInstanceOf(ConflictError);
    // Without the base's values of a field it writes, any newer revision is a conflict.
    await expect(savePaper(db, note.id, { note: '* again\n', tags: ['x'] }, { rev: saved.rev, fields: { note: saved.note } })).rejects.toBeInstanceOf(ConflictError);
    expect((await getPaper(db, note.id))?.note).toBe('* one\n* mine\n');
  });

  it('re-derives index fields from the new title', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'SmartMoE: Efficiently Training Sparsely-Activated Models ...' });
    expect(note.titlePrefix).toBe('smartmoe efficiently training sparsely activated models');
    const saved = await savePaper(db, note.id, { title: 'SmartMoE: Efficiently Training Sparsely-Activated Models through Combining' }, note.rev);
    expect(saved.titlePrefix).toBeUndefined();
    expect(saved.titleKey).toBe('smartmoe efficiently training sparsely activated models through combining');
  });

  it('keeps record bookkeeping the user did not touch', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper' });
    await rewriteStored(db, note.id, { rejected: ['arxiv:1'] });
    const saved = await updatePaper(db, note.id, () => ({ summary: 'One line.' }));
    expect(saved).toMatchObject({ rejected: ['arxiv:1'], createdAt: note.createdAt, origin: 'user' });
  });
});

describe('a new record', () => {
  it('is what the general builder makes of the same fields and bookkeeping, property for property', () => {
    const meta = { id: 'cat:a', createdAt: 1, updatedAt: 2, rev: 1, origin: 'catalog' as const };
    const plain = emptyFields({ title: 'A paper' });
    const full = emptyFields({ title: 'Efficiently Programming Large Lang...', arxivId: '2401.00001', usenixKey: 'osdi24/a', doi: '10.1/x', position: 0, year: 2024, tags: ['t'] });
    expect(newRecord(plain, meta)).toStrictEqual(buildRecord(plain, meta));
    expect(newRecord(full, meta)).toStrictEqual(buildRecord(full, meta));
    const linked = { ...meta, seq: 7, catalogId: 'cat:a', catalogBase: { hash: 'h' } };
    expect(newRecord(full, linked)).toStrictEqual(buildRecord(full, linked));
    // Only what a record holds: a backup paper's other properties stay out.
    expect(newRecord({ ...full, extra: 1 } as typeof full, meta)).toStrictEqual(buildRecord(full, meta));
  });
});

describe('quick-add and quotes', () => {
  it('appends one bullet, folding lines, and saves at once', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper', note: '* existing\n\n' });
    const saved = await addBullet(db, note.id, '  chunked\nprefills  ');
    expect(saved.note).toBe('* existing\n* chunked prefills\n');
    expect(saved.rev).toBe(2);
    expect((await addBullet(db, note.id, '   ')).rev).toBe(2);
  });

  it('starts an empty note with the bullet', () => {
    expect(appendBullet('', 'first')).toBe('* first\n');
  });

  it('quotes a selection as a bullet, bounded', () => {
    expect(appendQuote('', 'We split a prefill\n into chunks.')).toBe('* > We split a prefill into chunks.\n');
    expect(appendQuote('', 'x'.repeat(5000)).length).toBeLessThan(MAX_QUOTE + 10);
  });
});

describe('drafts', () => {
  it('keeps one draft per editor, so two panels never overwrite each other’s unsaved work', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper' });
    const base = { paperId: note.id, summary: '', tags: [], baseRev: 1, baseNote: '' };
    await saveDraft(db, 'panel-a', { ...base, note: 'from A' });
    await new Promise((r) => setTimeout(r, 2));
    await saveDraft(db, 'panel-b', { ...base, note: 'from B' });
    expect(await db.drafts.count()).toBe(2);
    expect((await latestDraft(db, note.id))?.note).toBe('from B');

    await dropDraft(db, note.id, 'panel-b');
    expect((await latestDraft(db, note.id))?.note).toBe('from A');

    const adopted = await adoptDraft(db, (await latestDraft(db, note.id))!, 'panel-c');
    expect(adopted.key).toBe(`${note.id}|panel-c`);
    expect(await db.drafts.count()).toBe(1);

    await deletePaper(db, note.id);
    expect(await db.drafts.count()).toBe(0);
  });
});

describe('deleting a note', () => {
  it('keeps it first as a snapshot, which restores it with its words findable again', async () => {
    const { listSnapshots, restoreSnapshot } = await import('@/lib/db/snapshots');
    const db = freshDb();
    const note = await addPaper(db, { title: 'A paper I made by mistake', note: '* quokka words\n' });
    await deletePaper(db, note.id);
    expect(await getPaper(db, note.id)).toBeUndefined();
    expect((await searchPapers(db, 'quokka')).total).toBe(0);
    const [snapshot] = await listSnapshots(db);
    expect(snapshot).toMatchObject({ reason: 'Deleted “A paper I made by mistake”', changed: 1, added: 0 });
    await restoreSnapshot(db, snapshot!.id);
    expect(await getPaper(db, note.id)).toMatchObject({ note: '* quokka words\n' });
    expect((await searchPapers(db, 'quokka')).hits.map((h) => h.id)).toEqual([note.id]);
  });

  it('of a paper that is gone already, does nothing', async () => {
    const db = freshDb();
    await deletePaper(db, 'u-none');
    expect(await db.snapshots.count()).toBe(0);
  });
});

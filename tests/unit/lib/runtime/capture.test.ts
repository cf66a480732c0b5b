import { describe, expect, it } from 'vitest';
import { addSelectionToNote } from '@/lib/runtime/capture';
import { setTabPaper } from '@/lib/runtime/tab-state';
import { addPaper, freshDb } from '../../db-helpers';

const URL = 'https://www.usenix.org/conference/osdi24/presentation/fu';
const paper = { key: 'usenix:osdi24/fu', source: 'usenix', kind: 'presentation', url: URL, usenixKey: 'osdi24/fu', title: 'ServerlessLLM: Low-Latency Serverless Inference for Large Language Models' } as const;

describe('Add selection to paper note', () => {
  it('appends the selection to the matching note as a quoted bullet', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: paper.title, note: '* Edinburgh\n' });
    await setTabPaper(4, { paper, seenAt: Date.now() });
    expect(await addSelectionToNote(db, 4, URL, 'Live migration of\nLLM inference')).toBe(note.id);
    expect((await db.papers.get(note.id))?.note).toBe('* Edinburgh\n* > Live migration of LLM inference\n');
  });

  it('creates the note from the page when the paper has none, even before the page reported it', async () => {
    const db = freshDb();
    const id = await addSelectionToNote(db, 9, URL, 'quoted');
    const created = await db.papers.get(id!);
    expect(created).toMatchObject({ usenixKey: 'osdi24/fu', venue: 'OSDI 2024', note: '* > quoted\n' });
  });

  it('does nothing off paper pages', async () => {
    const db = freshDb();
    expect(await addSelectionToNote(db, 9, 'https://www.usenix.org/conference/osdi24', 'quoted')).toBeNull();
    expect(await db.papers.count()).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { mergeEdit, mergeNotes } from '@/lib/notes/merge';

describe('mergeNotes', () => {
  const base = '* one\n* two\n* three';
  it('combines changes to different lines', () => {
    expect(mergeNotes(base, '* one, edited here\n* two\n* three', '* one\n* two\n* three\n* added there')).toEqual({
      text: '* one, edited here\n* two\n* three\n* added there',
      clean: true,
    });
  });
  it('keeps both sides of a change to the same line, between markers', () => {
    const merged = mergeNotes(base, '* one\n* TWO here\n* three', '* one\n* two there\n* three');
    expect(merged.clean).toBe(false);
    expect(merged.text).toContain('<<<<<<< your edit\n* TWO here\n=======\n* two there\n>>>>>>> saved elsewhere');
  });
  it('takes the other side when only it changed, and mine when only I did', () => {
    expect(mergeNotes(base, base, 'theirs')).toEqual({ text: 'theirs', clean: true });
    expect(mergeNotes(base, 'mine', base)).toEqual({ text: 'mine', clean: true });
  });
});

describe('mergeEdit', () => {
  const base = { note: '* one\n', summary: 'Old summary', tags: ['llm', 'serving'] };
  const same = { note: '* one\n', summary: 'Old summary', tags: ['llm', 'serving'] };

  it('takes a summary changed on one side only, from that side', () => {
    expect(mergeEdit(base, { ...same, note: '* one\n* mine\n' }, { ...same, summary: 'Their summary' }).values).toEqual({ note: '* one\n* mine\n', summary: 'Their summary', tags: ['llm', 'serving'] });
    expect(mergeEdit(base, { ...same, summary: 'My summary' }, same)).toMatchObject({ values: { summary: 'My summary' }, summaryKept: false });
  });

  it('keeps the edit’s summary when both changed it, and says so', () => {
    expect(mergeEdit(base, { ...same, summary: 'Mine' }, { ...same, summary: 'Theirs' })).toMatchObject({ values: { summary: 'Mine' }, summaryKept: true, clean: true });
    expect(mergeEdit(base, { ...same, summary: 'Both' }, { ...same, summary: 'Both' }).summaryKept).toBe(false);
  });

  it('applies the tags each side added or removed', () => {
    const merged = mergeEdit(base, { ...same, tags: ['llm', 'serving', 'mine'] }, { ...same, tags: ['llm', 'theirs'] });
    expect(merged.values.tags).toEqual(['llm', 'mine', 'theirs']);
  });

  it('for a draft kept without its base summary and tags, keeps the edit’s summary and both sides’ tags', () => {
    const merged = mergeEdit({ note: '* one\n' }, { ...same, summary: 'Mine', tags: ['a'] }, { ...same, summary: 'Theirs', tags: ['b'] });
    expect(merged).toMatchObject({ values: { summary: 'Mine', tags: ['a', 'b'] }, summaryKept: true });
    expect(mergeEdit({ note: '* one\n' }, same, same).summaryKept).toBe(false);
  });
});

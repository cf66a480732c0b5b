import { describe, expect, it } from 'vitest';
import { mergeNotes } from '@/lib/notes/merge';

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

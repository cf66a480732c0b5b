import { appendBullet } from '../db/notes';

/** Past this, a selection is cut: a note is for reading notes, not for copies of the paper. */
export const MAX_QUOTE = 2000;

/** The note with a selection appended as a quoted bullet: `* > the selected text`. */
export function appendQuote(note: string, selection: string): string {
  const text = selection.replace(/\s+/g, ' ').trim();
  if (!text) return note;
  return appendBullet(note, `> ${text.length > MAX_QUOTE ? text.slice(0, MAX_QUOTE - 1) + '…' : text}`);
}

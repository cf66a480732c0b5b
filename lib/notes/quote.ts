import { appendBullet } from '../db/notes';

/** Past this, a selection is cut: a note is for reading notes, not for copies of the paper. */
export const MAX_QUOTE = 2000;

/**
 * Page text as Markdown that shows it as it reads: a selection is text, not Markdown, and
 * `List<String>` was sanitised away as a tag, `2*n and 3*m` turned italic, `2024. The` became a
 * numbered list and `[1]: …` a link definition that showed nothing.
 */
export function escapeText(text: string): string {
  return (
    text
      // Inline markup: emphasis, code, links, HTML and autolinks, strikethrough, entities.
      .replace(/[\\`*_[\]<~&]/g, '\\$&')
      // GitBook's `{% … %}` tags, which the panel's display drops.
      .replaceAll('{%', '{\\%')
      // What makes a line a heading, a quote, a list or a rule.
      .replace(/^[#>+=-]/, '\\$&')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

/** At most `max` characters, cut with "…" and never inside a character written as two code units. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 2] ?? '') ? max - 2 : max - 1;
  return text.slice(0, end) + '…';
}

/**
 * A selection as the note quotes it: on one line, at most `MAX_QUOTE` characters. Applied again it
 * changes nothing, so that a selection kept to be added later can be kept in this form.
 */
export function quotedText(selection: string): string {
  return cut(selection.replace(/\s+/g, ' ').trim(), MAX_QUOTE);
}

/** The note with a selection appended as a quoted bullet: `* > the selected text`. */
export function appendQuote(note: string, selection: string): string {
  const text = quotedText(selection);
  if (!text) return note;
  return appendBullet(note, `> ${escapeText(text)}`);
}

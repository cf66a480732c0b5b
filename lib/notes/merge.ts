import { merge } from 'node-diff3';

export interface MergedNote {
  text: string;
  /** False when both sides changed the same lines: the text then holds both, between markers. */
  clean: boolean;
}

/**
 * Three-way merge of a note, line by line: `base` is what the editor started from, `mine` the
 * unsaved edit, `theirs` what was saved elsewhere meanwhile. Changes to different lines combine;
 * changes to the same lines are kept both, between `<<<<<<< your edit` and `>>>>>>> saved elsewhere`.
 */
export function mergeNotes(base: string, mine: string, theirs: string): MergedNote {
  if (mine === theirs || theirs === base) return { text: mine, clean: true };
  if (mine === base) return { text: theirs, clean: true };
  const result = merge(mine.split('\n'), base.split('\n'), theirs.split('\n'), {
    label: { a: 'your edit', b: 'saved elsewhere' },
  });
  return { text: result.result.join('\n'), clean: !result.conflict };
}

/** What an editor changes: the note, its one-line summary, its tags. */
export interface EditedFields {
  note: string;
  summary: string;
  tags: string[];
}

export interface MergedEdit {
  values: EditedFields;
  /** False when both sides changed the same lines of the note (see `mergeNotes`). */
  clean: boolean;
  /** Both sides changed the summary, differently: the edit's is kept. */
  summaryKept: boolean;
}

/**
 * Three-way merge of an edit with what was saved elsewhere meanwhile: the note line by line, the
 * summary taken from the side that changed it, the tags each side added or removed. `base` lacks
 * the summary and tags for drafts kept before they were recorded: the summary then stays the
 * edit's (flagged if the two differ) and the tags of both are kept.
 */
export function mergeEdit(base: { note: string; summary?: string; tags?: string[] }, mine: EditedFields, theirs: EditedFields): MergedEdit {
  const note = mergeNotes(base.note, mine.note, theirs.note);
  const summary = base.summary === undefined ? mine.summary : mine.summary === base.summary ? theirs.summary : mine.summary;
  const summaryKept = mine.summary !== theirs.summary && summary === mine.summary && (base.summary === undefined || theirs.summary !== base.summary);
  const before = new Set(base.tags ?? []);
  const kept = mine.tags.filter((tag) => theirs.tags.includes(tag) || !before.has(tag));
  const added = theirs.tags.filter((tag) => !mine.tags.includes(tag) && !before.has(tag));
  return { values: { note: note.text, summary, tags: [...kept, ...added] }, clean: note.clean, summaryKept };
}

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

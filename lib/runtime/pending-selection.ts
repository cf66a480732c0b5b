import { browser } from 'wxt/browser';
import { updatePaper } from '../db/notes';
import type { PaperNotesDB } from '../db/schema';
import { appendQuote } from '../notes/quote';

/**
 * Selections added from a page whose only match is a close title: kept in `storage.session` by the
 * page's key until the user answers in the panel (Confirm, or a new note), or discards them.
 */
export const MAX_PENDING = 20;

const pendingKey = (pageKey: string) => `selection:${pageKey}`;

export async function pendingSelections(pageKey: string): Promise<string[]> {
  const key = pendingKey(pageKey);
  const stored = (await browser.storage.session.get(key))[key];
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
}

/** Keeps a selection for the page, after those kept before (the last `MAX_PENDING`). */
export async function keepSelection(pageKey: string, selection: string): Promise<void> {
  if (!selection.trim()) return;
  const kept = [...(await pendingSelections(pageKey)), selection].slice(-MAX_PENDING);
  await browser.storage.session.set({ [pendingKey(pageKey)]: kept });
}

/** Forgets the first `count` selections kept for the page (all of them by default). */
export async function dropSelections(pageKey: string, count = Infinity): Promise<void> {
  const rest = (await pendingSelections(pageKey)).slice(count);
  if (rest.length) await browser.storage.session.set({ [pendingKey(pageKey)]: rest });
  else await browser.storage.session.remove(pendingKey(pageKey));
}

/** Appends selections to a note as quoted bullets, in one write. */
export function appendSelections(db: PaperNotesDB, id: string, selections: string[]) {
  return updatePaper(db, id, (current) => {
    const note = selections.reduce(appendQuote, current.note);
    return note === current.note ? null : { note };
  });
}

/**
 * Appends the page's kept selections to a note, then forgets them: only those it appended, so a
 * selection kept meanwhile waits, and a failed write forgets nothing.
 */
export async function applySelections(db: PaperNotesDB, pageKey: string, id: string): Promise<void> {
  const selections = await pendingSelections(pageKey);
  if (!selections.length) return;
  await appendSelections(db, id, selections);
  await dropSelections(pageKey, selections.length);
}

/** Calls back with the page's kept selections now and whenever they change; returns the unsubscribe. */
export function watchSelections(pageKey: string, onChange: (selections: string[]) => void): () => void {
  const key = pendingKey(pageKey);
  let latest = 0;
  const read = () => {
    const ticket = ++latest;
    pendingSelections(pageKey).then((selections) => ticket === latest && onChange(selections));
  };
  const listener = (changes: Record<string, unknown>) => {
    if (key in changes) read();
  };
  browser.storage.session.onChanged.addListener(listener);
  read();
  return () => browser.storage.session.onChanged.removeListener(listener);
}

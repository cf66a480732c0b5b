import { browser } from 'wxt/browser';
import { updatePaper } from '../db/notes';
import type { PaperNotesDB } from '../db/schema';
import { appendQuote, quotedText } from '../notes/quote';
import { watchSessionKey } from './watch-session';

/**
 * Selections added from a page whose only match is a close title: kept in `storage.session` by the
 * page's key until the user answers in the panel (Confirm, or a new note), or discards them.
 */
export const MAX_PENDING = 20;

const pendingKey = (pageKey: string) => `selection:${pageKey}`;

/**
 * Every change to a page's kept selections reads and rewrites the list: one at a time across the
 * worker and every panel (Web Locks), so that none is lost or added twice.
 */
async function oneAtATime<T>(pageKey: string, run: () => Promise<T>): Promise<T> {
  return navigator.locks ? navigator.locks.request(`paper-notes-${pendingKey(pageKey)}`, run) : run();
}

export async function pendingSelections(pageKey: string): Promise<string[]> {
  const key = pendingKey(pageKey);
  const stored = (await browser.storage.session.get(key))[key];
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
}

async function dropFirst(pageKey: string, count: number): Promise<void> {
  const rest = (await pendingSelections(pageKey)).slice(count);
  if (rest.length) await browser.storage.session.set({ [pendingKey(pageKey)]: rest });
  else await browser.storage.session.remove(pendingKey(pageKey));
}

/**
 * Keeps a selection for the page, after those kept before (the last `MAX_PENDING`), as the note
 * will quote it (`quotedText`): `storage.session` holds 10 MB for every tab's state, and a selection
 * of a whole paper, kept uncut up to 20 times, could fill it.
 */
export function keepSelection(pageKey: string, selection: string): Promise<void> {
  const text = quotedText(selection);
  if (!text) return Promise.resolve();
  return oneAtATime(pageKey, async () => {
    const kept = [...(await pendingSelections(pageKey)), text].slice(-MAX_PENDING);
    await browser.storage.session.set({ [pendingKey(pageKey)]: kept });
  });
}

/** Forgets the selections kept for the page. */
export function dropSelections(pageKey: string): Promise<void> {
  return oneAtATime(pageKey, () => dropFirst(pageKey, Infinity));
}

/**
 * Appends the page's kept selections, then `more`, to a note as quoted bullets in one write, and
 * forgets the kept ones: only those it appended, so a failed write forgets nothing.
 */
export function applySelections(db: PaperNotesDB, pageKey: string, id: string, more: string[] = []): Promise<void> {
  return oneAtATime(pageKey, async () => {
    const kept = await pendingSelections(pageKey);
    const selections = [...kept, ...more];
    if (!selections.length) return;
    await updatePaper(db, id, (current) => {
      const note = selections.reduce(appendQuote, current.note);
      return note === current.note ? null : { note };
    });
    if (kept.length) await dropFirst(pageKey, kept.length);
  });
}

/** Calls back with the page's kept selections now and whenever they change; returns the unsubscribe. */
export function watchSelections(pageKey: string, onChange: (selections: string[]) => void): () => void {
  return watchSessionKey(pendingKey(pageKey), () => pendingSelections(pageKey), onChange);
}

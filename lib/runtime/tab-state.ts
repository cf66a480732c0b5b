import { browser } from 'wxt/browser';
import type { Match } from '../db/lookup';
import type { DetectedPaper } from '../paper';
import { watchSessionKey } from './watch-session';

/** What the extension knows about one tab; kept in `storage.session` so a restarted worker has it. */
export interface TabPaper {
  paper: DetectedPaper;
  /** When it was last seen, ms since the epoch. */
  seenAt: number;
  /**
   * The note the worker last found for the paper (null: none), kept current as notes change. The
   * panel shows it while its own lookup runs, which waits for the database to open. Absent when
   * not looked up yet, or when the note is too large to keep here (see `keptMatch`).
   */
  found?: Match | null;
}

/**
 * Session storage holds 10 MB in all (Chrome): a tab keeps its note only up to this size. Notes
 * are a few KB; a larger one is shown once the panel has read it itself.
 */
export const KEPT_NOTE_CHARS = 16_000;

/** What a tab keeps of a lookup: the match, or nothing for a note larger than `KEPT_NOTE_CHARS`. */
export function keptMatch(match: Match | null): Match | null | undefined {
  if (!match) return null;
  return JSON.stringify(match.record).length <= KEPT_NOTE_CHARS ? match : undefined;
}

export const tabStateKey = (tabId: number) => `tab:${tabId}`;

export async function getTabPaper(tabId: number): Promise<TabPaper | null> {
  const key = tabStateKey(tabId);
  const stored = await browser.storage.session.get(key);
  return (stored[key] as TabPaper | undefined) ?? null;
}

/**
 * Records a tab's state. Should session storage be full, the tab is recorded without its note
 * rather than not at all: the note is only a head start for the panel.
 */
export async function setTabPaper(tabId: number, state: TabPaper): Promise<void> {
  try {
    await browser.storage.session.set({ [tabStateKey(tabId)]: state });
  } catch (error) {
    if (state.found === undefined) throw error;
    const { found: _, ...rest } = state;
    await browser.storage.session.set({ [tabStateKey(tabId)]: rest });
  }
}

export async function clearTabPaper(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabStateKey(tabId));
}

/** Calls back with the tab's state now and whenever it changes; returns the unsubscribe. */
export function watchTabPaper(tabId: number, onChange: (state: TabPaper | null) => void): () => void {
  return watchSessionKey(tabStateKey(tabId), () => getTabPaper(tabId), onChange);
}

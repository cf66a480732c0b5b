import { browser } from 'wxt/browser';
import type { DetectedPaper } from '../paper';
import { watchSessionKey } from './watch-session';

/** What the extension knows about one tab; kept in `storage.session` so a restarted worker has it. */
export interface TabPaper {
  paper: DetectedPaper;
  /** When it was last seen, ms since the epoch. */
  seenAt: number;
}

export const tabStateKey = (tabId: number) => `tab:${tabId}`;

export async function getTabPaper(tabId: number): Promise<TabPaper | null> {
  const key = tabStateKey(tabId);
  const stored = await browser.storage.session.get(key);
  return (stored[key] as TabPaper | undefined) ?? null;
}

export async function setTabPaper(tabId: number, state: TabPaper): Promise<void> {
  await browser.storage.session.set({ [tabStateKey(tabId)]: state });
}

export async function clearTabPaper(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabStateKey(tabId));
}

/** Calls back with the tab's state now and whenever it changes; returns the unsubscribe. */
export function watchTabPaper(tabId: number, onChange: (state: TabPaper | null) => void): () => void {
  return watchSessionKey(tabStateKey(tabId), () => getTabPaper(tabId), onChange);
}

import { browser } from 'wxt/browser';
import { matchPage } from '../db/matching';
import { isAllowedSender, parseMessage, type Message, type SenderInfo } from '../protocol';
import { onMenuClick, setUpContextMenu } from './capture';
import { ensureCatalog } from './catalog';
import { getDb } from './db';
import { injectIntoOpenTabs } from './inject-open-tabs';
import { setUpPanelOpening } from './panel-opening';
import { createTabTracker, type TabTracker } from './tab-tracker';

const ignore = (error: unknown) => {
  // A tab closed while we worked on it is not an error worth a trace.
  if (!/No tab with id|Invalid tab ID/i.test(String(error))) console.warn('[paper-notes]', error);
};

async function handle(message: Message, sender: SenderInfo, tracker: TabTracker): Promise<void> {
  switch (message.type) {
    case 'paper-found':
      return tracker.paperFound(message.paper, sender.tab!.id!);
    case 'refresh-badges':
      return refreshAll(tracker);
    case 'sync-catalog':
      await syncAndRefresh(tracker);
      return;
  }
}

/** Every tab's badge read again: notes changed (the same paper may be open in several tabs). */
async function refreshAll(tracker: TabTracker): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => tab.id !== undefined && tracker.refresh(tab.id).catch(ignore)));
}

async function syncAndRefresh(tracker: TabTracker): Promise<void> {
  const report = await ensureCatalog(getDb());
  if (report?.status === 'applied') await refreshAll(tracker);
}

/**
 * After an install or update no content script of ours is alive in open tabs, and session storage
 * is empty: PDFs are known from their URL, and paper pages get the script again to report theirs.
 */
async function findOpenPapers(tracker: TabTracker): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((t) => t.id !== undefined && tracker.urlChanged(t.id, t.url)));
  if (!import.meta.env.FIREFOX) await injectIntoOpenTabs(tabs);
}

/** Wires browser events to the handlers. Must run synchronously at worker start. */
export function registerBackground(tracker: TabTracker = createTabTracker((paper) => matchPage(getDb(), paper))): void {
  const ownOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((raw: unknown, sender: SenderInfo) => {
    const message = parseMessage(raw);
    if (!message || !isAllowedSender(message, sender, browser.runtime.id, ownOrigin)) return undefined;
    return handle(message, sender, tracker).catch(ignore);
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url === undefined && change.status !== 'loading') return;
    tracker.urlChanged(tabId, change.url ?? tab.url).catch(ignore);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tracker.tabClosed(tabId).catch(ignore);
  });
  browser.runtime.onInstalled.addListener(() => void findOpenPapers(tracker).catch(ignore));
  setUpPanelOpening();
  const refresh = () => void refreshAll(tracker).catch(ignore);
  setUpContextMenu(refresh, getDb);
  // Every start, not only on install: an update applied while disabled fires no install event.
  syncAndRefresh(tracker).catch(ignore);
  // Browsers offer no way to click a context-menu item, or to update an extension loaded from the
  // command line, from a test: end-to-end tests call the handlers here, with the arguments the
  // browser would pass. Only our own code can reach them.
  (globalThis as { paperNotesTesting?: unknown }).paperNotesTesting = {
    menuClick: (info: Parameters<typeof onMenuClick>[0], tab: Parameters<typeof onMenuClick>[1]) => onMenuClick(info, tab, getDb, refresh),
    installed: () => findOpenPapers(tracker),
  };
}

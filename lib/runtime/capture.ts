import { browser } from 'wxt/browser';
import { createFromPage, matchPage } from '../db/matching';
import type { PaperNotesDB } from '../db/schema';
import { detectFromUrl, withVenue } from '../detect-url';
import { openPanelFor } from './panel-opening';
import { applySelections, keepSelection } from './pending-selection';
import { getTabPaper } from './tab-state';

export const MENU_ID = 'add-selection-to-note';
export const PAPER_PAGES = ['*://*.arxiv.org/*', '*://*.usenix.org/*'];

/**
 * "Add selection to paper note": appends the selection to the tab's paper's note as a quoted
 * bullet, creating the note from the page if the paper has none. Returns the note's id, or null
 * when the tab shows no paper.
 *
 * The paper is the one the tab's page reported, else the one its URL names (a PDF, which no script
 * reads; a page whose script an update left behind). A USENIX presentation page that reported
 * nothing may be a talk's, shaped like a paper's: it only adds to a note its URL already finds.
 * While the page's only match is a close title, the selection is kept for the page and added
 * once the user answers in the panel.
 */
export async function addSelectionToNote(db: PaperNotesDB, tabId: number, tabUrl: string | undefined, selection: string): Promise<string | null> {
  const known = (await getTabPaper(tabId))?.paper;
  const fromUrl = tabUrl ? detectFromUrl(tabUrl) : null;
  const paper = known ?? (fromUrl ? withVenue(fromUrl) : null);
  if (!paper) return null;
  const match = await matchPage(db, paper);
  // A close title waits for the user's answer in the panel (opened by the click): a new note made
  // now would match the page exactly and leave the other one unasked.
  if (match?.by === 'fuzzy') {
    await keepSelection(paper.key, selection);
    return null;
  }
  const exact = match?.record ?? null;
  if (!exact && !known && paper.source === 'usenix' && paper.kind === 'presentation') return null;
  const record = exact ?? (await createFromPage(db, paper));
  // Selections kept while the page matched a close title come first, in the order they were made.
  await applySelections(db, paper.key, record.id, [selection]);
  return record.id;
}

interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
}
interface ClickedTab {
  id?: number;
  windowId?: number;
  url?: string;
}

/** What a click on the menu item does (also reachable from tests, see `registerBackground`). */
export function onMenuClick(info: MenuClick, tab: ClickedTab | undefined, db: () => PaperNotesDB, onAdded: () => void): Promise<void> {
  if (info.menuItemId !== MENU_ID || tab?.id === undefined) return Promise.resolve();
  const tabId = tab.id;
  // Opening the panel must be the handler's first call, or the browser drops the user gesture.
  openPanelFor(tabId, tab.windowId);
  return addSelectionToNote(db(), tabId, tab.url, info.selectionText ?? '')
    .then((id) => {
      if (id) onAdded();
    })
    .catch((error) => console.warn('[paper-notes] could not add the selection', error));
}

/** The context-menu item, created afresh at every start (Firefox does not keep menus). */
export function setUpContextMenu(onAdded: () => void, db: () => PaperNotesDB): void {
  browser.contextMenus
    .removeAll()
    .then(() =>
      browser.contextMenus.create({ id: MENU_ID, title: 'Add selection to paper note', contexts: ['selection'], documentUrlPatterns: PAPER_PAGES }),
    )
    .catch(() => {});
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab, db, onAdded));
}

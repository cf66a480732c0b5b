import { browser } from 'wxt/browser';

interface FirefoxApis {
  sidebarAction: { toggle(): Promise<void>; open(): Promise<void> };
  browserAction: typeof browser.action;
}
const firefox = () => browser as unknown as FirefoxApis;

export const OPEN_PANEL_COMMAND = 'open-panel';

/**
 * Opens the panel for a tab. Call it first and synchronously in a user-gesture handler (toolbar,
 * menu, shortcut): after an `await` the browser no longer counts the gesture.
 */
export function openPanelFor(tabId: number, windowId?: number): void {
  const opening = import.meta.env.FIREFOX
    ? firefox().sidebarAction.open()
    : browser.sidePanel.open(windowId !== undefined ? { windowId } : { tabId });
  opening.catch(() => {});
}

/** The toolbar button and the keyboard shortcut open the side panel (Chrome) or the sidebar (Firefox). */
export function setUpPanelOpening(): void {
  if (import.meta.env.FIREFOX) {
    // Firefox builds are MV2 (`browserAction`); its shortcut is `_execute_sidebar_action`.
    (browser.action ?? firefox().browserAction).onClicked.addListener(() => {
      firefox().sidebarAction.toggle();
    });
    return;
  }
  browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === OPEN_PANEL_COMMAND && tab) openPanelFor(tab.id!, tab.windowId);
  });
}

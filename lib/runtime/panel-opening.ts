import { browser } from 'wxt/browser';

interface SidebarApi {
  sidebarAction: { toggle(): Promise<void> };
  browserAction: typeof browser.action;
}

/** The toolbar button opens the side panel (Chrome) or toggles the sidebar (Firefox). */
export function setUpPanelOpening(): void {
  if (import.meta.env.FIREFOX) {
    const firefox = browser as unknown as SidebarApi;
    // toggle() must be the first call of the click handler, or Firefox drops the user gesture.
    (browser.action ?? firefox.browserAction).onClicked.addListener(() => {
      firefox.sidebarAction.toggle();
    });
    return;
  }
  browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
}

import { browser } from 'wxt/browser';

/**
 * Follows the active tab of the window the panel lives in. A panel opened as a tab of its own
 * would see itself as the active tab: such panels are pinned with `?tab=` instead.
 */
export function followActiveTab(onTab: (tabId: number | null) => void): () => void {
  let windowId: number | undefined;
  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (info.windowId === windowId) onTab(info.tabId);
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.windows
    .getCurrent()
    .then(async (win) => {
      windowId = win.id;
      const [tab] = await browser.tabs.query({ active: true, windowId });
      onTab(tab?.id ?? null);
    })
    .catch(() => onTab(null));
  return () => browser.tabs.onActivated.removeListener(onActivated);
}

import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { followActiveTab } from '@/lib/runtime/panel-tab';
import { watchTabPaper, type TabPaper } from '@/lib/runtime/tab-state';

export type PanelTab =
  | { status: 'loading' }
  | { status: 'ready'; tabId: number | null; state: TabPaper | null };

/** The tab this panel speaks for (pinned, or the active one) and what is known of its paper. */
export function usePanelPaper(pinnedTabId: number | undefined): PanelTab {
  const [tabId, setTabId] = useState<number | null | undefined>(pinnedTabId);
  const [view, setView] = useState<PanelTab>({ status: 'loading' });

  // Layout effects: the tab's paper is read with the first render, not a frame later.
  useLayoutEffect(() => (pinnedTabId === undefined ? followActiveTab(setTabId) : undefined), [pinnedTabId]);
  useLayoutEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) {
      setView({ status: 'ready', tabId, state: null });
      return;
    }
    let latest = 0;
    let hadPaper = false;
    return watchTabPaper(tabId, (state) => {
      const turn = ++latest;
      const show = () => turn === latest && setView({ status: 'ready', tabId, state });
      // A pop-out (pinned) whose tab is closed keeps showing that tab's paper, and an edit open on
      // its note: there is no other page for it to follow, and the editor would close on it.
      if (state || pinnedTabId === undefined || !hadPaper) show();
      else browser.tabs.get(tabId).then(show, () => {});
      hadPaper ||= !!state;
    });
  }, [tabId]);
  return view;
}

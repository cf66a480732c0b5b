import { browser } from 'wxt/browser';
import { NotAPaper } from '@/components/NotAPaper';
import { PaperHeader } from '@/components/PaperHeader';
import { usePanelPaper } from './use-panel-paper';

export interface AppProps {
  /** Set by `sidepanel.html?tab=<id>`: the panel speaks for that tab only. */
  pinnedTabId?: number;
}

export function App({ pinnedTabId }: AppProps) {
  const view = usePanelPaper(pinnedTabId);
  if (view.status === 'loading') return <main class="panel" aria-busy="true" />;
  const popOut =
    view.tabId !== null && pinnedTabId === undefined
      ? () => browser.windows.create({ url: `/sidepanel.html?tab=${view.tabId}`, type: 'popup', width: 420, height: 720 })
      : undefined;
  return (
    <main class="panel">
      {view.state ? <PaperHeader paper={view.state.paper} onPopOut={popOut} /> : <NotAPaper />}
    </main>
  );
}

import { lazy, Suspense } from 'preact/compat';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { NotAPaper } from '@/components/NotAPaper';
import { Notice } from '@/components/Notice';
import { ReadOnly } from '@/components/read-only';
import { TabList, tabPanel, type Tab } from '@/components/TabList';
import { ensureCatalog } from '@/lib/runtime/catalog';
import { databaseProblem, getDb } from '@/lib/runtime/db';
import { NoteScreen } from './screens/NoteScreen';
import { PageScreen } from './screens/PageScreen';
import { usePanelPaper } from './use-panel-paper';

export interface AppProps {
  /** Set by `sidepanel.html?tab=<id>`: the panel speaks for that tab only. */
  pinnedTabId?: number;
}

// The library (search, browsing) is loaded the first time it is shown.
const LibraryScreen = lazy(() => import('./screens/LibraryScreen').then((m) => m.LibraryScreen));

type View = { kind: 'page' } | { kind: 'library' } | { kind: 'note'; id: string };

const VIEW_TABS: Tab<'page' | 'library'>[] = [
  { key: 'page', label: 'This page', testId: 'tab-page' },
  { key: 'library', label: 'Library', testId: 'tab-library' },
];
/** A note opened from the library is shown under the Library tab. */
const tabOf = (view: View) => (view.kind === 'page' ? 'page' : 'library');

export function App({ pinnedTabId }: AppProps) {
  const db = getDb();
  const tab = usePanelPaper(pinnedTabId);
  const [problem, setProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<View | null>(null);
  const tabState = tab.status === 'ready' ? tab.state : null;
  const paper = tabState?.paper;

  // A layout effect, as for every read the first paint waits on: Preact runs plain effects only
  // after the next frame, and the note's lookup needs the database open.
  useLayoutEffect(() => {
    databaseProblem(db).then((found) => {
      setProblem(found);
      // The worker does this too at its start; whichever comes first applies it, once.
      if (!found) ensureCatalog(db).catch((e) => setProblem(`The bundled reading notes could not be loaded: ${String(e)}`));
    });
  }, []);
  // A new paper in the tab brings the panel back to it.
  useEffect(() => setChosen(null), [paper?.key]);

  if (tab.status === 'loading') return <main class="panel" aria-busy="true" />;
  const view: View = chosen ?? (paper ? { kind: 'page' } : { kind: 'library' });
  const popOut =
    tab.tabId !== null && pinnedTabId === undefined
      ? () => void browser.windows.create({ url: `/sidepanel.html?tab=${tab.tabId}`, type: 'popup', width: 440, height: 760 })
      : undefined;

  return (
    <main class="panel">
      {problem && <Notice kind="error">{problem}</Notice>}
      <nav class="tabs" aria-label="Paper Notes">
        <TabList id="view" label="Show" tabs={VIEW_TABS} selected={tabOf(view)} onSelect={(kind) => setChosen({ kind })} />
        <span class="spacer" />
        <button type="button" class="link-button small" onClick={() => void browser.runtime.openOptionsPage()} data-testid="open-options">
          Export & import
        </button>
      </nav>
      <div {...tabPanel('view', tabOf(view))}>
        <ReadOnly.Provider value={!!problem}>
          {view.kind === 'page' &&
            (paper ? <PageScreen key={paper.key} db={db} paper={paper} known={tabState?.found} onPopOut={popOut} /> : <NotAPaper />)}
          {view.kind === 'library' && (
            <>
              {!paper && <NotAPaper compact />}
              <Suspense fallback={<div aria-busy="true" />}>
                <LibraryScreen db={db} onOpen={(id) => setChosen({ kind: 'note', id })} />
              </Suspense>
            </>
          )}
          {view.kind === 'note' && (
            <>
              <button type="button" class="link-button small" onClick={() => setChosen({ kind: 'library' })} data-testid="back">
                ← Library
              </button>
              <NoteScreen key={view.id} db={db} id={view.id} />
            </>
          )}
        </ReadOnly.Provider>
      </div>
    </main>
  );
}

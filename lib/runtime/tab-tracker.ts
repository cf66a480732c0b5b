import { browser } from 'wxt/browser';
import { detectFromUrl, withVenue } from '../detect-url';
import type { Match } from '../db/lookup';
import type { DetectedPaper } from '../paper';
import { withPlainTitle } from '../sources/arxiv';
import { clearBadge, showPaperBadge } from './badge';
import { noteStateOf } from './note-state';
import { clearTabPaper, getTabPaper, keptMatch, setTabPaper } from './tab-state';

/** Looks up a paper's note: null when it has none. */
export type NoteProbe = (paper: DetectedPaper) => Promise<Match | null>;
/** The URL a tab shows now (undefined where the browser hides it), or null for a closed tab. */
export type TabUrl = (tabId: number) => Promise<string | undefined | null>;

const tabUrl: TabUrl = (tabId) => browser.tabs.get(tabId).then((tab) => tab.url, () => null);

/**
 * What a page said of its paper, without what its URL said: the version a URL names belongs to
 * that URL only (`/pdf/2403.02310v1`, then `/abs/2403.02310`: the latest version, not v1).
 */
function pageMetadata(paper: DetectedPaper): DetectedPaper {
  const { version, ...rest } = paper;
  void version;
  return rest;
}

/**
 * Per-tab paper tracking, as plain functions of (input, tabId) so that tests call them directly.
 * State lives in `storage.session`, never only in memory: the worker may be stopped at any time.
 * A tab's events are handled one after the other, and a paper is recorded only if the tab still
 * shows it once its note is looked up: a slow lookup never marks the page the user went on to.
 */
export function createTabTracker(lookUp: NoteProbe, currentUrl: TabUrl = tabUrl) {
  const queues = new Map<number, Promise<unknown>>();
  const inTurn = <T>(tabId: number, work: () => Promise<T>): Promise<T> => {
    const run = (queues.get(tabId) ?? Promise.resolve()).catch(() => {}).then(work);
    queues.set(tabId, run);
    return run.finally(() => queues.get(tabId) === run && queues.delete(tabId));
  };

  /**
   * Records what is known of the tab's paper (merged with what was known) and its note, and marks
   * the tab. `known` is a lookup already made for this very paper.
   */
  async function show(tabId: number, seen: DetectedPaper, known?: Match) {
    const previous = await getTabPaper(tabId);
    const paper = withVenue(previous?.paper.key === seen.key ? { ...pageMetadata(previous.paper), ...seen } : seen);
    const match = known ?? (await lookUp(paper));
    const url = await currentUrl(tabId);
    if (!url || detectFromUrl(url)?.key !== paper.key) return;
    await setTabPaper(tabId, { paper, seenAt: Date.now(), found: keptMatch(match) });
    await showPaperBadge(tabId, paper, noteStateOf(match));
  }

  async function onUrl(tabId: number, url: string | undefined) {
    const ref = url ? detectFromUrl(url) : null;
    const previous = await getTabPaper(tabId);
    if (ref?.kind === 'pdf') {
      await show(tabId, ref);
      return;
    }
    if (previous?.paper.key === ref?.key) return;
    if (previous) {
      await clearTabPaper(tabId);
      await clearBadge(tabId);
    }
    // A paper whose note its ids or URL find is marked at once, before the page has loaded;
    // anything else waits for the page's own report (it may be a talk, not a paper).
    const match = ref && (await lookUp(withVenue(ref)));
    if (match && noteStateOf(match) === 'note') await show(tabId, ref, match);
  }

  return {
    /** A content script reported the paper its page shows (an arXiv title's TeX read as text). */
    paperFound(paper: DetectedPaper, tabId: number) {
      return inTurn(tabId, () => show(tabId, withPlainTitle(paper)));
    },

    /**
     * The tab navigated (`url` is undefined where the browser hides it: hosts we have no access to).
     * PDFs are known from the URL alone, since no content script can read them; other pages keep
     * their state while they show the same paper and wait for their content script otherwise.
     */
    urlChanged(tabId: number, url: string | undefined) {
      return inTurn(tabId, () => onUrl(tabId, url));
    },

    tabClosed(tabId: number) {
      return inTurn(tabId, () => clearTabPaper(tabId));
    },

    /** Looks up the tab's paper's note again, after notes changed: its badge and kept note follow. */
    refresh(tabId: number) {
      return inTurn(tabId, async () => {
        const state = await getTabPaper(tabId);
        if (!state) return;
        const match = await lookUp(state.paper);
        const found = keptMatch(match);
        if (JSON.stringify(found) !== JSON.stringify(state.found)) await setTabPaper(tabId, { ...state, found });
        await showPaperBadge(tabId, state.paper, noteStateOf(match));
      });
    },
  };
}

export type TabTracker = ReturnType<typeof createTabTracker>;

import { detectFromUrl, withVenue } from '../detect-url';
import type { DetectedPaper } from '../paper';
import { clearBadge, showPaperBadge, type NoteState } from './badge';
import { clearTabPaper, getTabPaper, setTabPaper } from './tab-state';

/** Looks up whether a paper has a note. */
export type NoteProbe = (paper: DetectedPaper) => Promise<NoteState>;

/**
 * Per-tab paper tracking, as plain functions of (input, tabId) so that tests call them directly.
 * State lives in `storage.session`, never only in memory: the worker may be stopped at any time.
 */
export function createTabTracker(hasNote: NoteProbe) {
  /** Records what is known of the tab's paper (merged with what was known) and marks the tab. */
  async function show(tabId: number, found: DetectedPaper, known?: NoteState) {
    const previous = await getTabPaper(tabId);
    const paper = withVenue(previous?.paper.key === found.key ? { ...previous.paper, ...found } : found);
    const state = known ?? (await hasNote(paper));
    await setTabPaper(tabId, { paper, seenAt: Date.now() });
    await showPaperBadge(tabId, paper, state);
  }

  return {
    /** A content script reported the paper its page shows. */
    async paperFound(paper: DetectedPaper, tabId: number) {
      await show(tabId, paper);
    },

    /**
     * The tab navigated (`url` is undefined where the browser hides it: hosts we have no access to).
     * PDFs are known from the URL alone, since no content script can read them; other pages keep
     * their state while they show the same paper and wait for their content script otherwise.
     */
    async urlChanged(tabId: number, url: string | undefined) {
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
      if (ref && (await hasNote(withVenue(ref))) === 'note') await show(tabId, ref, 'note');
    },

    async tabClosed(tabId: number) {
      await clearTabPaper(tabId);
    },

    /** Re-reads whether the tab's paper has a note, after notes changed. */
    async refresh(tabId: number) {
      const state = await getTabPaper(tabId);
      if (state) await showPaperBadge(tabId, state.paper, await hasNote(state.paper));
    },
  };
}

export type TabTracker = ReturnType<typeof createTabTracker>;

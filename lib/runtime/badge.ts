import { browser } from 'wxt/browser';
import type { DetectedPaper } from '../paper';

// Firefox builds are MV2: the toolbar button is `browserAction` there.
const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

/** Whether a paper has a note: yes, perhaps (a close title, to confirm in the panel), no. */
export type NoteState = 'note' | 'maybe' | 'none';

const LOOK: Record<NoteState, { text: string; color: string; says: string }> = {
  note: { text: '✓', color: '#1a7f37', says: 'has a note' },
  maybe: { text: '?', color: '#9a6700', says: 'a note with a close title: confirm it in the panel' },
  none: { text: '+', color: '#57606a', says: 'no note yet' },
};

/** Marks a tab that shows a paper: "✓" when it has a note, "?" for a title match to confirm, "+" otherwise. */
export async function showPaperBadge(tabId: number, paper: DetectedPaper, state: NoteState): Promise<void> {
  const name = paper.title ?? paper.arxivId ?? paper.usenixKey ?? paper.key;
  const look = LOOK[state];
  await Promise.all([
    action().setBadgeText({ tabId, text: look.text }),
    action().setBadgeBackgroundColor({ tabId, color: look.color }),
    action().setTitle({ tabId, title: `Paper Notes: ${name} (${look.says})` }),
  ]);
}

export async function clearBadge(tabId: number): Promise<void> {
  await Promise.all([action().setBadgeText({ tabId, text: '' }), action().setTitle({ tabId, title: 'Paper Notes' })]);
}

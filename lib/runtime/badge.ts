import { browser } from 'wxt/browser';
import type { DetectedPaper } from '../paper';

// Firefox builds are MV2: the toolbar button is `browserAction` there.
const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

/** Marks a tab that shows a paper: "✓" when the paper has a note, "+" when one can be created. */
export async function showPaperBadge(tabId: number, paper: DetectedPaper, hasNote: boolean): Promise<void> {
  const name = paper.title ?? paper.arxivId ?? paper.usenixKey ?? paper.key;
  await Promise.all([
    action().setBadgeText({ tabId, text: hasNote ? '✓' : '+' }),
    action().setBadgeBackgroundColor({ tabId, color: hasNote ? '#1a7f37' : '#57606a' }),
    action().setTitle({ tabId, title: `Paper Notes: ${name}${hasNote ? ' (has a note)' : ' (no note yet)'}` }),
  ]);
}

export async function clearBadge(tabId: number): Promise<void> {
  await Promise.all([action().setBadgeText({ tabId, text: '' }), action().setTitle({ tabId, title: 'Paper Notes' })]);
}

import { browser, type Browser } from 'wxt/browser';
import { detectFromUrl } from '../detect-url';

/** The built content script (`CONTENT_SCRIPT` in wxt.config.ts). */
export const CONTENT_SCRIPT_FILE = '/paper-detector.js';

/** Whether the content script runs on this URL: a paper's page, not its PDF (which has none to run). */
export function runsContentScript(url: string | undefined): boolean {
  const ref = url ? detectFromUrl(url) : null;
  return !!ref && ref.kind !== 'pdf';
}

type Inject = (tabId: number) => Promise<unknown>;

const executeScript: Inject = (tabId) => browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });

/**
 * Chrome runs no declared content script in the tabs already open when the extension is installed
 * or updated (Firefox does): the paper pages among them get it now, and report their paper as a
 * fresh load would. A discarded tab gets it when it is loaded again.
 */
export async function injectIntoOpenTabs(tabs: Browser.tabs.Tab[], inject: Inject = executeScript): Promise<void> {
  const pages = tabs.filter((tab) => tab.id !== undefined && !tab.discarded && runsContentScript(tab.url));
  // A tab that closed or navigated meanwhile refuses the script: the others still get it.
  await Promise.allSettled(pages.map((tab) => inject(tab.id!)));
}

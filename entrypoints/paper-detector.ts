import type { WxtBrowser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { detectPaper } from '@/lib/detect';

/**
 * The extension's API as wxt/browser picks it, looked up only once a paper is found: the first
 * touch of `browser.runtime` makes its bindings in the script's world, ~0.3 ms of a page this runs
 * on, and the pages it runs on without finding a paper (a USENIX talk's) never need them.
 */
function extensionApi(): WxtBrowser {
  const { browser, chrome } = globalThis as unknown as { browser?: WxtBrowser; chrome: WxtBrowser };
  return browser?.runtime?.id ? browser : chrome;
}

// Declared as the content script in wxt.config.ts (see CONTENT_SCRIPT there): a plain script
// rather than `defineContentScript`, whose runtime would announce itself to the page with
// events and messages naming our extension id, and would triple the script's size.
export default defineUnlistedScript(() => {
  // In a PDF viewer's wrapper document there is nothing to read; the background knows PDFs by URL.
  if (document.contentType !== 'text/html') return;
  const paper = detectPaper(location.href, document);
  if (!paper) return;
  const report = () => {
    try {
      // After an update, a content script left in an open tab has lost its extension: stay silent.
      extensionApi().runtime.sendMessage({ type: 'paper-found', paper }).catch(() => {});
    } catch {}
  };
  // A prerendered page (a search result, a link its page expected to be followed) runs this before
  // it is shown, while its tab still shows the page before, whose URL is not this paper's: the
  // report would be refused, and nothing runs this again once the page is shown.
  if ((document as Document & { prerendering?: boolean }).prerendering) document.addEventListener('prerenderingchange', report);
  else report();
  // Back or Forward may bring the page back from the browser's cache, without running this again.
  addEventListener('pageshow', (event) => event.persisted && report());
});

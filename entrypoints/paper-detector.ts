import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { detectPaper } from '@/lib/detect';

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
      browser.runtime.sendMessage({ type: 'paper-found', paper }).catch(() => {});
    } catch {}
  };
  report();
  // Back or Forward may bring the page back from the browser's cache, without running this again.
  addEventListener('pageshow', (event) => event.persisted && report());
});

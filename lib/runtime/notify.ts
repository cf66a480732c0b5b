import { browser } from 'wxt/browser';

/** Tells the worker that notes changed, so that open tabs' badges follow. */
export function notifyNotesChanged(): void {
  browser.runtime.sendMessage({ type: 'refresh-badges' }).catch(() => {});
}

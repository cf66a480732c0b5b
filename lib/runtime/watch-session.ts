import { browser } from 'wxt/browser';

/**
 * Calls back with what `read` gives for a `storage.session` key now and whenever the key changes;
 * returns the unsubscribe. Only the latest read reports, and none after the unsubscribe.
 */
export function watchSessionKey<T>(key: string, read: () => Promise<T>, onChange: (value: T) => void): () => void {
  let latest = 0;
  const report = () => {
    const ticket = ++latest;
    read().then((value) => ticket === latest && onChange(value));
  };
  const listener = (changes: Record<string, unknown>) => {
    if (key in changes) report();
  };
  browser.storage.session.onChanged.addListener(listener);
  report();
  return () => {
    latest = -1;
    browser.storage.session.onChanged.removeListener(listener);
  };
}

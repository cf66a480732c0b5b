/**
 * Asks the browser to keep this extension's storage under pressure. Chrome answers false in
 * extension pages and relies on the `unlimitedStorage` permission instead; Firefox grants it.
 */
export function requestPersistentStorage(): void {
  navigator.storage?.persist?.().catch(() => {});
}

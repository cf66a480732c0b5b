import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'pages');

/** Puts a fixture page in the test's document, at its address. */
function showPage(url: string, file: string) {
  const parsed = new DOMParser().parseFromString(readFileSync(join(FIXTURES, file), 'utf8'), 'text/html');
  document.documentElement.remove();
  document.appendChild(document.importNode(parsed.documentElement, true));
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

/** An extension API whose `runtime` counts how often it is reached for. */
function countedApi() {
  const sendMessage = vi.fn(() => Promise.resolve());
  const api = { touched: 0, sendMessage };
  const runtime = { id: 'paper-notes', sendMessage };
  vi.stubGlobal('browser', {
    get runtime() {
      api.touched++;
      return runtime;
    },
  });
  return api;
}

/** The script as a page gets it: evaluated afresh, with the API in place. */
async function contentScript() {
  vi.resetModules();
  return (await import('@/entrypoints/paper-detector')).default;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('content script', () => {
  it('reports the paper of a paper page to the background', async () => {
    const api = countedApi();
    showPage('https://www.usenix.org/conference/osdi24/presentation/agrawal', 'usenix-osdi24-agrawal.html');
    (await contentScript()).main();
    expect(api.sendMessage).toHaveBeenCalledOnce();
    expect(api.sendMessage).toHaveBeenCalledWith({ type: 'paper-found', paper: expect.objectContaining({ key: 'usenix:osdi24/agrawal', source: 'usenix' }) });
  });

  it('reports a prerendered page once it is shown, not while its tab still shows the page before', async () => {
    // Sent while prerendering, the report came from a tab whose URL is not the paper's: refused.
    const api = countedApi();
    showPage('https://www.usenix.org/conference/osdi24/presentation/agrawal', 'usenix-osdi24-agrawal.html');
    Object.defineProperty(document, 'prerendering', { value: true, configurable: true });
    try {
      (await contentScript()).main();
      expect(api.sendMessage).not.toHaveBeenCalled();
      Object.defineProperty(document, 'prerendering', { value: false, configurable: true });
      document.dispatchEvent(new Event('prerenderingchange'));
      expect(api.sendMessage).toHaveBeenCalledOnce();
      expect(api.sendMessage).toHaveBeenCalledWith({ type: 'paper-found', paper: expect.objectContaining({ key: 'usenix:osdi24/agrawal' }) });
    } finally {
      delete (document as { prerendering?: boolean }).prerendering;
    }
  });

  it('never reaches for the extension API on a page of a paper address with no paper', async () => {
    // Its first touch makes the API's bindings in the script's world: a cost to every talk page.
    const api = countedApi();
    showPage('https://www.usenix.org/conference/enigma2024/presentation/riley', 'usenix-talk-enigma.html');
    (await contentScript()).main();
    expect(api.touched).toBe(0);
    expect(api.sendMessage).not.toHaveBeenCalled();
  });
});

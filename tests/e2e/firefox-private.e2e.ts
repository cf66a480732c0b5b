import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, until, type FirefoxHarness } from './firefox-harness';
import { PAGES } from './routes';

const UUID = '6f1b2c3d-0000-4000-8000-00000000f2ff';

let firefox: FirefoxHarness;
let browser: Browser;
const at = (url: string) => firefox.at(url);

beforeAll(async () => {
  firefox = await launchFirefox(UUID, { allowPrivateBrowsing: true });
  browser = firefox.browser;
}, 90_000);

afterAll(async () => firefox?.close());

/** The extension page whose URL contains `part`, among every tab (private windows' included). */
async function pageAt(part: string): Promise<Page> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    for (const page of await browser.pages()) {
      if ((await page.evaluate(() => location.href).catch(() => '')).includes(part)) return page;
    }
    if (Date.now() > deadline) throw new Error(`No page at ${part}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('Firefox private window (add-on allowed there)', () => {
  it('says plainly that notes are out of reach in a private window, in the panel and on the options page', async () => {
    const normal = await browser.newPage();
    await normal.goto('about:blank');
    await normal.evaluate((u) => void (location.href = u), `moz-extension://${UUID}/sidepanel.html`);
    await until(normal, () => location.protocol === 'moz-extension:' && !!document.querySelector('main'), null);
    // A private window on a paper, and the panel for its tab in that window (as its sidebar would be).
    const tabId = await normal.evaluate(async (url) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const win = await api.windows.create({ incognito: true, url });
      for (;;) {
        const [tab] = await api.tabs.query({ windowId: win!.id });
        if (tab?.status === 'complete' && tab.url?.startsWith('https:')) {
          await api.tabs.create({ windowId: win!.id, url: `/sidepanel.html?tab=${tab.id}` });
          await api.tabs.create({ windowId: win!.id, url: '/options.html' });
          return tab.id!;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }, at(PAGES.usenixSarathi));

    const panel = await pageAt(`sidepanel.html?tab=${tabId}`);
    await until(panel, () => !!document.querySelector('.notice.error'), null);
    const said = await panel.$eval('.notice.error', (el) => el.textContent ?? '');
    expect(said).toContain('private window');
    expect(said).not.toContain('allow history for extensions');
    // The paper as the tab's state kept it, with no control that could only fail.
    await until(panel, () => !!document.querySelector('[data-testid=paper-title]'), null);
    expect(await panel.$$eval('[data-testid=edit-note-button], [data-testid=quick-add], [data-testid=delete-note], [data-testid=create-note]', (found) => found.length)).toBe(0);

    const options = await pageAt('options.html');
    await until(options, () => !!document.querySelector('[data-testid=database-problem]'), null);
    expect(await options.$eval('[data-testid=database-problem]', (el) => el.textContent)).toContain('private window');
    expect(await options.$eval('[data-testid=export-json]', (el) => (el as HTMLButtonElement).disabled)).toBe(true);
  });
});

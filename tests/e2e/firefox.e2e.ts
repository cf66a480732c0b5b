import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, until, type FirefoxHarness } from './firefox-harness';
import { PAGES } from './routes';

/** Fixed through a preference, so that the test knows the add-on's moz-extension:// origin. */
const UUID = '6f1b2c3d-0000-4000-8000-00000000f1ff';

let firefox: FirefoxHarness;
let browser: Browser;
const at = (url: string) => firefox.at(url);

beforeAll(async () => {
  firefox = await launchFirefox(UUID);
  browser = firefox.browser;
}, 90_000);

afterAll(async () => firefox?.close());

const present = (selector: string) => !!document.querySelector(selector);
const holds = ([selector, text]: [string, string]) => !!document.querySelector(selector)?.textContent?.includes(text);

async function panelFor(url: string): Promise<Page> {
  const panel = await browser.newPage();
  await panel.goto('about:blank');
  await panel.evaluate((u) => void (location.href = u), `moz-extension://${UUID}/sidepanel.html`);
  await until(panel, () => location.protocol === 'moz-extension:' && !!document.querySelector('main'), null);
  const tabId = await panel.evaluate(
    async (part) => (await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({})).find((t) => t.url?.includes(part))?.id,
    new URL(url).pathname,
  );
  expect(tabId).toBeTypeOf('number');
  await panel.evaluate((u) => void (location.href = u), `moz-extension://${UUID}/sidepanel.html?tab=${tabId}`);
  return panel;
}

describe('Firefox (Debian firefox-esr, driven over WebDriver BiDi)', () => {
  it('loads the add-on and shows the catalog’s note beside a USENIX paper in the sidebar page', async () => {
    const page = await browser.newPage();
    await page.goto(at(PAGES.usenixSarathi));
    const panel = await panelFor(at(PAGES.usenixSarathi));
    await until(panel, holds, ['[data-testid=note-body]', 'Chunked-prefills'], 15_000);
    expect(await panel.$eval('[data-testid=paper-venue]', (el) => el.textContent)).toBe('OSDI 2024');
    await until(panel, present, '[data-testid=venue-acceptance]');
    expect(await panel.$eval('[data-testid=venue-acceptance]', (el) => el.textContent)).toBe('Acceptance rate: 19.2% (= 53 / 276)');
    await Promise.all([page.close(), panel.close()]);
  });

  it('creates and saves a note for a paper that has none', async () => {
    const page = await browser.newPage();
    await page.goto(at(PAGES.usenixQuokka));
    const panel = await panelFor(at(PAGES.usenixQuokka));
    await until(panel, present, '[data-testid=create-note]');
    await panel.click('[data-testid=create-note]');
    await until(panel, present, '[data-testid=quick-add]');
    await panel.type('[data-testid=quick-add]', 'Written in Firefox');
    await panel.keyboard.press('Enter');
    await until(panel, holds, ['[data-testid=note-body]', 'Written in Firefox']);
    await Promise.all([page.close(), panel.close()]);
  });
});

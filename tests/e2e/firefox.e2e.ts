import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './extension';
import { FixtureServer } from './fixture-server';
import { PAGES, serveFixtures } from './routes';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const BUILD = join(EXTENSION_DIR, '..', 'firefox-mv2');
const ADDON_ID = 'paper-notes@paper-notes.dev';
/** Fixed through a preference, so that the test knows the add-on's moz-extension:// origin. */
const UUID = '6f1b2c3d-0000-4000-8000-00000000f1ff';

let browser: Browser;
let port: number;
const server = new FixtureServer();
let copy = '';

/** The fixture server answers for arXiv and USENIX names on its own port. */
const at = (url: string) => url.replace(/^https:\/\/([^/]+)/, `https://$1:${port}`);

beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
  serveFixtures(server);
  port = await server.start();
  // WebDriver BiDi may not navigate to moz-extension:// pages, but the page itself may when the
  // panel is web-accessible: a copy of the build gets that entry, for this test only.
  copy = mkdtempSync(join(tmpdir(), 'paper-notes-firefox-'));
  cpSync(BUILD, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  manifest.web_accessible_resources = ['sidepanel.html', 'chunks/*', 'assets/*'];
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.dns.localDomains': 'arxiv.org,www.arxiv.org,usenix.org,www.usenix.org',
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
    },
  });
  expect(await browser.installExtension(copy)).toBe(ADDON_ID);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server.stop();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

/**
 * Waits until `predicate` holds in the page, asking it again and again. Puppeteer's own waiting
 * (`waitForFunction`, `waitForSelector`) compiles its poller with Function(), which Firefox 140's
 * CSP for extension pages refuses; `evaluate` is not refused. A call made while the page navigates
 * fails and is asked again.
 */
async function until<A>(page: Page, predicate: (arg: A) => boolean, arg: A, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(predicate as (arg: unknown) => boolean, arg).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${predicate.toString()} (${JSON.stringify(arg)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
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

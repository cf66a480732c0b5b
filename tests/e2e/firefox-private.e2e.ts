import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { Session } from 'puppeteer-core/internal/bidi/core/Session.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './extension';
import { FixtureServer } from './fixture-server';
import { PAGES, serveFixtures } from './routes';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const BUILD = join(EXTENSION_DIR, '..', 'firefox-mv2');
const ADDON_ID = 'paper-notes@paper-notes.dev';
const UUID = '6f1b2c3d-0000-4000-8000-00000000f2ff';

// A user may allow the add-on in private windows (about:addons › Run in Private Windows). Puppeteer
// has no option for it; Firefox's WebDriver BiDi takes `moz:allowPrivateBrowsing` on install.
const send = (Session.prototype as unknown as { send: (method: string, params: object) => Promise<unknown> }).send;
(Session.prototype as unknown as { send: typeof send }).send = function (method, params) {
  return send.call(this, method, method === 'webExtension.install' ? { ...params, 'moz:allowPrivateBrowsing': true } : params);
};

let browser: Browser;
let port: number;
const server = new FixtureServer();
let copy = '';
const at = (url: string) => url.replace(/^https:\/\/([^/]+)/, `https://$1:${port}`);

beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}`);
  serveFixtures(server);
  port = await server.start();
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

/** Asks the page again and again (Puppeteer's own waiting is refused by extension pages' CSP). */
async function until(page: Page, predicate: () => boolean, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(predicate).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${predicate.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

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
    await until(normal, () => location.protocol === 'moz-extension:' && !!document.querySelector('main'));
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
    await until(panel, () => !!document.querySelector('.notice.error'));
    const said = await panel.$eval('.notice.error', (el) => el.textContent ?? '');
    expect(said).toContain('private window');
    expect(said).not.toContain('allow history for extensions');
    // The paper as the tab's state kept it, with no control that could only fail.
    await until(panel, () => !!document.querySelector('[data-testid=paper-title]'));
    expect(await panel.$$eval('[data-testid=edit-note-button], [data-testid=quick-add], [data-testid=delete-note], [data-testid=create-note]', (found) => found.length)).toBe(0);

    const options = await pageAt('options.html');
    await until(options, () => !!document.querySelector('[data-testid=database-problem]'));
    expect(await options.$eval('[data-testid=database-problem]', (el) => el.textContent)).toContain('private window');
    expect(await options.$eval('[data-testid=export-json]', (el) => (el as HTMLButtonElement).disabled)).toBe(true);
  });
});

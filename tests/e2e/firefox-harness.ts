import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { Session } from 'puppeteer-core/internal/bidi/core/Session.js';
import { EXTENSION_DIR } from './extension';
import { FixtureServer } from './fixture-server';
import { serveFixtures } from './routes';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const BUILD = join(EXTENSION_DIR, '..', 'firefox-mv2');
export const ADDON_ID = 'paper-notes@paper-notes.dev';

/** Debian's Firefox ESR with a copy of the Firefox build installed, and the fixture server it browses. */
export interface FirefoxHarness {
  browser: Browser;
  /** A fixture page's address: the server answers for arXiv and USENIX names on its own port. */
  at: (url: string) => string;
  close: () => Promise<void>;
}

let allowPrivate = false;
// A user may allow the add-on in private windows (about:addons › Run in Private Windows). Puppeteer
// has no option for it; Firefox's WebDriver BiDi takes `moz:allowPrivateBrowsing` on install.
const send = (Session.prototype as unknown as { send: (method: string, params: object) => Promise<unknown> }).send;
(Session.prototype as unknown as { send: typeof send }).send = function (method, params) {
  return send.call(this, method, allowPrivate && method === 'webExtension.install' ? { ...params, 'moz:allowPrivateBrowsing': true } : params);
};

/**
 * Launches Firefox with the add-on under a fixed UUID (a preference), so that a test knows its
 * moz-extension:// origin. WebDriver BiDi may not navigate to moz-extension:// pages, but the page
 * itself may when the panel is web-accessible: a copy of the build gets that entry, for tests only.
 */
export async function launchFirefox(uuid: string, options: { allowPrivateBrowsing?: boolean } = {}): Promise<FirefoxHarness> {
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
  const server = new FixtureServer();
  serveFixtures(server);
  const port = await server.start();
  const copy = mkdtempSync(join(tmpdir(), 'paper-notes-firefox-'));
  cpSync(BUILD, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  manifest.web_accessible_resources = ['sidepanel.html', 'chunks/*', 'assets/*'];
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.dns.localDomains': 'arxiv.org,www.arxiv.org,usenix.org,www.usenix.org',
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
    },
  });
  allowPrivate = !!options.allowPrivateBrowsing;
  const installed = await browser.installExtension(copy);
  if (installed !== ADDON_ID) throw new Error(`Installed ${installed}, not ${ADDON_ID}`);
  return {
    browser,
    at: (url) => url.replace(/^https:\/\/([^/]+)/, `https://$1:${port}`),
    close: async () => {
      await browser.close();
      await server.stop();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until `predicate` holds in the page, asking it again and again. Puppeteer's own waiting
 * (`waitForFunction`, `waitForSelector`) compiles its poller with Function(), which Firefox 140's
 * CSP for extension pages refuses; `evaluate` is not refused. A call made while the page navigates
 * fails and is asked again.
 */
export async function until<A>(page: Page, predicate: (arg: A) => boolean, arg: A, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(predicate as (arg: unknown) => boolean, arg).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${predicate.toString()} (${JSON.stringify(arg)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

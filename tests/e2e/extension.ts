import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { FixtureServer, MAPPED_HOSTS } from './fixture-server';

export const EXTENSION_DIR = resolve(import.meta.dirname, '..', '..', '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A real Chromium with the built extension loaded, and the fixture server it browses. */
export class ExtensionHarness {
  context!: BrowserContext;
  worker!: Worker;
  extensionId!: string;
  readonly server = new FixtureServer();
  private profile = '';

  private constructor(private readonly extensionDir: string) {}

  static async launch(configure?: (server: FixtureServer) => void, extensionDir = EXTENSION_DIR): Promise<ExtensionHarness> {
    const harness = new ExtensionHarness(extensionDir);
    configure?.(harness.server);
    await harness.start();
    return harness;
  }

  private async start() {
    const EXTENSION_DIR = this.extensionDir;
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
    }
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
    const port = await this.server.start();
    this.profile = mkdtempSync(join(tmpdir(), 'paper-notes-profile-'));
    const rules = MAPPED_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
    this.context = await chromium.launchPersistentContext(this.profile, {
      executablePath: CHROMIUM,
      headless: true,
      ignoreHTTPSErrors: true,
      viewport: { width: 1100, height: 800 },
      // Playwright turns the back/forward cache off; browsers keep it on, and pages come back from it.
      ignoreDefaultArgs: ['--disable-back-forward-cache'],
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        `--host-resolver-rules=${rules}`,
        '--ignore-certificate-errors',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-features=HttpsUpgrades',
      ],
    });
    this.worker = this.context.serviceWorkers()[0] ?? (await this.context.waitForEvent('serviceworker'));
    this.extensionId = new URL(this.worker.url()).host;
  }

  /** The current service worker (a new one after the old one was stopped). */
  async currentWorker(timeout = 30_000): Promise<Worker> {
    // Polled: a worker that starts while a page loads can be missed by a wait for the event.
    const deadline = Date.now() + timeout;
    for (;;) {
      const live = this.context.serviceWorkers().find((w) => w.url().includes(this.extensionId));
      if (live) return (this.worker = live);
      if (Date.now() > deadline) throw new Error(`No service worker of the extension started within ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  url(path: string): string {
    return `chrome-extension://${this.extensionId}/${path.replace(/^\//, '')}`;
  }

  /** The browser's id for the tab showing `page`. */
  async tabId(page: Page): Promise<number> {
    const url = page.url();
    const id = await this.worker.evaluate(async (href) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url === href)?.id ?? null;
    }, url);
    if (id === null) throw new Error(`No tab found for ${url}`);
    return id;
  }

  /** Badge text and title the toolbar button shows for a tab. */
  async badge(tabId: number): Promise<{ text: string; title: string }> {
    return this.worker.evaluate(async (id) => {
      const [text, title] = await Promise.all([chrome.action.getBadgeText({ tabId: id }), chrome.action.getTitle({ tabId: id })]);
      return { text, title };
    }, tabId);
  }

  /** Waits until the tab's badge satisfies `accept`, and returns it. */
  async waitForBadge(tabId: number, accept: (b: { text: string; title: string }) => boolean, timeout = 10_000) {
    const deadline = Date.now() + timeout;
    let last = await this.badge(tabId);
    while (!accept(last)) {
      if (Date.now() > deadline) throw new Error(`Badge never matched; last was ${JSON.stringify(last)}`);
      await new Promise((r) => setTimeout(r, 100));
      last = await this.badge(tabId);
    }
    return last;
  }

  /** Opens the side panel as a page, pinned to `tabId` as `sidepanel.html?tab=` does. */
  async openPanel(tabId: number): Promise<Page> {
    const panel = await this.context.newPage();
    await panel.goto(this.url(`sidepanel.html?tab=${tabId}`));
    return panel;
  }

  /** Opens a fixture URL in a new tab and waits for its load. */
  async open(url: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  /** Stops every service worker, as Chrome does after 30 s idle. */
  async stopServiceWorker(page: Page): Promise<void> {
    const cdp = await this.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  }

  async close(): Promise<void> {
    await this.context?.close();
    await this.server.stop();
    if (this.profile) rmSync(this.profile, { recursive: true, force: true });
  }
}

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, EXTENSION_DIR, ExtensionHarness } from './extension';
import { FixtureServer, FIXTURES, MAPPED_HOSTS } from './fixture-server';
import { PAGES, serveFixtures } from './routes';

let harness: ExtensionHarness;
/** A tab with a paper: "+" (no note), "✓" (a note, the bundled catalog's for Sarathi-Serve) or "?". */
const MARKED = /^[+✓?]$/;

beforeAll(async () => {
  harness = await ExtensionHarness.launch(serveFixtures);
});
afterAll(async () => harness?.close());

/** Isolated worlds (content scripts) that ran in a page, by name, as the DevTools protocol reports. */
async function openWatchingWorlds(url: string): Promise<{ page: Page; worlds: string[] }> {
  const page = await harness.context.newPage();
  const worlds: string[] = [];
  const cdp = await harness.context.newCDPSession(page);
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    // Playwright's own utility worlds are isolated worlds too; they are not ours.
    if (context.auxData?.type === 'isolated' && !context.name.startsWith('__playwright')) worlds.push(context.name);
  });
  await cdp.send('Runtime.enable');
  // Messages posted to the page, and the DOM before any content script ran: parsing is done when
  // the document turns interactive, and scripts at document_end run only after that.
  await page.addInitScript(() => {
    const probe = { messages: [] as string[], domAtReady: '' };
    (window as unknown as { __probe: typeof probe }).__probe = probe;
    window.addEventListener('message', (e) => probe.messages.push(JSON.stringify(e.data)), true);
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') probe.domAtReady = document.documentElement.outerHTML;
    });
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, worlds };
}

/** Polls `probe` until it gives a value `accept` takes, and returns that value. */
async function until<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: last ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Chromium with the extension, driven only through its service worker over the DevTools protocol
 * (on a pipe): Playwright, attached to every page, turns prerendering off
 * ("PrerenderingDisabledByDevTools").
 */
async function withBareChromium(server: FixtureServer, run: (evaluate: (expression: string) => Promise<unknown>) => Promise<void>) {
  const port = await server.start();
  const profile = mkdtempSync(join(tmpdir(), 'paper-notes-bare-'));
  const rules = MAPPED_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
  const browser = spawn(CHROMIUM, [
    '--headless', '--remote-debugging-pipe', `--user-data-dir=${profile}`, `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`, `--host-resolver-rules=${rules}`, '--ignore-certificate-errors', '--no-sandbox', '--disable-gpu',
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=HttpsUpgrades',
    'about:blank',
  ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const [toBrowser, fromBrowser] = [browser.stdio[3] as Writable, browser.stdio[4] as Readable];
  type Reply = { id?: number; result?: Record<string, unknown>; error?: unknown };
  const waiting = new Map<number, (reply: Reply) => void>();
  let buffered = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    const messages = (buffered + chunk.toString('utf8')).split('\0');
    buffered = messages.pop()!;
    for (const text of messages) {
      const reply = JSON.parse(text) as Reply;
      if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
    }
  });
  let lastId = 0;
  const send = (method: string, params: object = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, (reply) => (waiting.delete(id), reply.error ? reject(new Error(JSON.stringify(reply.error))) : resolve(reply.result ?? {})));
      toBrowser.write(JSON.stringify({ id, method, params, sessionId }) + '\0');
    });
  try {
    type Target = { type: string; url: string; targetId: string };
    const worker = await until(
      async () => ((await send('Target.getTargets')).targetInfos as Target[]).find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://')),
      (t) => !!t,
      'the extension’s service worker',
    );
    const { sessionId } = (await send('Target.attachToTarget', { targetId: worker!.targetId, flatten: true })) as { sessionId: string };
    const evaluate = async (expression: string) => {
      const { result, exceptionDetails } = (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)) as {
        result?: { value?: unknown };
        exceptionDetails?: unknown;
      };
      if (exceptionDetails) throw new Error(JSON.stringify(exceptionDetails));
      return result?.value;
    };
    // The worker's globals exist once its script has run.
    await until(() => evaluate('typeof chrome.tabs').catch(() => ''), (t) => t === 'object', 'the worker’s chrome.tabs');
    await run(evaluate);
  } finally {
    // The profile is removed once Chromium has exited: it writes there until then. Closed as a
    // user closes it, it ends its other processes first; killed, they outlived it and still wrote.
    const exited = browser.exitCode !== null || browser.signalCode !== null ? Promise.resolve() : new Promise((resolve) => browser.once('exit', resolve));
    send('Browser.close').catch(() => {});
    const stuck = setTimeout(() => browser.kill('SIGKILL'), 5_000);
    await Promise.all([exited, server.stop()]);
    clearTimeout(stuck);
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

describe('paper detection in Chromium', () => {
  it('marks a USENIX paper page and names the paper in the panel', async () => {
    const page = await harness.open(PAGES.usenixSarathi);
    const tabId = await harness.tabId(page);
    const badge = await harness.waitForBadge(tabId, (b) => b.text !== '');
    expect(badge.text).toMatch(MARKED);
    expect(badge.title).toContain('Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve');

    const panel = await harness.openPanel(tabId);
    await expect.poll(() => panel.getByTestId('paper-title').textContent()).toBe(
      'Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve',
    );
    expect(await panel.getByTestId('paper-venue').textContent()).toBe('OSDI 2024');
    expect(await panel.getByTestId('paper-authors').textContent()).toContain('Amey Agrawal');
    expect(await panel.getByTestId('id-USENIX').textContent()).toBe('osdi24/agrawal');
    const links = await panel.locator('nav.links a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toContain('https://www.usenix.org/conference/osdi24/presentation/agrawal');
    expect(links).toContain('https://www.usenix.org/system/files/osdi24-agrawal.pdf');
    await Promise.all([page.close(), panel.close()]);
  });

  it('marks a workshop paper whose page sits under its program’s folder', async () => {
    const page = await harness.open(PAGES.usenixWorkshop);
    const tabId = await harness.tabId(page);
    const badge = await harness.waitForBadge(tabId, (b) => b.text !== '');
    expect(badge.text).toMatch(MARKED);
    const panel = await harness.openPanel(tabId);
    await expect.poll(() => panel.getByTestId('paper-title').textContent()).toBe('Design Patterns for Container-based Distributed Systems');
    expect(await panel.getByTestId('paper-venue').textContent()).toBe('HotCloud 2016');
    expect(await panel.getByTestId('id-USENIX').textContent()).toBe('hotcloud16/burns');
    await Promise.all([page.close(), panel.close()]);
  });

  it('marks an arXiv abstract page with its id and version', async () => {
    const page = await harness.open(PAGES.arxivAbs);
    const tabId = await harness.tabId(page);
    await harness.waitForBadge(tabId, (b) => MARKED.test(b.text));
    const panel = await harness.openPanel(tabId);
    await expect.poll(() => panel.getByTestId('id-arXiv').textContent()).toBe('2403.02310 (v2)');
    expect((await panel.getByTestId('paper-title').textContent())?.toLowerCase()).toBe(
      'taming throughput-latency tradeoff in llm inference with sarathi-serve',
    );
    expect(await panel.getByTestId('paper-authors').textContent()).toContain('Amey Agrawal');
    await Promise.all([page.close(), panel.close()]);
  });

  it.each([
    ['a long query string', `${PAGES.arxivAbs}?context=cs.DC&${'utm_term=chunked-prefills&'.repeat(100)}`],
    ['a link to a passage (a text fragment)', `${PAGES.arxivAbs}#:~:text=${'Sarathi-Serve%20chunked%20prefills,'.repeat(60)}`],
  ])('marks an arXiv abstract page whose URL is past 2,000 characters: %s', async (_, url) => {
    expect(url.length).toBeGreaterThan(2000);
    const page = await harness.open(url);
    const tabId = await harness.worker.evaluate(async () => (await chrome.tabs.query({})).find((tab) => tab.url?.startsWith('https://arxiv.org/abs/2403.02310v2') && tab.url.length > 2000)?.id);
    expect(tabId).toBeDefined();
    await harness.waitForBadge(tabId!, (b) => MARKED.test(b.text));
    const panel = await harness.openPanel(tabId!);
    await expect.poll(() => panel.getByTestId('id-arXiv').textContent()).toBe('2403.02310 (v2)');
    expect(await panel.getByTestId('paper-authors').textContent()).toContain('Amey Agrawal');
    await Promise.all([page.close(), panel.close()]);
  });

  it('keeps the paper’s title when the tab goes on to its format selector, whose titles are not the paper’s', async () => {
    const page = await harness.open(PAGES.arxivAbs);
    const tabId = await harness.tabId(page);
    await harness.waitForBadge(tabId, (b) => MARKED.test(b.text));
    const panel = await harness.openPanel(tabId);
    const title = 'taming throughput-latency tradeoff in llm inference with sarathi-serve';
    await expect.poll(async () => (await panel.getByTestId('paper-title').textContent())?.toLowerCase()).toBe(title);
    await page.goto(PAGES.arxivFormat, { waitUntil: 'load' });
    // The format page's own report reached the tab's state.
    await expect
      .poll(() => harness.worker.evaluate(async (id) => ((await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { paper?: { kind?: string } } | undefined)?.paper?.kind, tabId))
      .toBe('format');
    expect((await panel.getByTestId('paper-title').textContent())?.toLowerCase()).toBe(title);
    expect((await harness.badge(tabId)).title).not.toContain('Format selector');
    await Promise.all([page.close(), panel.close()]);
  });

  it('knows an arXiv PDF from its URL, where no page script can read', async () => {
    const page = await harness.context.newPage();
    await page.goto(PAGES.arxivPdf).catch(() => {}); // the PDF viewer may report the navigation as aborted
    await expect.poll(() => page.url()).toBe(PAGES.arxivPdf);
    const tabId = await harness.tabId(page);
    await harness.waitForBadge(tabId, (b) => MARKED.test(b.text));
    const panel = await harness.openPanel(tabId);
    await expect.poll(() => panel.getByTestId('id-arXiv').textContent()).toBe('2403.02310 (v2)');
    expect(await panel.locator('.chip', { hasText: 'PDF' }).count()).toBe(1);
    await Promise.all([page.close(), panel.close()]);
  });

  it('leaves non-paper pages of arXiv and USENIX unmarked and says so in the panel', async () => {
    // The not-found page sits at a paper's address, as a talk's page does.
    for (const url of [PAGES.arxivListing, PAGES.usenixTalk, PAGES.arxivNotFound]) {
      const page = await harness.open(url);
      const tabId = await harness.tabId(page);
      await page.waitForTimeout(500);
      expect((await harness.badge(tabId)).text).toBe('');
      const panel = await harness.openPanel(tabId);
      await expect.poll(() => panel.getByTestId('not-a-paper').isVisible()).toBe(true);
      await Promise.all([page.close(), panel.close()]);
    }
  });

  it('clears the badge when the tab leaves the paper', async () => {
    const page = await harness.open(PAGES.usenixSarathi);
    const tabId = await harness.tabId(page);
    await harness.waitForBadge(tabId, (b) => MARKED.test(b.text));
    const panel = await harness.openPanel(tabId);
    await expect.poll(() => panel.getByTestId('paper-header').isVisible()).toBe(true);
    await page.goto(PAGES.example);
    await harness.waitForBadge(tabId, (b) => b.text === '');
    await expect.poll(() => panel.getByTestId('not-a-paper').isVisible()).toBe(true);
    await Promise.all([page.close(), panel.close()]);
  });

  it('marks a paper page again when Back brings it from the browser’s cache', async () => {
    const page = await harness.context.newPage();
    await page.addInitScript(() => addEventListener('pageshow', (e) => ((window as unknown as { fromCache?: boolean }).fromCache = e.persisted)));
    await page.goto(PAGES.usenixQuokka, { waitUntil: 'load' });
    const tabId = await harness.tabId(page);
    await harness.waitForBadge(tabId, (b) => b.text === '+');
    await page.goto(PAGES.example);
    await harness.waitForBadge(tabId, (b) => b.text === '');
    // No load event follows a page restored from the cache: wait for the navigation only.
    await page.goBack({ waitUntil: 'commit' });
    // Restored, not loaded again: the content script does not run a second time.
    await expect.poll(() => page.evaluate(() => (window as unknown as { fromCache?: boolean }).fromCache)).toBe(true);
    await harness.waitForBadge(tabId, (b) => b.text === '+');
    const panel = await harness.openPanel(tabId);
    await expect.poll(() => panel.getByTestId('paper-title').textContent()).toContain('Quokka');
    await Promise.all([page.close(), panel.close()]);
  });

  it('still knows the tab after the service worker was stopped', async () => {
    const page = await harness.open(PAGES.usenixSarathi);
    const tabId = await harness.tabId(page);
    await harness.waitForBadge(tabId, (b) => MARKED.test(b.text));
    await harness.stopServiceWorker(page);
    const panel = await harness.openPanel(tabId);
    await expect.poll(() => panel.getByTestId('paper-title').textContent()).toContain('Sarathi-Serve');
    await harness.currentWorker();
    expect((await harness.badge(tabId)).text).toMatch(MARKED);
    await Promise.all([page.close(), panel.close()]);
  });

  it('finds the paper pages already open at an install or update, where Chromium runs no content script', async () => {
    // A paper with no note: its tab is marked only once its page reports it.
    const page = await harness.open(PAGES.usenixQuokka);
    const tabId = await harness.tabId(page);
    await harness.waitForBadge(tabId, (b) => b.text === '+');
    // What an update leaves: session storage empty, no badge, and the page's script cut off from
    // the extension. Then the install event's handler, as the browser would call it.
    await harness.worker.evaluate(async (id) => {
      await chrome.storage.session.clear();
      await chrome.action.setBadgeText({ tabId: id, text: '' });
    }, tabId);
    await harness.worker.evaluate(() => (globalThis as unknown as { paperNotesTesting: { installed: () => Promise<void> } }).paperNotesTesting.installed());
    await harness.waitForBadge(tabId, (b) => b.text === '+');
    const panel = await harness.openPanel(tabId);
    await expect.poll(() => panel.getByTestId('paper-title').textContent()).toBe('Quokka: Fictional Fixture Paper for Paper Notes Tests');
    await Promise.all([page.close(), panel.close()]);
  });

  it('shows a hostile page’s metadata as inert text', async () => {
    const page = await harness.open(PAGES.hostile);
    const tabId = await harness.tabId(page);
    await harness.waitForBadge(tabId, (b) => MARKED.test(b.text));
    const panel = await harness.openPanel(tabId);
    const dialogs: string[] = [];
    panel.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await expect.poll(() => panel.getByTestId('paper-title').textContent()).toContain('Hostile fixture title');
    const inert = await panel.evaluate(() => ({
      scripts: document.querySelectorAll('main script, main img, main iframe').length,
      handlers: [...document.querySelectorAll('main *')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on'))),
      jsLinks: [...document.querySelectorAll('a')].filter((a) => !/^https?:/.test(a.href)).length,
    }));
    expect(inert).toEqual({ scripts: 0, handlers: false, jsLinks: 0 });
    expect(dialogs).toEqual([]);
    await Promise.all([page.close(), panel.close()]);
  });

  it('runs only on the paper pages of arXiv and USENIX, and shows itself to no page', async () => {
    const paper = await openWatchingWorlds(PAGES.arxivAbs);
    const other = await openWatchingWorlds(PAGES.example);
    const listing = await openWatchingWorlds(PAGES.arxivListing);
    await paper.page.waitForTimeout(500);
    expect(paper.worlds).toContain('Paper Notes');
    expect(other.worlds).toEqual([]);
    expect(listing.worlds).toEqual([]);
    for (const { page } of [paper, other]) {
      const probe = await page.evaluate(() => {
        const { messages, domAtReady } = (window as unknown as { __probe: { messages: string[]; domAtReady: string } }).__probe;
        return { messages, unchanged: domAtReady === document.documentElement.outerHTML };
      });
      expect(probe).toEqual({ messages: [], unchanged: true });
    }
    await Promise.all([paper.page.close(), other.page.close(), listing.page.close()]);
  });
});

describe('paper detection in a Chromium that prerenders', () => {
  it('marks a paper page the browser prerendered, once it is shown', async () => {
    // A paper without a note: only its page's own report marks it. Prerendered from a programme
    // page that expects the link to be followed, as search results and the address bar do.
    const paper = PAGES.usenixQuokka;
    const program = 'https://www.usenix.org/conference/nsdi23/technical-sessions';
    const rules = JSON.stringify({ prerender: [{ source: 'list', urls: [paper], eagerness: 'immediate' }] });
    const server = new FixtureServer()
      .route(program, { body: `<!doctype html><title>NSDI '23 Technical Sessions</title><script type="speculationrules">${rules}</script><a href="${paper}">Quokka</a>` })
      // The page says when it has loaded, so after the content script (run at document_end) ran.
      .route(paper, { body: readFileSync(join(FIXTURES, 'usenix-nsdi23-fixture-paper.html'), 'utf8').replace('</body>', "<script>addEventListener('load', () => localStorage.setItem('loaded', location.href))</script></body>") });
    await withBareChromium(server, async (evaluate) => {
      const tabId = (await evaluate(`chrome.tabs.create({ url: ${JSON.stringify(program)} }).then((t) => t.id)`)) as number;
      const inPage = (code: string) => evaluate(`chrome.scripting.executeScript({ target: { tabId: ${tabId} }, world: 'MAIN', func: () => ${code} }).then((r) => r[0].result, () => null)`);
      // The prerendered page shares the programme's storage.
      await until(() => inPage('localStorage.getItem("loaded")'), (v) => v === paper, 'the prerendered page’s load');
      await inPage(`void (location.href = ${JSON.stringify(paper)})`);
      await until(() => evaluate(`chrome.tabs.get(${tabId}).then((t) => t.url)`), (url) => url === paper, 'the tab’s URL');
      // Shown from the prerender, not loaded again.
      expect(await inPage("performance.getEntriesByType('navigation')[0].activationStart")).toBeGreaterThan(0);
      const badge = await until(() => evaluate(`chrome.action.getBadgeText({ tabId: ${tabId} })`), (text) => text === '+', 'the badge', 10_000).catch((e: Error) => e.message);
      expect(badge).toBe('+');
    });
  });
});

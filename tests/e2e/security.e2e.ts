import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '../fixtures/xss';
import { HOSTS, PAPER_PAGES } from '../../lib/sources/match-patterns';
import { EXTENSION_DIR, ExtensionHarness } from './extension';
import { PAGES, serveFixtures } from './routes';

let harness: ExtensionHarness;

beforeAll(async () => {
  harness = await ExtensionHarness.launch(serveFixtures);
});
afterAll(async () => harness?.close());

describe('the built manifests ask only for what is used', () => {
  it('Chrome: storage, unlimitedStorage, contextMenus, scripting, sidePanel; USENIX and arXiv only; default CSP', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect([...manifest.permissions].sort()).toEqual(['contextMenus', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage']);
    expect(manifest.host_permissions).toEqual(['*://*.arxiv.org/*', '*://*.usenix.org/*']);
    expect(manifest.content_scripts).toEqual([{ matches: PAPER_PAGES, js: ['paper-detector.js'], run_at: 'document_end' }]);
    for (const key of ['content_security_policy', 'externally_connectable', 'web_accessible_resources', 'optional_permissions', 'optional_host_permissions']) {
      expect(manifest, key).not.toHaveProperty(key);
    }
  });

  it('Firefox: the same, as an MV2 add-on with its id and no data collection', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, '..', 'firefox-mv2', 'manifest.json'), 'utf8'));
    expect([...manifest.permissions].sort()).toEqual([...HOSTS, 'contextMenus', 'storage', 'unlimitedStorage'].sort());
    expect(manifest.content_scripts).toEqual([{ matches: PAPER_PAGES, js: ['paper-detector.js'], run_at: 'document_end' }]);
    expect(manifest.browser_specific_settings.gecko).toEqual({
      id: 'paper-notes@paper-notes.dev',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    // Not offered on Firefox for Android, which has neither the sidebar nor context menus.
    expect(manifest.browser_specific_settings).not.toHaveProperty('gecko_android');
    expect(manifest).not.toHaveProperty('content_security_policy');
    expect(manifest.sidebar_action.default_panel).toBe('sidepanel.html');
  });
});

describe('nothing from outside acts as the extension', () => {
  it('gives web pages no way to message it', async () => {
    const page = await harness.open(PAGES.arxivListing);
    const reach = await page.evaluate(async (id) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } } }).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no runtime.sendMessage';
      try {
        await runtime.sendMessage(id, { type: 'refresh-badges' });
        return 'sent';
      } catch (error) {
        return `refused: ${String(error)}`;
      }
    }, harness.extensionId);
    expect(reach).not.toBe('sent');
    await page.close();
  });

  it('ignores a paper report that does not come from the paper’s own tab, or has the wrong shape', async () => {
    const options = await harness.context.newPage();
    await options.goto(harness.url('options.html'));
    const before = await harness.worker.evaluate(() => chrome.storage.session.get(null));
    const answers = await options.evaluate(async () => {
      const paper = { key: 'arxiv:2403.02310', source: 'arxiv', kind: 'abstract', url: 'https://arxiv.org/abs/2403.02310', arxivId: '2403.02310', title: 'Forged' };
      const send = (message: unknown) => chrome.runtime.sendMessage(message).then((a: unknown) => a ?? null, (e: unknown) => `error: ${String(e)}`);
      return [
        await send({ type: 'paper-found', paper }),
        await send({ type: 'paper-found', paper: { ...paper, evil: '<img src=x onerror=alert(1)>' } }),
        await send({ type: 'delete-everything' }),
        await send('paper-found'),
      ];
    });
    expect(answers.every((a) => a === null || String(a).startsWith('error'))).toBe(true);
    expect(await harness.worker.evaluate(() => chrome.storage.session.get(null))).toEqual(before);
    await options.close();
  });

  it('runs its content script in the top frame only', async () => {
    const page = await harness.context.newPage();
    const cdp = await harness.context.newCDPSession(page);
    const worlds: { frameId: string; name: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.auxData?.type === 'isolated' && !context.name.startsWith('__playwright')) worlds.push({ frameId: String(context.auxData.frameId), name: context.name });
    });
    await cdp.send('Runtime.enable');
    await page.goto(PAGES.hostile, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    const top = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
    expect(worlds.length).toBeGreaterThan(0);
    expect(worlds.every((w) => w.frameId === top)).toBe(true);
    await page.close();
  });
});

/** Everything in a page that could run: handlers, scripts, dangerous URLs; and whether any payload ran. */
async function inert(page: Page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('body *')];
    return {
      ran: (window as unknown as { __xss?: unknown }).__xss ?? null,
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`)),
      // Our own quick-add box is the one form a page of ours has.
      elements: all.filter((el) => /^(SCRIPT|IFRAME|OBJECT|EMBED|BASE|FORM|META)$/.test(el.tagName) && !el.matches('form.quick-add')).map((el) => el.tagName),
      urls: all
        .flatMap((el) => ['href', 'src', 'action', 'xlink:href'].map((a) => el.getAttribute(a) ?? ''))
        .filter((v) => /^\s*(javascript|vbscript|data:text)/i.test(v)),
    };
  });
}

describe('hostile text in every place that shows it', () => {
  it('imports a page whose titles, venue, topic, tags and notes are attacks, and shows it all inert', async () => {
    // One line each; a NUL byte would make the file binary (refused whole, tested in unit tests).
    const payloads = XSS_PAYLOADS.filter((p) => !p.includes('\n') && !p.includes('\0')).slice(0, 25);
    const hostileVenue = 'EVIL <img src=x onerror=window.__xss=1> 2024';
    const entries = payloads.map((p, i) => `* Paper ${i} ${p.replace(/[[\]]/g, '')} \\[[Paper](javascript:window.__xss=1)]\n  * Org ${i}\n  * ${p}`);
    const page = [`# ${hostileVenue}`, '', '## Papers', '', `### Topic <script>window.__xss=1</script>`, '', ...entries, ''].join('\n');
    const options = await harness.context.newPage();
    const dialogs: string[] = [];
    options.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));
    await options.goto(harness.url('options.html'));
    await options.getByTestId('import-files').setInputFiles([{ name: 'evil.md', mimeType: 'text/markdown', buffer: Buffer.from(page) }]);
    await expect.poll(() => options.getByTestId('import-preview').isVisible()).toBe(true);
    expect(await inert(options)).toEqual({ ran: null, handlers: [], elements: [], urls: [] });
    await options.getByTestId('import-apply').click();
    await expect.poll(() => options.getByTestId('import-done').isVisible()).toBe(true);
    await options.close();

    const listing = await harness.open(PAGES.arxivListing);
    const panel = await harness.openPanel(await harness.tabId(listing));
    panel.on('dialog', (d) => void d.dismiss().then(() => dialogs.push(d.message())));
    await panel.getByTestId('search').fill('onerror');
    await expect.poll(() => panel.getByTestId('search-hit').count()).toBeGreaterThan(0);
    expect(await inert(panel)).toEqual({ ran: null, handlers: [], elements: [], urls: [] });
    await panel.getByTestId('search').fill('');
    await panel.locator('details.group > summary', { hasText: 'EVIL' }).click();
    await panel.getByTestId('open-paper').first().click();
    await expect.poll(() => panel.getByTestId('note-screen').count()).toBe(1);
    await panel.waitForTimeout(300);
    expect(await inert(panel)).toEqual({ ran: null, handlers: [], elements: [], urls: [] });
    expect(dialogs).toEqual([]);
    await Promise.all([listing.close(), panel.close()]);
  });
});

describe('a note that points at remote images, media and pages', () => {
  it('is shown without a single request leaving the browser', async () => {
    const requested: string[] = [];
    harness.context.on('request', (request) => requested.push(request.url()));
    const page = await harness.open(PAGES.usenixQuokka);
    const panel = await harness.openPanel(await harness.tabId(page));
    await panel.locator('[data-testid=note-screen], [data-testid=no-note]').first().waitFor();
    if (await panel.getByTestId('no-note').count()) await panel.getByTestId('create-note').click();
    await panel.getByTestId('edit-note-button').click();
    const note = [
      '![plain](https://tracker.example/a.png)',
      '<img srcset="https://tracker.example/b.png 2x">',
      '<picture><source srcset="https://tracker.example/c.png"></picture>',
      '<video src="https://tracker.example/d.mp4" poster="https://tracker.example/e.png"></video>',
      '<svg><image href="https://tracker.example/f.png"></image></svg>',
      '<table><tr><td background="https://tracker.example/g.png">cell</td></tr></table>',
      '[a page](https://tracker.example/page) [relative](../h.md)',
    ].join('\n\n');
    await panel.getByTestId('edit-note').fill(note);
    await panel.getByTestId('save').click();
    await expect.poll(() => panel.getByTestId('note-body').textContent()).toContain('cell');
    await panel.waitForTimeout(500);
    expect(requested.filter((url) => url.includes('tracker.example'))).toEqual([]);
    await Promise.all([page.close(), panel.close()]);
  });
});

describe('a worker stopped in the middle of a catalog sync', () => {
  it('leaves the old state, never a mix, and the next start finishes the sync', async () => {
    const options = await harness.context.newPage();
    await options.goto(harness.url('options.html'));
    const stateNow = () =>
      options.evaluate(
        () =>
          new Promise<{ applied: boolean; catalogPapers: number; sarathi: string } | null>((resolve) => {
            const open = indexedDB.open('paper-notes');
            // Not made yet by the worker: not to be made here, at version 1 with no stores.
            open.onupgradeneeded = () => open.transaction!.abort();
            open.onerror = () => resolve(null);
            open.onsuccess = () => {
              const tx = open.result.transaction(['meta', 'shelves'], 'readonly');
              const applied = tx.objectStore('meta').get('catalog');
              const shelves = tx.objectStore('shelves').getAll();
              tx.oncomplete = () => {
                const papers = shelves.result.flatMap((shelf: { papers: (string | null)[] }) => shelf.papers.flatMap((json) => (json ? [JSON.parse(json) as { catalogId?: string; title: string; note: string }] : [])));
                open.result.close();
                resolve({ applied: !!applied.result, catalogPapers: papers.filter((p) => p.catalogId).length, sarathi: papers.find((p) => p.catalogId && p.title.includes('Sarathi-Serve'))?.note ?? '' });
              };
            };
          }),
      );
    // The install's own sync done first: its lock released, its catalog recorded.
    await expect.poll(async () => (await stateNow())?.applied, { timeout: 10_000 }).toBe(true);
    await expect.poll(() => options.evaluate(async () => (await navigator.locks.query()).held?.length ?? 0)).toBe(0);
    // An older catalog's state: Sarathi-Serve's note as that catalog gave it, and no catalog
    // recorded as applied (as after an update). Papers are kept on shelves, each a list of papers
    // as JSON (lib/db/shelves.ts); the sync gives this note the bundled catalog's text.
    await options.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('paper-notes');
          open.onsuccess = () => {
            const tx = open.result.transaction(['meta', 'shelves'], 'readwrite');
            tx.objectStore('meta').delete('catalog');
            const shelves = tx.objectStore('shelves');
            const cursor = shelves.openCursor();
            cursor.onsuccess = () => {
              const at = cursor.result;
              if (!at) return;
              const shelf = at.value as { papers: (string | null)[] };
              const i = shelf.papers.findIndex((json) => !!json && json.includes('Sarathi-Serve') && json.includes('"catalogId"'));
              if (i >= 0) {
                const paper = JSON.parse(shelf.papers[i]!);
                shelf.papers[i] = JSON.stringify({ ...paper, note: '* The older catalog’s text.\n', catalogBase: { hash: 'older' } });
                at.update(shelf);
              } else at.continue();
            };
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    const older = { applied: false, catalogPapers: 89, sarathi: '* The older catalog’s text.\n' };
    expect(await stateNow()).toEqual(older);

    // A write transaction of this page holds the shelves: the worker's sync starts (it takes the
    // sync lock), reads, and waits on its own write. The worker is stopped there.
    await options.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('paper-notes');
          open.onsuccess = () => {
            const store = open.result.transaction(['shelves'], 'readwrite').objectStore('shelves');
            const hold = () => {
              if ((globalThis as { releaseHold?: boolean }).releaseHold) open.result.close();
              else store.get(0).onsuccess = hold;
            };
            hold();
            resolve();
          };
        }),
    );
    void options.evaluate(() => chrome.runtime.sendMessage({ type: 'sync-catalog' }).catch(() => {}));
    await expect.poll(() => options.evaluate(async () => (await navigator.locks.query()).held?.some((lock) => lock.name === 'paper-notes-catalog-sync'))).toBe(true);
    await harness.stopServiceWorker(options);
    await expect.poll(() => options.evaluate(async () => (await navigator.locks.query()).held?.length ?? 0)).toBe(0);
    await options.evaluate(() => void ((globalThis as { releaseHold?: boolean }).releaseHold = true));
    // The stopped sync wrote nothing: the older state whole.
    expect(await stateNow()).toEqual(older);

    // Any event starts the worker again; its start applies the catalog.
    const page = await harness.open(PAGES.usenixSarathi);
    await harness.currentWorker();
    const tabId = await harness.tabId(page);
    await harness.waitForBadge(tabId, (b) => b.text === '✓');
    await expect.poll(stateNow).toEqual({ applied: true, catalogPapers: 89, sarathi: expect.stringContaining('Chunked-prefills') });
    const panel = await harness.openPanel(tabId);
    await expect.poll(() => panel.getByTestId('note-body').textContent()).toContain('Chunked-prefills');
    await Promise.all([options.close(), page.close(), panel.close()]);
  });
});

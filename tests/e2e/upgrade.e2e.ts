import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TERMS_VERSION } from '../../lib/db/reindex';
import { ExtensionHarness } from './extension';
import { PAGES, serveFixtures } from './routes';

let harness: ExtensionHarness;

beforeAll(async () => {
  harness = await ExtensionHarness.launch(serveFixtures);
});
afterAll(async () => harness?.close());

/** A note as schema 10 kept it: one record of the papers store, numbered, its postings not yet rebuilt. */
const OLD_NOTE = {
  id: 'u-kept-from-schema-10',
  title: 'Sarathi-Serve, my own copy',
  venue: 'arXiv 2024',
  year: 2024,
  topic: '',
  authors: [],
  affiliations: '',
  tags: ['mine'],
  links: [],
  award: '',
  arxivId: '2403.02310',
  urls: [],
  note: '* Kept across the upgrade to shelves.\n',
  summary: '',
  titleKey: 'sarathi serve my own copy',
  createdAt: 1,
  updatedAt: 1,
  rev: 3,
  origin: 'user',
  seq: 0,
};

describe('a library kept by an older version', () => {
  it('is upgraded in Chromium to papers on shelves, and its note shows on its paper’s page', async () => {
    // The worker made the newest database at its start. With the worker stopped, a page of the
    // extension's origin that runs none of its code (an icon) replaces it with one as schema 10
    // left it (Dexie's version 10 is IndexedDB's 100).
    const origin = await harness.context.newPage();
    await origin.goto(harness.url('icon/16.png'));
    // Stopped only once it has handled the icon page's tab events: a worker stopped through
    // DevTools while it handled them was sometimes never started again by this Chromium.
    await harness.worker.evaluate(() => true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await harness.stopServiceWorker(origin);
    await origin.evaluate(
      (note) =>
        new Promise<void>((resolve, reject) => {
          const removed = indexedDB.deleteDatabase('paper-notes');
          removed.onerror = () => reject(removed.error);
          removed.onsuccess = () => {
            const open = indexedDB.open('paper-notes', 100);
            open.onerror = () => reject(open.error);
            open.onupgradeneeded = () => {
              const db = open.result;
              db.createObjectStore('papers', { keyPath: 'id' }).createIndex('seq', 'seq', { unique: true });
              db.createObjectStore('venues', { keyPath: 'label' }).createIndex('group', 'group');
              db.createObjectStore('topics', { keyPath: 'path' });
              db.createObjectStore('drafts', { keyPath: 'key' }).createIndex('paperId', 'paperId');
              db.createObjectStore('meta', { keyPath: 'key' });
              db.createObjectStore('terms', { keyPath: 'k' });
              db.createObjectStore('snapshots', { keyPath: 'id', autoIncrement: true }).createIndex('createdAt', 'createdAt');
              const tx = open.transaction!;
              tx.objectStore('papers').put(note);
              tx.objectStore('meta').put({ key: 'seq', value: 1 });
              tx.objectStore('meta').put({ key: 'termsVersion', value: 12 });
            };
            open.onsuccess = () => {
              open.result.close();
              resolve();
            };
          };
        }),
      OLD_NOTE,
    );

    // A new worker opens the old database: the upgrade runs, then the catalog sync.
    const page = await harness.open(PAGES.arxivAbs);
    await harness.currentWorker();
    const tabId = await harness.tabId(page);
    await harness.waitForBadge(tabId, (b) => b.text === '✓', 20_000);
    const panel = await harness.openPanel(tabId);
    await expect.poll(() => panel.getByTestId('note-body').textContent(), { timeout: 10_000 }).toContain('Kept across the upgrade to shelves.');
    expect(await panel.getByTestId('note-screen').getAttribute('data-note-id')).toBe(OLD_NOTE.id);

    const stored = await origin.evaluate(
      () =>
        new Promise<{ version: number; stores: string[] }>((resolve, reject) => {
          const open = indexedDB.open('paper-notes');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const result = { version: db.version, stores: [...db.objectStoreNames] };
            db.close();
            resolve(result);
          };
        }),
    );
    expect(stored.version).toBe(120);
    expect(stored.stores).toContain('shelves');
    expect(stored.stores).not.toContain('papers');
    await Promise.all([page.close(), panel.close(), origin.close()]);
  });

  it('has search postings of version 13 rebuilt in Chromium at the next start, and finds its notes by their words', async () => {
    const origin = await harness.context.newPage();
    await origin.goto(harness.url('icon/16.png'));
    await harness.currentWorker();
    await harness.worker.evaluate(() => true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await harness.stopServiceWorker(origin);
    // As version 13 left them: word, title and facet rows as an object of terms, each with its numbers.
    const rewritten = await origin.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('paper-notes');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['terms', 'meta'], 'readwrite');
            const terms = tx.objectStore('terms');
            let count = 0;
            const all = terms.getAll();
            all.onsuccess = () => {
              for (const row of all.result as { k: string; words?: string; wordEnds: Int32Array; ends: Int32Array; ids: Int32Array }[]) {
                if (row.words === undefined) continue;
                const object: Record<string, number[]> = {};
                for (let i = 0, from = 0; i < row.wordEnds.length; from = row.wordEnds[i]!, i++) {
                  object[row.words.slice(from, row.wordEnds[i])] = Array.from(row.ids.subarray(i ? row.ends[i - 1] : 0, row.ends[i]));
                }
                terms.put({ k: row.k, terms: object });
                count++;
              }
              tx.objectStore('meta').put({ key: 'termsVersion', value: 13 });
            };
            tx.oncomplete = () => {
              db.close();
              resolve(count);
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    expect(rewritten).toBeGreaterThan(10);

    // The next start of the worker (and of the panel) finds postings of another version: rebuilt.
    const page = await harness.open(PAGES.arxivListing);
    await harness.currentWorker();
    const panel = await harness.openPanel(await harness.tabId(page));
    await panel.getByTestId('search').fill('upgrade shelves');
    await expect.poll(() => panel.getByTestId('search-hit').allTextContents()).toEqual([expect.stringContaining(OLD_NOTE.title)]);
    const forms = () =>
      origin.evaluate(
        () =>
          new Promise<{ objects: number; columns: number; version: unknown }>((resolve, reject) => {
            const open = indexedDB.open('paper-notes');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction(['terms', 'meta'], 'readonly');
              const rows = tx.objectStore('terms').getAll();
              const version = tx.objectStore('meta').get('termsVersion');
              tx.oncomplete = () => {
                db.close();
                const all = rows.result as { terms?: object; ids?: unknown }[];
                resolve({ objects: all.filter((r) => r.terms).length, columns: all.filter((r) => r.ids instanceof Int32Array).length, version: version.result?.value });
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
      );
    await expect.poll(forms, { timeout: 10_000 }).toEqual({ objects: 0, columns: rewritten, version: TERMS_VERSION });
    await panel.getByTestId('search').fill('chunked prefills');
    await expect.poll(() => panel.getByTestId('search-hit').count()).toBeGreaterThan(0);
    await Promise.all([page.close(), panel.close(), origin.close()]);
  });
});

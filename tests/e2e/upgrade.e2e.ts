import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});

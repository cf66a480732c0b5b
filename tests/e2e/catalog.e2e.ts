import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionHarness } from './extension';
import { PAGES, serveFixtures } from './routes';
import { saveScreenshot } from './screenshots';

let harness: ExtensionHarness;

beforeAll(async () => {
  harness = await ExtensionHarness.launch(serveFixtures);
});
afterAll(async () => harness?.close());

describe('the bundled catalog in a fresh profile', () => {
  it('shows the team’s notes on the Sarathi-Serve USENIX page with no user action', async () => {
    const page = await harness.open(PAGES.usenixSarathi);
    const tabId = await harness.tabId(page);
    await harness.waitForBadge(tabId, (b) => b.text === '✓');
    const panel = await harness.openPanel(tabId);
    await expect.poll(() => panel.getByTestId('note-body').textContent()).toContain('Chunked-prefills: split a prefill request into near equal-sized chunks');
    expect(await panel.getByTestId('paper-venue').textContent()).toBe('OSDI 2024');
    expect(await panel.getByTestId('paper-topic').textContent()).toContain('Large Language Models (LLMs)');
    expect(await panel.getByTestId('paper-affiliations').textContent()).toBe('MSR India & GaTech');
    expect(await panel.getByText('From the reading-notes catalog').count()).toBe(1);
    // The venue page's Meta Info and References, carried from the catalog.
    expect(await panel.getByTestId('venue-acceptance').textContent()).toBe('Acceptance rate: 19.2% (= 53 / 276)');
    expect(await panel.getByTestId('venue-info').getByRole('link', { name: 'Homepage' }).getAttribute('href')).toBe('https://www.usenix.org/conference/osdi24');
    await panel.setViewportSize({ width: 420, height: 640 });
    await saveScreenshot(panel, 'panel-note.png');
    await panel.getByTestId('venue-info').getByText('References').click();
    await expect.poll(() => panel.getByTestId('venue-references').textContent()).toContain('Notes from SJTU IPADS');
    await Promise.all([page.close(), panel.close()]);
  });

  it('shows the note the worker found for the tab while its own lookup waits, then the database’s', async () => {
    const page = await harness.open(PAGES.usenixSarathi);
    const tabId = await harness.tabId(page);
    await harness.waitForBadge(tabId, (b) => b.text === '✓');
    // The tab's kept note is given other text, and a write transaction of the worker's holds the
    // papers: whatever the panel shows before it ends can only come from the tab's state.
    await harness.worker.evaluate(async (key) => {
      const state = (await chrome.storage.session.get(key))[key] as { found: { record: { note: string } } };
      state.found.record.note = 'Kept with the tab.';
      await chrome.storage.session.set({ [key]: state });
    }, `tab:${tabId}`);
    await harness.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('paper-notes');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction(['shelves', 'terms'], 'readwrite').objectStore('terms');
            const hold = () => {
              if ((globalThis as { releaseHold?: boolean }).releaseHold) open.result.close();
              else store.get(0).onsuccess = hold;
            };
            hold();
            resolve();
          };
        }),
    );
    const release = () => harness.worker.evaluate(() => void ((globalThis as { releaseHold?: boolean }).releaseHold = true));
    const panel = await harness.openPanel(tabId);
    const shown = async () => (await panel.getByTestId('note-body').textContent())?.trim();
    try {
      await expect.poll(shown).toBe('Kept with the tab.');
      await new Promise((r) => setTimeout(r, 500));
      expect(await shown()).toBe('Kept with the tab.');
    } finally {
      await release();
    }
    await expect.poll(() => panel.getByTestId('note-body').textContent()).toContain('Chunked-prefills');
    await Promise.all([page.close(), panel.close()]);
  });

  it('shows the same note on the arXiv page of the same title, and remembers the match', async () => {
    const usenix = await harness.open(PAGES.usenixSarathi);
    const usenixPanel = await harness.openPanel(await harness.tabId(usenix));
    await expect.poll(() => usenixPanel.getByTestId('note-screen').count()).toBe(1);
    const id = await usenixPanel.getByTestId('note-screen').getAttribute('data-note-id');
    expect(id).toMatch(/^cat:osdi-2024\//);

    const arxiv = await harness.open(PAGES.arxivAbs);
    const arxivTab = await harness.tabId(arxiv);
    await harness.waitForBadge(arxivTab, (b) => b.text === '✓');
    const arxivPanel = await harness.openPanel(arxivTab);
    await expect.poll(() => arxivPanel.getByTestId('note-screen').getAttribute('data-note-id')).toBe(id);
    expect(await arxivPanel.getByTestId('note-body').textContent()).toContain('Chunked-prefills');
    // The title match recorded the arXiv id on the note: the PDF, which has no title, finds it.
    expect(await arxivPanel.getByTestId('id-arXiv').textContent()).toContain('2403.02310');
    const pdf = await harness.context.newPage();
    await pdf.goto(PAGES.arxivPdf).catch(() => {});
    await harness.waitForBadge(await harness.tabId(pdf), (b) => b.text === '✓');
    await Promise.all([usenix.close(), usenixPanel.close(), arxiv.close(), arxivPanel.close(), pdf.close()]);
  });

  it('lists every venue of the navigation in the library, papers or not', async () => {
    const page = await harness.open(PAGES.arxivListing);
    const panel = await harness.openPanel(await harness.tabId(page));
    await expect.poll(() => panel.locator('details[data-venue="OSDI 2024"] summary').textContent()).toContain('(26)');
    expect(await panel.locator('details[data-venue="ICML 2025"] summary').textContent()).toContain('(0)');
    expect(await panel.locator('details[data-venue="IEEE Transactions on Cloud Computing 2021"] summary').textContent()).toContain('(1)');
    await panel.getByRole('tab', { name: 'By topic' }).click();
    await expect.poll(() => panel.locator('details[data-facet="Systems for ML/Model Serving"]').count()).toBe(1);
    await panel.getByRole('tab', { name: 'By venue' }).click();
    await panel.getByTestId('search').fill('kv cache');
    await expect.poll(() => panel.getByTestId('search-hit').count()).toBeGreaterThan(1);
    await panel.setViewportSize({ width: 420, height: 640 });
    await saveScreenshot(panel, 'panel-search.png');
    await Promise.all([page.close(), panel.close()]);
  });
});

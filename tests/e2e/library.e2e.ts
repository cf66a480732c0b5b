import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportZip } from '../../lib/export/files';
import { defaultVenue } from '../../lib/library/types';
import { emptyFields } from '../../lib/notes/derive';
import { ExtensionHarness } from './extension';
import { PAGES, serveFixtures } from './routes';

let harness: ExtensionHarness;

beforeAll(async () => {
  harness = await ExtensionHarness.launch(serveFixtures);
});
afterAll(async () => harness?.close());

/** Imports papers through the options page, as a user does with a .zip. */
async function importPapers(papers: ReturnType<typeof emptyFields>[], venue: string) {
  const page = await harness.context.newPage();
  await page.goto(harness.url('options.html'));
  await page.getByTestId('import-files').setInputFiles({ name: 'many.zip', mimeType: 'application/zip', buffer: Buffer.from(exportZip({ venues: [defaultVenue(venue)], topics: [], papers })) });
  await expect.poll(() => page.getByTestId('import-counts').textContent(), { timeout: 30_000 }).toMatch(new RegExp(`${papers.length} new`));
  await page.getByTestId('import-apply').click();
  await expect.poll(() => page.getByTestId('import-done').textContent(), { timeout: 30_000 }).toContain(`${papers.length} new`);
  await page.close();
}

/** The panel of a tab that shows no paper with a note, on its Library tab. */
async function library(): Promise<Page> {
  const page = await harness.open(PAGES.usenixWorkshop);
  const panel = await harness.openPanel(await harness.tabId(page));
  await panel.getByTestId('tab-library').click();
  await expect.poll(() => panel.getByTestId('library').count()).toBe(1);
  return panel;
}

const focused = (panel: Page) => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent ?? null);
const topOf = (panel: Page, title: string) => panel.getByRole('button', { name: title, exact: true }).evaluate((button) => Math.round(button.getBoundingClientRect().top));

describe('the library with thousands of notes', () => {
  it('lists a venue of 2,000 papers a page at a time, and comes back from a note to the paper opened, where it stood, from the keyboard', async () => {
    const papers = Array.from({ length: 2_000 }, (_, i) => emptyFields({ title: `Crowded Venue Paper ${i}`, venue: 'SOSP 2019', year: 2019, topic: 'Crowds', note: `* Note <b>${i}</b> &amp; more.\n` }));
    await importPapers(papers, 'SOSP 2019');
    const panel = await library();
    const venue = panel.locator('details[data-venue="SOSP 2019"]');
    await expect.poll(() => venue.locator('summary').textContent()).toContain('(2,000)');
    // Opened from the keyboard.
    await venue.locator('summary').focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => venue.getByTestId('open-paper').count()).toBe(200);
    await venue.getByTestId('more-papers').focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => venue.getByTestId('open-paper').count()).toBe(400);
    expect(await focused(panel)).toBe('Crowded Venue Paper 200');

    const title = 'Crowded Venue Paper 310';
    await panel.getByRole('button', { name: title, exact: true }).scrollIntoViewIfNeeded();
    await panel.evaluate(() => window.scrollBy(0, -200));
    const top = await topOf(panel, title);
    expect(await panel.evaluate(() => window.scrollY)).toBeGreaterThan(5_000);
    await panel.getByRole('button', { name: title, exact: true }).focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.getByTestId('paper-title').textContent()).toBe(title);
    await panel.getByTestId('back').focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => focused(panel)).toBe(title);
    expect(Math.abs((await topOf(panel, title)) - top)).toBeLessThanOrEqual(2);
    expect(await venue.getByTestId('open-paper').count()).toBe(400);

    // The search: its count said, more on request, and the same hits on coming back.
    await panel.getByTestId('search').fill('crowded');
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('50 of 2,000 papers');
    const snippets = await panel.locator('.snippet').allTextContents();
    expect(snippets[0]).toMatch(/^Note \d+ & more\.$/);
    await panel.getByTestId('search-more').click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('100 of 2,000 papers');
    const hit = panel.getByTestId('search-hit').nth(80);
    const hitTitle = (await hit.textContent())!;
    await hit.click();
    await expect.poll(() => panel.getByTestId('paper-title').textContent()).toBe(hitTitle);
    await panel.getByTestId('back').click();
    await expect.poll(() => focused(panel)).toBe(hitTitle);
    expect(await panel.getByTestId('search').inputValue()).toBe('crowded');
    expect(await panel.getByTestId('search-hit').count()).toBe(100);
    // Cleared, the search gives back the venue as it was.
    await panel.getByTestId('search').fill('');
    await expect.poll(() => venue.getByTestId('open-paper').count()).toBe(400);
    await panel.close();
  });

  it('shows why a paper was found when the words are in its affiliations', async () => {
    const panel = await library();
    await panel.getByTestId('search').fill('gatech');
    const sarathi = panel.locator('[data-testid=search-results] li', { hasText: 'Sarathi-Serve' });
    await expect.poll(() => sarathi.count()).toBe(1);
    expect(await sarathi.locator('.meta').textContent()).toContain('MSR India & GaTech');
    expect(await sarathi.locator('.meta mark').allTextContents()).toEqual(['GaTech']);
    await panel.close();
  });
});

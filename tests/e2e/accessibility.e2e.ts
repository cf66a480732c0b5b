import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionHarness } from './extension';
import { PAGES, serveFixtures } from './routes';

let harness: ExtensionHarness;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  harness = await ExtensionHarness.launch(serveFixtures);
});
afterAll(async () => harness?.close());

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/** axe-core's WCAG 2 A and AA rules over the page as it is now: each violation with where it is. */
async function violations(page: Page): Promise<string[]> {
  // Through the DevTools protocol, which the extension pages' CSP does not apply to.
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })).violations;
  });
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}: ${n.failureSummary}`));
}

describe('accessibility (axe-core, WCAG 2.1 A and AA, best practices)', () => {
  it('the panel: a note, its editor, a paper with none, and the library with search results', async () => {
    const page = await harness.open(PAGES.usenixSarathi);
    const panel = await harness.openPanel(await harness.tabId(page));
    await expect.poll(() => panel.getByTestId('note-body').count()).toBe(1);
    expect(await violations(panel)).toEqual([]);
    // The dark palette's contrast too.
    await panel.emulateMedia({ colorScheme: 'dark' });
    expect(await violations(panel)).toEqual([]);
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.getByTestId('edit-note-button').click();
    await expect.poll(() => panel.locator('textarea').count()).toBeGreaterThan(0);
    expect(await violations(panel)).toEqual([]);

    const none = await harness.open(PAGES.usenixWorkshop);
    const nonePanel = await harness.openPanel(await harness.tabId(none));
    await expect.poll(() => nonePanel.getByTestId('no-note').count()).toBe(1);
    expect(await violations(nonePanel)).toEqual([]);
    // The view tabs from the keyboard: the arrow keys move between them.
    await nonePanel.getByTestId('tab-page').focus();
    await nonePanel.keyboard.press('ArrowRight');
    await expect.poll(() => nonePanel.getByTestId('library').count()).toBe(1);
    expect(await nonePanel.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('tab-library');
    await nonePanel.getByTestId('search').fill('kv cache');
    await expect.poll(() => nonePanel.getByTestId('search-hit').count()).toBeGreaterThan(0);
    expect(await violations(nonePanel)).toEqual([]);
    await Promise.all([page.close(), panel.close(), none.close(), nonePanel.close()]);
  });

  it('the options page, with an import preview', async () => {
    const page = await harness.context.newPage();
    await page.goto(harness.url('options.html'));
    await expect.poll(() => page.getByTestId('choose-files').count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    const venue = '# SOSP 2023\n\n## Papers\n\n### A11y\n\n* A Paper \\[[Paper]()]\n  * Somewhere\n  * A note.\n';
    await page.getByTestId('import-files').setInputFiles([
      { name: 'sosp-2023.md', mimeType: 'text/markdown', buffer: Buffer.from(venue) },
      { name: 'broken.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ndescription: never closed\n# Broken\n') },
    ]);
    await expect.poll(() => page.getByTestId('import-preview').count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});

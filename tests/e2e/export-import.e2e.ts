import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
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

async function options(): Promise<Page> {
  const page = await harness.context.newPage();
  await page.goto(harness.url('options.html'));
  return page;
}

async function downloaded(page: Page, testId: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync((await download.path())!);
}

const VENUE_PAGE = [
  '# NSDI 2023',
  '',
  '## Papers',
  '',
  '### Fixtures',
  '',
  '* Quokka: Fictional Fixture Paper for Paper Notes Tests \\[[Paper](https://www.usenix.org/conference/nsdi23/presentation/quokka)]',
  '  * Example University & Sample Labs',
  '  * Imported bullet that must not replace the user’s note.',
  '* An Imported Paper About Scheduling \\[[Code](https://github.com/example/sched_(v2))]',
  '  * Somewhere & Elsewhere',
  '  * Imported note text.',
  '',
].join('\n');

describe('export and import in Chromium', () => {
  it('downloads the library as a GitBook .zip, one Markdown file and a JSON backup', async () => {
    // A note of the user's own, beside the catalog.
    const tab = await harness.open(PAGES.usenixQuokka);
    const panel = await harness.openPanel(await harness.tabId(tab));
    await panel.getByTestId('create-note').click();
    await panel.getByTestId('quick-add').fill('The user’s own note');
    await panel.getByTestId('quick-add').press('Enter');
    await expect.poll(() => panel.getByTestId('note-body').textContent()).toContain('The user’s own note');

    const page = await options();
    const zip = unzipSync(new Uint8Array(await downloaded(page, 'export-zip')));
    const osdi = strFromU8(zip['paper-notes/reading-notes/conference/osdi-2024.md']!);
    expect(osdi).toContain('# OSDI 2024\n\n## Meta Info');
    expect(osdi).toContain('* Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve \\[[Paper]()] \\[[Code]()]\n  * MSR India & GaTech');
    expect(strFromU8(zip['paper-notes/SUMMARY.md']!)).toContain('* [NSDI 2023](reading-notes/conference/nsdi-2023/README.md)');
    const quokka = Object.entries(zip).find(([path]) => path.includes('nsdi-2023/quokka'))!;
    expect(strFromU8(quokka[1])).toContain('Presented in NSDI 2023.');
    expect(strFromU8(quokka[1])).toContain('* The user’s own note');

    const markdown = (await downloaded(page, 'export-md')).toString('utf8');
    expect(markdown.startsWith('<!-- paper-notes file: SUMMARY.md -->')).toBe(true);
    expect(markdown).toContain('<!-- paper-notes file: reading-notes/conference/osdi-2024.md -->');

    const backup = JSON.parse((await downloaded(page, 'export-json')).toString('utf8'));
    expect(backup).toMatchObject({ format: 'paper-notes-backup', version: 1 });
    expect(backup.papers.find((p: { title: string }) => p.title.startsWith('Quokka'))).toMatchObject({ venue: 'NSDI 2023', usenixKey: 'nsdi23/quokka', origin: 'user' });
    expect(backup.papers.length).toBeGreaterThan(89);

    // One note from the panel, as a per-paper page.
    const page2 = await downloaded(panel, 'download-page');
    expect(page2.toString('utf8')).toMatch(/^# Quokka: Fictional Fixture Paper for Paper Notes Tests\n\n## Meta Info\n\nPresented in NSDI 2023\.\n\nAuthors: Ada Fixture, Bo Testcase/);
    // The same page through the clipboard.
    await harness.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await panel.bringToFront();
    await panel.getByTestId('copy-markdown').click();
    await expect.poll(() => panel.evaluate(() => navigator.clipboard.readText())).toBe(page2.toString('utf8'));
    expect(await panel.getByTestId('page-action-done').textContent()).toBe('Copied as Markdown.');
    await Promise.all([tab.close(), panel.close(), page.close()]);
  });

  it('imports through the page: preview first, the user’s note kept, new notes added', async () => {
    const page = await options();
    const files = [
      { name: 'nsdi-2023.md', mimeType: 'text/markdown', buffer: Buffer.from(VENUE_PAGE) },
      { name: 'broken.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ndescription: never closed\n# Broken\n') },
    ];
    await page.getByTestId('import-files').setInputFiles(files);
    await expect.poll(() => page.getByTestId('import-preview').isVisible()).toBe(true);
    expect(await page.getByTestId('import-counts').textContent()).toMatch(/1 new.*0 updated.*1 conflicting/);
    expect(await page.getByTestId('import-errors').textContent()).toContain('broken.md:1');
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(true);
    await page.getByTestId('skip-invalid').check();
    await page.getByTestId('import-apply').click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('1 new, 0 updated, 1 of your notes kept');

    const tab = await harness.open(PAGES.usenixQuokka);
    const panel = await harness.openPanel(await harness.tabId(tab));
    await expect.poll(() => panel.getByTestId('note-body').textContent()).toContain('The user’s own note');
    expect(await panel.getByTestId('note-body').textContent()).not.toContain('Imported bullet');
    await panel.getByTestId('tab-library').click();
    await panel.getByTestId('search').fill('imported scheduling');
    await expect.poll(() => panel.getByTestId('search-hit').count()).toBe(1);
    await Promise.all([tab.close(), panel.close(), page.close()]);
  });

  it('makes the preview again when notes changed since it, and then imports', async () => {
    const page = await options();
    const venue = '# SOSP 2023\n\n## Papers\n\n### Stale\n\n* A Paper Previewed Before a Note Was Made \\[[Paper]()]\n  * Preview & Co\n  * Imported after the preview was made again.\n';
    await page.getByTestId('import-files').setInputFiles({ name: 'sosp-2023.md', mimeType: 'text/markdown', buffer: Buffer.from(venue) });
    await expect.poll(() => page.getByTestId('import-counts').textContent()).toMatch(/^1 new/);
    // Meanwhile, a note made in the panel.
    const tab = await harness.open(PAGES.usenixWorkshop);
    const panel = await harness.openPanel(await harness.tabId(tab));
    await panel.getByTestId('create-note').click();
    await expect.poll(() => panel.getByTestId('note-screen').count()).toBe(1);

    await page.getByTestId('import-apply').click();
    await expect.poll(() => page.getByTestId('options-error').textContent()).toContain('made again from the same files');
    expect(await page.getByTestId('import-counts').textContent()).toMatch(/^1 new/);
    await page.getByTestId('import-apply').click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('1 new');
    expect(await page.getByTestId('options-error').count()).toBe(0);
    await Promise.all([tab.close(), panel.close(), page.close()]);
  });

  it('is reached from the keyboard, and takes the same file picked again', async () => {
    const page = await options();
    const file = { name: 'nsdi-2023.md', mimeType: 'text/markdown', buffer: Buffer.from(VENUE_PAGE) };
    // Tab from the last export button reaches the import buttons.
    await page.getByTestId('export-json').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('choose-files');
    for (let pick = 0; pick < 2; pick++) {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('choose-files').press('Enter')]);
      await chooser.setFiles(file);
      await expect.poll(() => page.getByTestId('import-preview').count()).toBe(1);
      await page.getByTestId('import-cancel').click();
      await expect.poll(() => page.getByTestId('import-preview').count()).toBe(0);
    }
    await page.close();
  });

  it('imports a dropped .zip, and says why a damaged one is refused', async () => {
    const page = await options();
    const zip = zipSync({ 'notes/SUMMARY.md': strToU8('# Table of contents\n\n* [Reading Notes](reading-notes/README.md)\n  * [Conference](reading-notes/conference/README.md)\n    * [EuroSys 2025](reading-notes/conference/eurosys-2025.md)\n'), 'notes/reading-notes/conference/eurosys-2025.md': strToU8('# EuroSys 2025\n\n## Papers\n\n### Dropped\n\n* A Dropped Paper \\[[Paper]()]\n  * Drop & Zone\n  * Came in by drag and drop.\n') });
    const drop = async (name: string, bytes: Uint8Array) => {
      const transfer = await page.evaluateHandle(
        ({ name, data }) => {
          const t = new DataTransfer();
          t.items.add(new File([new Uint8Array(data)], name, { type: 'application/zip' }));
          return t;
        },
        { name, data: [...bytes] },
      );
      await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
    };
    await drop('notes.zip', zip.slice(0, zip.length - 40));
    await expect.poll(() => page.getByTestId('import-errors').textContent()).toMatch(/notes\.zip\s+the zip file is damaged or incomplete/);
    await drop('notes.zip', zip);
    await expect.poll(() => page.getByTestId('import-counts').textContent()).toMatch(/1 new/);
    await page.getByTestId('import-apply').click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('1 new');
    await page.close();
  });

  it('exports a library of more shelves than one read takes whole, each paper’s page with its venue’s homepage, text as typed', async () => {
    // 2,100 papers with authors (so each has a page of its own): 66 shelves, past one page of 64.
    const venue = { ...defaultVenue('SOSP 2019'), homepage: 'https://sosp19.rcs.uvic.ca/' };
    const papers = Array.from({ length: 2_100 }, (_, i) => emptyFields({ title: `Shelved Paper Number ${i}`, venue: 'SOSP 2019', year: 2019, authors: ['Ada Fixture'], note: `* Note of paper ${i}.\n` }));
    // An entity typed as text comes back as typed, not as the space GitBook means by it.
    papers[7]!.affiliations = 'R&nbsp;D Labs & AT&T';
    const page = await options();
    await page.getByTestId('import-files').setInputFiles({ name: 'many.zip', mimeType: 'application/zip', buffer: Buffer.from(exportZip({ venues: [venue], topics: [], papers })) });
    await expect.poll(() => page.getByTestId('import-counts').textContent(), { timeout: 30_000 }).toMatch(/2100 new/);
    await page.getByTestId('import-apply').click();
    await expect.poll(() => page.getByTestId('import-done').textContent(), { timeout: 30_000 }).toContain('2100 new');

    const zip = unzipSync(new Uint8Array(await downloaded(page, 'export-zip')));
    const pages = Object.entries(zip).filter(([path]) => path.startsWith('paper-notes/reading-notes/conference/sosp-2019/shelved-paper-number-'));
    expect(pages).toHaveLength(2_100);
    for (const i of [0, 2_047, 2_048, 2_099]) {
      const text = strFromU8(zip[`paper-notes/reading-notes/conference/sosp-2019/shelved-paper-number-${i}.md`]!);
      expect(text).toContain(`# Shelved Paper Number ${i}\n`);
      expect(text).toContain('Presented in [SOSP 2019](https://sosp19.rcs.uvic.ca/).');
      expect(text).toContain(`* Note of paper ${i}.`);
    }
    expect(strFromU8(zip['paper-notes/reading-notes/conference/sosp-2019/shelved-paper-number-7.md']!)).toContain('Affiliations: R\\&nbsp;D Labs & AT&T');
    const backup = JSON.parse((await downloaded(page, 'export-json')).toString('utf8'));
    expect(backup.papers.find((p: { title: string }) => p.title === 'Shelved Paper Number 7').affiliations).toBe('R&nbsp;D Labs & AT&T');
    const markdown = (await downloaded(page, 'export-md')).toString('utf8');
    expect(markdown.match(/<!-- paper-notes file: reading-notes\/conference\/sosp-2019\/shelved-paper-number-\d+\.md -->/g)).toHaveLength(2_100);
    await page.close();
  });
  it('restores a backup as it was made: a catalog note deleted in it is deleted here too, the preview saying so first', async () => {
    const tab = await harness.open(PAGES.usenixSarathi);
    const tabId = await harness.tabId(tab);
    const panel = await harness.openPanel(tabId);
    await expect.poll(() => panel.getByTestId('note-screen').count()).toBe(1);
    await panel.getByTestId('delete-note').click();
    await panel.getByTestId('delete-note-confirm').click();
    await expect.poll(() => panel.getByTestId('no-note').count()).toBe(1);

    const page = await options();
    page.on('dialog', (d) => void d.accept());
    const backup = await downloaded(page, 'export-json');
    expect(JSON.parse(backup.toString('utf8')).deletedCatalogIds).toEqual([expect.stringContaining('sarathi-serve')]);
    // The note back from its snapshot: the backup still says it was deleted.
    await page.getByTestId('snapshots').locator('li').filter({ hasText: 'Deleted “' }).getByTestId('restore-snapshot').click();
    await expect.poll(() => panel.getByTestId('note-screen').count()).toBe(1);

    await page.getByTestId('import-files').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
    await expect.poll(() => page.getByTestId('import-removals').textContent()).toMatch(/^1 deleted/);
    await page.getByTestId('import-apply').click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('1 deleted as in the backup');
    await expect.poll(() => panel.getByTestId('no-note').count()).toBe(1);
    await harness.waitForBadge(tabId, (b) => b.text === '+');
    await Promise.all([tab.close(), panel.close(), page.close()]);
  });
});

import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '../fixtures/xss';
import { ExtensionHarness } from './extension';
import { PAGES, serveFixtures } from './routes';

let harness: ExtensionHarness;

beforeAll(async () => {
  harness = await ExtensionHarness.launch(serveFixtures);
});
afterAll(async () => harness?.close());

/** Opens a paper page and its panel, as the toolbar button would for that tab. */
async function openWithPanel(url: string): Promise<{ page: Page; panel: Page; tabId: number }> {
  const page = await harness.open(url);
  const tabId = await harness.tabId(page);
  await harness.waitForBadge(tabId, (b) => b.text !== '');
  const panel = await harness.openPanel(tabId);
  return { page, panel, tabId };
}

async function editAndSave(panel: Page, text: string) {
  await panel.getByTestId('edit-note-button').click();
  await panel.getByTestId('edit-note').fill(text);
  await panel.getByTestId('save').click();
  await expect.poll(() => panel.getByTestId('note-editor').count()).toBe(0);
}

const noteText = (panel: Page) => panel.getByTestId('note-body').textContent();

describe('notes in the side panel', () => {
  it('creates a note for a paper that has none, edits it, and keeps it across reloads', async () => {
    const { page, panel, tabId } = await openWithPanel(PAGES.usenixQuokka);
    await panel.getByTestId('create-note').click();
    await expect.poll(() => panel.getByTestId('note-screen').count()).toBe(1);
    expect(await panel.getByTestId('paper-venue').textContent()).toBe('NSDI 2023');
    expect(await panel.getByTestId('paper-authors').textContent()).toContain('Ada Fixture');
    await harness.waitForBadge(tabId, (b) => b.text === '✓');

    await editAndSave(panel, '* **Quokka** keeps notes\n  * nested point');
    expect(await noteText(panel)).toContain('Quokka keeps notes');
    // Tags typed key by key, as a person types them: commas and spaces stay in the field.
    await panel.getByTestId('edit-note-button').click();
    await panel.getByTestId('edit-tags').pressSequentially('machine learning, serving');
    expect(await panel.getByTestId('edit-tags').inputValue()).toBe('machine learning, serving');
    await panel.getByTestId('save').click();
    await expect.poll(() => panel.getByTestId('paper-tags').textContent()).toMatch(/machine learning.*serving/);
    // The library lists the note under each of its tags.
    await panel.getByTestId('tab-library').click();
    await panel.getByTestId('browse-tag').click();
    await panel.locator('details[data-facet="serving"] summary').click();
    await expect.poll(() => panel.locator('details[data-facet="serving"] [data-testid=open-paper]').allTextContents()).toEqual(['Quokka: Fictional Fixture Paper for Paper Notes Tests']);
    expect(await panel.locator('details[data-facet="machine learning"] summary').textContent()).toContain('(1)');
    await panel.locator('details[data-facet="serving"] [data-testid=open-paper]').click();
    await expect.poll(() => panel.getByTestId('paper-title').textContent()).toBe('Quokka: Fictional Fixture Paper for Paper Notes Tests');

    await panel.reload();
    await expect.poll(() => noteText(panel)).toContain('nested point');
    await panel.close();
    const again = await harness.openPanel(tabId);
    await expect.poll(() => noteText(again)).toContain('Quokka keeps notes');
    await Promise.all([page.close(), again.close()]);
  });

  it('quick-adds a bullet that every open panel shows at once', async () => {
    const { page, panel, tabId } = await openWithPanel(PAGES.usenixSarathi);
    const second = await harness.openPanel(tabId);
    await expect.poll(() => second.getByTestId('note-screen').count()).toBe(1);
    await panel.getByTestId('quick-add').fill('Stall-free scheduling, added quickly');
    await panel.getByTestId('quick-add').press('Enter');
    await expect.poll(() => noteText(panel)).toContain('Stall-free scheduling, added quickly');
    await expect.poll(() => noteText(second)).toContain('Stall-free scheduling, added quickly');
    expect(await panel.getByTestId('quick-add').inputValue()).toBe('');
    // Typed Markdown that would make the bullet a heading, or a rule, shows as typed.
    const lastBullet = () => panel.locator('[data-testid=note-body] > ul > li').last().textContent();
    // A line pasted whole is added whole (the field cut it at 2,000 characters, saying nothing).
    for (const typed of ['# Design, as typed', '* *', `A pasted line: ${'word '.repeat(2000).trim()}`]) {
      await panel.getByTestId('quick-add').fill(typed);
      await panel.getByTestId('quick-add').press('Enter');
      await expect.poll(lastBullet).toBe(typed);
    }
    expect(await panel.locator('[data-testid=note-body] :is(h1, hr)').count()).toBe(0);
    await Promise.all([page.close(), panel.close(), second.close()]);
  });

  it('adds a selection through the context-menu item as a quoted bullet', async () => {
    const page = await harness.open(PAGES.usenixNoMeta);
    const tabId = await harness.tabId(page);
    await harness.waitForBadge(tabId, (b) => b.text === '+');
    const exists = await harness.worker.evaluate(() =>
      chrome.contextMenus.update('add-selection-to-note', {}).then(
        () => true,
        () => false,
      ),
    );
    expect(exists).toBe(true);
    await harness.worker.evaluate(
      ({ tabId, url }) =>
        (globalThis as unknown as { paperNotesTesting: { menuClick: (i: object, t: object) => Promise<void> } }).paperNotesTesting.menuClick(
          { menuItemId: 'add-selection-to-note', selectionText: 'A selected sentence,\n on two lines: List<String> takes 2*n and 3*m steps.' },
          { id: tabId, url },
        ),
      { tabId, url: PAGES.usenixNoMeta },
    );
    await harness.waitForBadge(tabId, (b) => b.text === '✓');
    const panel = await harness.openPanel(tabId);
    // Shown as it read on the page: page text, not Markdown or HTML.
    await expect.poll(() => panel.locator('[data-testid=note-body] blockquote').textContent()).toContain('A selected sentence, on two lines: List<String> takes 2*n and 3*m steps.');
    await Promise.all([page.close(), panel.close()]);
  });

  it('makes no note from the context-menu item on a talk’s page, whose URL looks like a paper’s', async () => {
    const page = await harness.open(PAGES.usenixTalk);
    const tabId = await harness.tabId(page);
    const click = ({ tabId, url }: { tabId: number; url: string }) =>
      (globalThis as unknown as { paperNotesTesting: { menuClick: (i: object, t: object) => Promise<void> } }).paperNotesTesting.menuClick(
        { menuItemId: 'add-selection-to-note', selectionText: 'What the speaker said.' },
        { id: tabId, url },
      );
    await harness.worker.evaluate(click, { tabId, url: PAGES.usenixTalk });
    const notesWithKey = await harness.worker.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('paper-notes');
          open.onsuccess = () => {
            // Papers are kept on shelves, each a list of papers as JSON (lib/db/shelves.ts).
            const all = open.result.transaction('shelves').objectStore('shelves').getAll();
            const papers = () => all.result.flatMap((shelf: { papers: (string | null)[] }) => shelf.papers.flatMap((json) => (json ? [JSON.parse(json) as { usenixKey?: string }] : [])));
            all.onsuccess = () => (open.result.close(), resolve(papers().filter((p) => p.usenixKey === 'enigma2024/riley').length));
            all.onerror = () => reject(all.error);
          };
        }),
    );
    expect(notesWithKey).toBe(0);
    expect((await harness.badge(tabId)).text).toBe('');
    await page.close();
  });

  it('keeps a draft when the panel closes, and resumes it', async () => {
    const { page, panel, tabId } = await openWithPanel(PAGES.usenixQuokka);
    await panel.getByTestId('edit-note-button').click();
    await panel.getByTestId('edit-note').fill('* an unsaved thought');
    await panel.waitForTimeout(600);
    await panel.close();
    const again = await harness.openPanel(tabId);
    await again.getByTestId('resume-draft').click();
    expect(await again.getByTestId('edit-note').inputValue()).toBe('* an unsaved thought');
    // Escape asks before it drops the unsaved edit: "Keep editing" is the answer it opens on.
    await again.getByTestId('edit-note').press('Escape');
    await expect.poll(() => again.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('cancel-keep');
    await again.getByTestId('cancel-discard').click();
    await expect.poll(() => again.getByTestId('note-editor').count()).toBe(0);
    await expect.poll(() => again.getByTestId('draft-notice').count()).toBe(0);
    await Promise.all([page.close(), again.close()]);
  });

  it('gives focus back as the editor and the delete question close, used from the keyboard', async () => {
    const { page, panel } = await openWithPanel(PAGES.usenixQuokka);
    const focused = () => panel.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
    await panel.getByTestId('edit-note-button').press('Enter');
    await expect.poll(focused).toBe('edit-note');
    await panel.getByTestId('cancel').press('Enter');
    await expect.poll(focused).toBe('edit-note-button');
    await panel.getByTestId('delete-note').press('Enter');
    await expect.poll(focused).toBe('delete-note-keep');
    await panel.keyboard.press('Enter');
    await expect.poll(focused).toBe('delete-note');
    expect(await panel.getByTestId('note-screen').count()).toBe(1);
    await Promise.all([page.close(), panel.close()]);
  });

  it('turns a save over a newer revision into a merge, never an overwrite', async () => {
    const { page, panel: a, tabId } = await openWithPanel(PAGES.usenixQuokka);
    const b = await harness.openPanel(tabId);
    await expect.poll(() => b.getByTestId('note-screen').count()).toBe(1);
    const start = (await noteText(a)) ?? '';
    expect(start).toContain('Quokka keeps notes');

    await a.getByTestId('edit-note-button').click();
    await b.getByTestId('edit-note-button').click();
    const base = await a.getByTestId('edit-note').inputValue();
    await a.getByTestId('edit-note').fill(`${base}\n* line from panel A`);
    await b.getByTestId('edit-note').fill(`* line from panel B\n${base}`);
    await a.getByTestId('save').click();
    await expect.poll(() => a.getByTestId('note-editor').count()).toBe(0);

    await expect.poll(() => b.getByTestId('conflict').count()).toBe(1);
    await b.getByTestId('save').click();
    await expect.poll(() => b.getByTestId('conflict').count()).toBe(1);
    await b.getByTestId('conflict-merge').click();
    // The merge is loaded on first use: wait for its result in the editor.
    await expect.poll(() => b.getByTestId('edit-note').inputValue()).toContain('line from panel A');
    expect(await b.getByTestId('edit-note').inputValue()).toContain('line from panel B');
    await b.getByTestId('save').click();
    await expect.poll(() => b.getByTestId('note-editor').count()).toBe(0);
    await expect.poll(() => noteText(a)).toContain('line from panel B');
    expect(await noteText(a)).toContain('line from panel A');
    await Promise.all([page.close(), a.close(), b.close()]);
  });

  it('saves an edit when only a visit changed the note meanwhile (the paper’s arXiv page recorded its id)', async () => {
    const { page, panel } = await openWithPanel(PAGES.usenixSarathi);
    await expect.poll(() => panel.getByTestId('note-screen').count()).toBe(1);
    expect(await panel.getByTestId('id-arXiv').count()).toBe(0);
    await panel.getByTestId('edit-note-button').click();
    const base = await panel.getByTestId('edit-note').inputValue();
    await panel.getByTestId('edit-note').fill(`${base}\n* written while the arXiv page opened`);

    // The same paper on arXiv, found by its title: the worker records its arXiv id on the note.
    const arxiv = await harness.open(PAGES.arxivAbs);
    await harness.waitForBadge(await harness.tabId(arxiv), (b) => b.text === '✓');
    await expect.poll(() => panel.getByTestId('id-arXiv').textContent()).toBe('2403.02310');
    expect(await panel.getByTestId('conflict').count()).toBe(0);
    await panel.getByTestId('save').click();
    await expect.poll(() => panel.getByTestId('note-editor').count()).toBe(0);
    expect(await noteText(panel)).toContain('written while the arXiv page opened');
    await Promise.all([page.close(), arxiv.close(), panel.close()]);
  });

  it('renders hostile notes inert', async () => {
    const { page, panel } = await openWithPanel(PAGES.usenixOld);
    const dialogs: string[] = [];
    panel.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await panel.getByTestId('create-note').click();
    await expect.poll(() => panel.getByTestId('note-screen').count()).toBe(1);
    const note = [
      '<img src=x onerror="alert(1)">',
      '[click me](javascript:alert(1))',
      '<script>alert(1)</script>',
      ...XSS_PAYLOADS.map((p) => `* ${p.replace(/\n/g, ' ')}`),
    ].join('\n\n');
    await editAndSave(panel, note);
    await panel.waitForTimeout(300);
    const report = await panel.evaluate(() => {
      const body = document.querySelector('[data-testid=note-body]')!;
      return {
        xss: (window as unknown as { __xss?: number }).__xss ?? null,
        handlers: [...body.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
        scripts: body.querySelectorAll('script, iframe, object, embed, form, base, meta').length,
        badLinks: [...body.querySelectorAll('[href], [src]')]
          .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
          .filter((v) => /^\s*(javascript|vbscript|data:text)/i.test(v)),
      };
    });
    expect(report).toEqual({ xss: null, handlers: [], scripts: 0, badLinks: [] });
    expect(dialogs).toEqual([]);
    await Promise.all([page.close(), panel.close()]);
  });

  it('deletes a note once confirmed, and the options page restores it', async () => {
    const { page, panel, tabId } = await openWithPanel(PAGES.usenixOld);
    await panel.locator('[data-testid=note-screen], [data-testid=no-note]').first().waitFor();
    if (await panel.getByTestId('no-note').count()) await panel.getByTestId('create-note').click();
    await expect.poll(() => panel.getByTestId('note-screen').count()).toBe(1);
    await panel.getByTestId('delete-note').click();
    await panel.getByTestId('delete-note-confirm').click();
    await expect.poll(() => panel.getByTestId('no-note').count()).toBe(1);
    // The deleted note's controls are gone: the focus is on what replaced them, not lost.
    expect(await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('create-note');
    await harness.waitForBadge(tabId, (b) => b.text === '+');

    const options = await harness.context.newPage();
    options.on('dialog', (d) => void d.accept());
    await options.goto(harness.url('options.html'));
    const deleted = options.getByTestId('snapshots').locator('li').filter({ hasText: 'Deleted “' });
    await expect.poll(() => deleted.count()).toBe(1);
    await deleted.getByTestId('restore-snapshot').click();
    await expect.poll(() => options.getByTestId('restored').count()).toBe(1);
    await expect.poll(() => panel.getByTestId('note-screen').count()).toBe(1);
    await harness.waitForBadge(tabId, (b) => b.text === '✓');
    await Promise.all([page.close(), panel.close(), options.close()]);
  });

  it('is a library off paper pages: browse by venue and search with highlights', async () => {
    const page = await harness.open(PAGES.arxivListing);
    const tabId = await harness.tabId(page);
    const panel = await harness.openPanel(tabId);
    await expect.poll(() => panel.getByTestId('library').isVisible()).toBe(true);
    expect(await panel.getByTestId('not-a-paper').textContent()).toContain('not a paper page');
    await panel.locator('details[data-venue="NSDI 2023"] > summary').click();
    await panel.getByRole('button', { name: /Quokka/ }).click();
    await expect.poll(() => noteText(panel)).toContain('Quokka keeps notes');
    await panel.getByTestId('back').click();
    // Quokka's note has tags, so it needs a page of its own: the venue comes as a folder with it.
    const nsdi = panel.locator('details[data-venue="NSDI 2023"]');
    if ((await nsdi.getAttribute('open')) === null) await nsdi.locator('> summary').click();
    const [download] = await Promise.all([panel.waitForEvent('download'), nsdi.getByTestId('download-venue').click()]);
    expect(download.suggestedFilename()).toBe('nsdi-2023.zip');
    const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.values(files).map((bytes) => strFromU8(bytes)).join('\n')).toContain('Quokka** keeps notes');

    await panel.getByTestId('search').fill('chunked prefills');
    await expect.poll(() => panel.getByTestId('search-hit').count()).toBeGreaterThan(0);
    expect(await panel.locator('[data-testid=search-results] mark').first().textContent()).toMatch(/chunked|prefills/i);
    await Promise.all([page.close(), panel.close()]);
  });

  it('finds a note written in Chinese by a word or a character inside a sentence, and marks it', async () => {
    const { page, panel } = await openWithPanel(PAGES.usenixSarathi);
    await panel.getByTestId('quick-add').fill('这篇论文提出了一种新的调度方法');
    await panel.getByTestId('quick-add').press('Enter');
    await expect.poll(() => noteText(panel)).toContain('新的调度方法');
    await panel.getByTestId('tab-library').click();
    await panel.getByTestId('search').fill('调度方法');
    await expect.poll(() => panel.getByTestId('search-hit').allTextContents()).toEqual([expect.stringContaining('Sarathi-Serve')]);
    expect(await panel.locator('[data-testid=search-results] mark').allTextContents()).toContain('调度方法');
    // One character, at the end of the sentence.
    await panel.getByTestId('search').fill('法');
    await expect.poll(() => panel.getByTestId('search-hit').allTextContents()).toEqual([expect.stringContaining('Sarathi-Serve')]);
    expect(await panel.locator('[data-testid=search-results] mark').allTextContents()).toContain('法');
    await Promise.all([page.close(), panel.close()]);
  });

  it('finds Korean by its syllables and half-width kana by the kana they stand for, and marks them as written', async () => {
    const { page, panel } = await openWithPanel(PAGES.usenixSarathi);
    await panel.getByTestId('quick-add').fill('한국어 요약: ｶﾞｲﾄﾞ');
    await panel.getByTestId('quick-add').press('Enter');
    await expect.poll(() => noteText(panel)).toContain('한국어 요약');
    await panel.getByTestId('tab-library').click();
    await panel.getByTestId('search').fill('한국');
    await expect.poll(() => panel.getByTestId('search-hit').allTextContents()).toEqual([expect.stringContaining('Sarathi-Serve')]);
    expect(await panel.locator('[data-testid=search-results] mark').allTextContents()).toContain('한국');
    await panel.getByTestId('search').fill('ガイド');
    await expect.poll(() => panel.getByTestId('search-hit').allTextContents()).toEqual([expect.stringContaining('Sarathi-Serve')]);
    expect(await panel.locator('[data-testid=search-results] mark').allTextContents()).toContain('ｶﾞｲﾄﾞ');
    // 하 is the first two letters of 한, but not a syllable of the note.
    await panel.getByTestId('search').fill('하');
    await expect.poll(() => panel.getByTestId('search-empty').count()).toBe(1);
    await Promise.all([page.close(), panel.close()]);
  });

  it('keeps an edit on screen when another panel deletes the note meanwhile', async () => {
    const { page, panel: a, tabId } = await openWithPanel(PAGES.usenixNoMeta);
    const b = await harness.openPanel(tabId);
    await b.getByTestId('edit-note-button').click();
    await b.getByTestId('edit-note').fill('* an edit the other panel does not know of');
    await a.getByTestId('delete-note').click();
    await a.getByTestId('delete-note-confirm').click();
    await expect.poll(() => a.getByTestId('no-note').count()).toBe(1);
    await expect.poll(() => b.getByTestId('deleted-edit').inputValue()).toBe('* an edit the other panel does not know of');
    expect(await b.getByTestId('no-note').count()).toBe(0);
    await b.getByTestId('deleted-edit-discard').click();
    await expect.poll(() => b.getByTestId('no-note').count()).toBe(1);
    await Promise.all([page.close(), a.close(), b.close()]);
  });

  it('keeps a pop-out on its note, and an edit open there, when the tab it is pinned to closes', async () => {
    const { page, panel, tabId } = await openWithPanel(PAGES.usenixSarathi);
    await panel.getByTestId('edit-note-button').click();
    await panel.getByTestId('edit-note').fill('* written in the pop-out');
    await page.close();
    // Once the worker has forgotten the closed tab, the editor is still there.
    await expect.poll(() => harness.worker.evaluate((key) => chrome.storage.session.get(key).then((got) => key in got), `tab:${tabId}`)).toBe(false);
    await panel.waitForTimeout(300);
    expect(await panel.getByTestId('edit-note').inputValue()).toBe('* written in the pop-out');
    await panel.getByTestId('save').click();
    await expect.poll(() => noteText(panel)).toContain('written in the pop-out');
    await panel.close();
  });

  it('tells another panel’s edit under way from a draft left behind', async () => {
    const { page, panel: a, tabId } = await openWithPanel(PAGES.usenixSarathi);
    const b = await harness.openPanel(tabId);
    await a.getByTestId('edit-note-button').click();
    await a.getByTestId('edit-note').fill('* typed in panel A, still open');
    // Panel B sees A's draft as an edit under way, with nothing to take over.
    await expect.poll(() => b.getByTestId('editing-elsewhere').count()).toBe(1);
    expect(await b.getByTestId('resume-draft').count()).toBe(0);
    // Once A has closed, its draft is one left behind: B offers to resume it.
    await a.close();
    await expect.poll(() => b.getByTestId('resume-draft').count()).toBe(1);
    expect(await b.getByTestId('editing-elsewhere').count()).toBe(0);
    await b.getByTestId('resume-draft').click();
    expect(await b.getByTestId('edit-note').inputValue()).toBe('* typed in panel A, still open');
    await b.getByTestId('save').click();
    await expect.poll(() => noteText(b)).toContain('typed in panel A, still open');
    await Promise.all([page.close(), b.close()]);
  });
});

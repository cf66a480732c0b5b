import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtensionHarness } from './extension';
import { PAGES, serveFixtures } from './routes';

let harness: ExtensionHarness;

beforeAll(async () => {
  harness = await ExtensionHarness.launch(serveFixtures);
});
afterAll(async () => harness?.close());

/** A venue page whose one paper has a title close to the no-meta fixture page's ("Fixtures", not "Fixture"). */
const CLOSE_TITLE_PAGE = ['# ATC 2023', '', '## Papers', '', '### Fixtures', '', '* A Paper Page Without Meta Tags: Fixtures', '  * My own words on it.', ''].join('\n');

/** A note whose title is close to the Quokka fixture page's ("Test", not "Tests"), for another paper. */
const OTHER_PAPER_PAGE = ['# NSDI 2023', '', '## Papers', '', '### Fixtures', '', '* Quokka: Fictional Fixture Paper for Paper Notes Test', '  * Not the page’s paper.', ''].join('\n');

async function importPage(name: string, markdown: string) {
  const options = await harness.context.newPage();
  await options.goto(harness.url('options.html'));
  await options.getByTestId('import-files').setInputFiles([{ name, mimeType: 'text/markdown', buffer: Buffer.from(markdown) }]);
  await options.getByTestId('import-apply').click();
  await expect.poll(() => options.getByTestId('import-done').count()).toBe(1);
  await options.close();
}

const menuClick = ({ tabId, url, text }: { tabId: number; url: string; text: string }) =>
  (globalThis as unknown as { paperNotesTesting: { menuClick: (i: object, t: object) => Promise<void> } }).paperNotesTesting.menuClick(
    { menuItemId: 'add-selection-to-note', selectionText: text },
    { id: tabId, url },
  );

/** Opens a page whose only match is a close title, adds selections from its menu item, and opens the panel. */
async function selectOnCloseTitlePage(url: string, texts: string[]) {
  const page = await harness.open(url);
  const tabId = await harness.tabId(page);
  await harness.waitForBadge(tabId, (b) => b.text === '?');
  for (const text of texts) await harness.worker.evaluate(menuClick, { tabId, url, text });
  return { page, tabId, panel: await harness.openPanel(tabId) };
}

describe('a selection added on a page whose only match is a close title', () => {
  it('waits for the panel’s answer, then goes into the confirmed note', async () => {
    await importPage('atc-2023.md', CLOSE_TITLE_PAGE);
    const { page, tabId, panel } = await selectOnCloseTitlePage(PAGES.usenixNoMeta, ['A first\n selected sentence.', 'A second one.']);
    await expect.poll(() => panel.getByTestId('waiting-selections').textContent()).toContain('Your 2 selections from this page are waiting: Confirm adds them');
    // Nothing was added before the answer.
    expect(await panel.getByTestId('note-body').textContent()).not.toContain('selected sentence');
    await panel.getByTestId('match-confirm').click();
    await expect.poll(async () => (await panel.locator('[data-testid=note-body] blockquote').allTextContents()).map((t) => t.trim())).toEqual(['A first selected sentence.', 'A second one.']);
    expect(await panel.getByTestId('note-body').textContent()).toContain('My own words on it.');
    await expect.poll(() => panel.getByTestId('waiting-selections').count()).toBe(0);
    await harness.waitForBadge(tabId, (b) => b.text === '✓');
    await Promise.all([page.close(), panel.close()]);
  });

  it('goes into a new note when the user says the close title is not this paper, or is discarded', async () => {
    await importPage('nsdi-2023.md', OTHER_PAPER_PAGE);
    const { page, panel } = await selectOnCloseTitlePage(PAGES.usenixQuokka, ['Kept for the right note.']);
    await expect.poll(() => panel.getByTestId('waiting-selections').count()).toBe(1);
    await panel.getByTestId('match-reject').click();
    await expect.poll(() => panel.getByTestId('waiting-selections').textContent()).toContain('Create note adds it to the note.');
    await panel.getByTestId('create-note').click();
    await expect.poll(() => panel.locator('[data-testid=note-body] blockquote').textContent()).toContain('Kept for the right note.');
    expect(await panel.getByTestId('paper-title').textContent()).toBe('Quokka: Fictional Fixture Paper for Paper Notes Tests');
    await expect.poll(() => panel.getByTestId('waiting-selections').count()).toBe(0);

    // A selection the user no longer wants: Discard forgets it, and the note is unchanged.
    await harness.worker.evaluate(
      ({ key, text }) => chrome.storage.session.set({ [`selection:${key}`]: [text] }),
      { key: 'usenix:nsdi23/quokka', text: 'Not wanted.' },
    );
    await expect.poll(() => panel.getByTestId('add-waiting').count()).toBe(1);
    await panel.getByTestId('discard-waiting').click();
    await expect.poll(() => panel.getByTestId('waiting-selections').count()).toBe(0);
    expect(await panel.getByTestId('note-body').textContent()).not.toContain('Not wanted.');
    await Promise.all([page.close(), panel.close()]);
  });
});

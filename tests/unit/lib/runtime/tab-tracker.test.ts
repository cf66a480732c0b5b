import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Match, MatchedBy } from '@/lib/db/lookup';
import { buildRecord } from '@/lib/db/notes';
import { emptyFields } from '@/lib/notes/derive';
import type { DetectedPaper } from '@/lib/paper';
import { createTabTracker } from '@/lib/runtime/tab-tracker';
import { getTabPaper, KEPT_NOTE_CHARS, tabStateKey } from '@/lib/runtime/tab-state';

const USENIX = 'https://www.usenix.org/conference/osdi24/presentation/agrawal';
const pagePaper: DetectedPaper = {
  key: 'usenix:osdi24/agrawal',
  source: 'usenix',
  kind: 'presentation',
  url: USENIX,
  usenixKey: 'osdi24/agrawal',
  title: 'Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve',
};
/** A lookup's answer: a note found `by`, or none. */
const found = (by: MatchedBy | 'none', note = 'Chunked prefills.', rev = 1): Match | null =>
  by === 'none' ? null : { by, record: buildRecord(emptyFields({ title: pagePaper.title!, note }), { id: 'p-1', createdAt: 1, updatedAt: 1, rev, origin: 'user' }) };
const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

/** What each tab shows, as `tabs.get` would tell the tracker. */
const shown = new Map<number, string | undefined>();
const trackerWith = (probe: Parameters<typeof createTabTracker>[0]) => {
  const tracker = createTabTracker(probe, async (tabId) => shown.get(tabId));
  return {
    ...tracker,
    paperFound: (paper: DetectedPaper, tabId: number) => (shown.set(tabId, paper.url), tracker.paperFound(paper, tabId)),
    urlChanged: (tabId: number, url: string | undefined) => (shown.set(tabId, url), tracker.urlChanged(tabId, url)),
  };
};

describe('tab tracker', () => {
  it('records a reported paper in session storage with its venue, and marks the tab', async () => {
    const tracker = trackerWith(async () => found('none'));
    await tracker.paperFound(pagePaper, 3);
    const state = await getTabPaper(3);
    expect(state?.paper).toMatchObject({ ...pagePaper, venue: 'OSDI 2024', year: 2024 });
    expect(await badge(3)).toBe('+');
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toContain('Sarathi-Serve');
  });

  it('reads an arXiv title’s TeX as text before the lookup, the panel and the badge see it', async () => {
    const probe = vi.fn(async (_: DetectedPaper) => found('none'));
    const arxiv = { key: 'arxiv:2306.14048', source: 'arxiv', kind: 'abstract', url: 'https://arxiv.org/abs/2306.14048', arxivId: '2306.14048' } as const;
    await trackerWith(probe).paperFound({ ...arxiv, title: 'H$_2$O: Heavy-Hitter Oracle for Gr\\"obner Bases' }, 3);
    const plain = 'H2O: Heavy-Hitter Oracle for Gröbner Bases';
    expect(probe.mock.calls[0]![0].title).toBe(plain);
    expect((await getTabPaper(3))?.paper.title).toBe(plain);
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toContain(plain);
  });

  it('keeps the HTML version’s title as it reads: it is rendered text, not TeX', async () => {
    const probe = vi.fn(async (_: DetectedPaper) => found('none'));
    const html = { key: 'arxiv:2306.14048', source: 'arxiv', kind: 'html', url: 'https://arxiv.org/html/2306.14048v1', arxivId: '2306.14048' } as const;
    const title = 'From $1 to $2 per Million Tokens: {Cheap} Serving -- a Study';
    await trackerWith(probe).paperFound({ ...html, title }, 3);
    expect(probe.mock.calls[0]![0].title).toBe(title);
    expect((await getTabPaper(3))?.paper.title).toBe(title);
  });

  it('shows whether the paper has a note', async () => {
    const hasNote = vi.fn(async () => found('usenix'));
    await trackerWith(hasNote).paperFound(pagePaper, 3);
    expect(hasNote).toHaveBeenCalledOnce();
    expect(await badge(3)).toBe('✓');
  });

  it('asks to confirm a paper whose note matched by a close title only', async () => {
    await trackerWith(async () => found('fuzzy')).paperFound(pagePaper, 3);
    expect(await badge(3)).toBe('?');
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toContain('confirm');
  });

  it('survives a worker restart: a new tracker reads the same state', async () => {
    await trackerWith(async () => found('none')).paperFound(pagePaper, 3);
    const restarted = trackerWith(async () => found('usenix'));
    await restarted.refresh(3);
    expect(await badge(3)).toBe('✓');
    expect(await fakeBrowser.storage.session.get(tabStateKey(3))).toHaveProperty(tabStateKey(3));
  });

  it('knows a PDF from its URL alone', async () => {
    const tracker = trackerWith(async () => found('none'));
    await tracker.urlChanged(5, 'https://arxiv.org/pdf/2403.02310v2');
    expect((await getTabPaper(5))?.paper).toMatchObject({ key: 'arxiv:2403.02310', kind: 'pdf', version: 2 });
    expect(await badge(5)).toBe('+');
  });

  it('keeps what the page said when the same paper moves to its PDF', async () => {
    const tracker = trackerWith(async () => found('none'));
    await tracker.paperFound(pagePaper, 3);
    await tracker.urlChanged(3, 'https://www.usenix.org/system/files/osdi24-agrawal.pdf');
    expect((await getTabPaper(3))?.paper).toMatchObject({ kind: 'pdf', title: pagePaper.title });
  });

  it('takes the version from the URL the tab shows now, not from an earlier one', async () => {
    const tracker = trackerWith(async () => found('none'));
    await tracker.urlChanged(5, 'https://arxiv.org/pdf/2403.02310v1');
    expect((await getTabPaper(5))?.paper.version).toBe(1);
    const latest = { key: 'arxiv:2403.02310', source: 'arxiv', kind: 'abstract', url: 'https://arxiv.org/abs/2403.02310', arxivId: '2403.02310', title: 'Sarathi-Serve' } as const;
    await tracker.paperFound(latest, 5);
    const paper = (await getTabPaper(5))?.paper;
    expect(paper).toMatchObject({ kind: 'abstract', url: latest.url, title: 'Sarathi-Serve' });
    expect(paper?.version).toBeUndefined();
  });

  it('keeps the state while the tab stays on the same paper (reload, fragment)', async () => {
    const tracker = trackerWith(async () => found('none'));
    await tracker.paperFound(pagePaper, 3);
    await tracker.urlChanged(3, `${USENIX}#bibtex`);
    expect(await getTabPaper(3)).not.toBeNull();
    expect(await badge(3)).toBe('+');
  });

  it.each([
    ['another site', 'https://example.com/'],
    ['a hidden URL (no host access)', undefined],
    ['another paper', 'https://www.usenix.org/conference/osdi24/presentation/fu'],
    ['a non-paper page of the same host', 'https://www.usenix.org/conference/osdi24'],
  ])('clears the tab when it leaves the paper for %s', async (_, url) => {
    const tracker = trackerWith(async () => found('none'));
    await tracker.paperFound(pagePaper, 3);
    await tracker.urlChanged(3, url);
    expect(await getTabPaper(3)).toBeNull();
    expect(await badge(3)).toBe('');
  });

  it('does not mark a page the tab has left while its note was looked up', async () => {
    let release: () => void = () => {};
    const slow = createTabTracker(() => new Promise((r) => (release = () => r(found('usenix')))), async (tabId) => shown.get(tabId));
    shown.set(3, USENIX);
    const pending = slow.paperFound(pagePaper, 3);
    await new Promise((r) => setTimeout(r, 5));
    shown.set(3, 'https://example.com/');
    release();
    await pending;
    await slow.urlChanged(3, undefined);
    expect(await badge(3)).toBe('');
    expect(await getTabPaper(3)).toBeNull();
  });

  it('forgets closed tabs', async () => {
    const tracker = trackerWith(async () => found('none'));
    await tracker.paperFound(pagePaper, 3);
    await tracker.tabClosed(3);
    expect(await getTabPaper(3)).toBeNull();
  });
});

describe('marking a tab before its page has loaded', () => {
  it('marks a paper whose note its URL finds at once, and keeps the page’s report when it comes', async () => {
    const tracker = trackerWith(async (paper) => found(paper.usenixKey === 'osdi24/agrawal' ? 'usenix' : 'none'));
    await tracker.urlChanged(8, USENIX);
    expect(await badge(8)).toBe('✓');
    await tracker.paperFound(pagePaper, 8);
    expect((await getTabPaper(8))?.paper).toMatchObject({ title: pagePaper.title, venue: 'OSDI 2024' });
  });

  it('waits for the page when the URL finds no note (it may be a talk page)', async () => {
    const tracker = trackerWith(async () => found('none'));
    await tracker.urlChanged(8, 'https://www.usenix.org/conference/enigma2024/presentation/riley');
    expect(await badge(8)).toBe('');
    expect(await getTabPaper(8)).toBeNull();
  });
});

describe('the note a tab keeps for the panel', () => {
  it('keeps the note found, and how, with the tab’s paper', async () => {
    await trackerWith(async () => found('usenix')).paperFound(pagePaper, 3);
    expect((await getTabPaper(3))?.found).toMatchObject({ by: 'usenix', record: { id: 'p-1', note: 'Chunked prefills.' } });
  });

  it('keeps that the paper has no note', async () => {
    await trackerWith(async () => found('none')).paperFound(pagePaper, 3);
    expect((await getTabPaper(3))?.found).toBeNull();
  });

  it('does not keep a note too large for session storage, and still marks the tab', async () => {
    await trackerWith(async () => found('usenix', 'x'.repeat(KEPT_NOTE_CHARS))).paperFound(pagePaper, 3);
    const state = await getTabPaper(3);
    expect(state?.paper.key).toBe(pagePaper.key);
    expect(state).not.toHaveProperty('found');
    expect(await badge(3)).toBe('✓');
  });

  it('follows the note when notes change: edited, then deleted', async () => {
    let answer = found('usenix');
    const tracker = trackerWith(async () => answer);
    await tracker.paperFound(pagePaper, 3);
    const seenAt = (await getTabPaper(3))!.seenAt;

    answer = found('usenix', 'Chunked prefills, stall-free batching.', 2);
    await tracker.refresh(3);
    expect((await getTabPaper(3))?.found?.record).toMatchObject({ rev: 2, note: 'Chunked prefills, stall-free batching.' });

    answer = null;
    await tracker.refresh(3);
    const state = await getTabPaper(3);
    expect(state).toMatchObject({ found: null, seenAt, paper: { key: pagePaper.key } });
    expect(await badge(3)).toBe('+');
  });

  it('does not write the tab’s state again when its note has not changed', async () => {
    const tracker = trackerWith(async () => found('usenix'));
    await tracker.paperFound(pagePaper, 3);
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    await tracker.refresh(3);
    expect(set).not.toHaveBeenCalled();
    set.mockRestore();
  });

  it('records the tab without its note when session storage is full', async () => {
    const set = vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('Session storage quota bytes exceeded.'));
    await trackerWith(async () => found('usenix')).paperFound(pagePaper, 3);
    set.mockRestore();
    const state = await getTabPaper(3);
    expect(state?.paper.key).toBe(pagePaper.key);
    expect(state).not.toHaveProperty('found');
    expect(await badge(3)).toBe('✓');
  });
});

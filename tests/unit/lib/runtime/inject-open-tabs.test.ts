import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { injectIntoOpenTabs, runsContentScript } from '@/lib/runtime/inject-open-tabs';

const tab = (id: number | undefined, url: string | undefined, extra: Partial<Browser.tabs.Tab> = {}) => ({ id, url, ...extra }) as Browser.tabs.Tab;

describe('the content script for tabs open at install or update', () => {
  it('goes to the paper pages it runs on, not to PDFs, other pages, discarded tabs or tabs without an id', async () => {
    const inject = vi.fn(async (_tabId: number) => {});
    await injectIntoOpenTabs(
      [
        tab(1, 'https://arxiv.org/abs/2403.02310v2'),
        tab(2, 'https://arxiv.org/html/2403.02310v2'),
        tab(3, 'https://www.usenix.org/conference/osdi24/presentation/agrawal'),
        tab(4, 'https://arxiv.org/pdf/2403.02310v2'),
        tab(5, 'https://arxiv.org/list/cs.DC/recent'),
        tab(6, 'https://example.com/'),
        tab(7, undefined),
        tab(8, 'https://arxiv.org/abs/2401.00001', { discarded: true }),
        tab(undefined, 'https://arxiv.org/abs/2401.00002'),
      ],
      inject,
    );
    expect(inject.mock.calls.map(([id]) => id)).toEqual([1, 2, 3]);
  });

  it('goes on to the other tabs when one refuses it (closed or navigated meanwhile)', async () => {
    const inject = vi.fn(async (id: number) => {
      if (id === 1) throw new Error('No tab with id: 1');
    });
    await expect(injectIntoOpenTabs([tab(1, 'https://arxiv.org/abs/2403.02310'), tab(2, 'https://arxiv.org/abs/2401.00001')], inject)).resolves.toBeUndefined();
    expect(inject).toHaveBeenCalledTimes(2);
  });

  it('knows the pages it runs on by their URL', () => {
    expect(runsContentScript('https://arxiv.org/format/2403.02310')).toBe(true);
    expect(runsContentScript('https://www.usenix.org/system/files/osdi24-agrawal.pdf')).toBe(false);
    expect(runsContentScript(undefined)).toBe(false);
  });
});

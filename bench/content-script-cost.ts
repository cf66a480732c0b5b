/**
 * What our content script costs a page it runs on, against two reference extensions built here:
 * one whose content script is an empty file, with the same matches (what any content script costs:
 * the isolated world the browser makes for it), and one with no content script. Each is measured
 * in a fresh browser, on the same pages, in turns (ours, empty, none, then again), so that the
 * machine's drift over a run falls on all three alike.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExtensionHarness } from '../tests/e2e/extension';
import type { FixtureServer } from '../tests/e2e/fixture-server';
import { stats } from './page/stats';

export interface PageCost {
  /** Script time of a load, p50. */
  scriptMs: number;
  /** JS heap once a load's garbage is collected, p50. */
  heapKb: number;
}

export type Builds<T> = { ours: T; emptyScript: T; noScript: T };

/** An extension with only a service worker (the harness waits for one), and an empty content script if `matches`. */
function referenceExtension(dir: string, name: string, contentScript: { matches: string[]; run_at?: string } | null): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'worker.js'), '');
  writeFileSync(join(dir, 'empty.js'), '');
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0',
    background: { service_worker: 'worker.js' },
    ...(contentScript && { content_scripts: [{ ...contentScript, js: ['empty.js'] }] }),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

interface Sample {
  script: number;
  heap: number;
}

async function measure(harness: ExtensionHarness, url: string, repeats: number): Promise<Sample[]> {
  const page = await harness.context.newPage();
  const cdp = await harness.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const samples: Sample[] = [];
  for (let i = 0; i < repeats; i++) {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(150);
    // What the page keeps: uncollected, the heap grows by each load's garbage, whatever runs.
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    samples.push({ script: value('ScriptDuration') * 1000, heap: value('JSHeapUsedSize') / 1024 });
  }
  await page.close();
  return samples;
}

function cost(samples: Sample[]): PageCost {
  return { scriptMs: stats(samples.map((s) => s.script)).p50, heapKb: stats(samples.map((s) => s.heap)).p50 };
}

/**
 * Each page's cost with our extension (built in `extensionDir`) and with each reference extension:
 * `turns` fresh browsers per build, `repeats` loads of each page in each.
 */
export async function contentScriptCost(extensionDir: string, serve: (server: FixtureServer) => void, urls: string[], repeats: number, turns: number): Promise<Builds<PageCost>[]> {
  const ours = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { content_scripts: { matches: string[]; run_at?: string }[] };
  const { matches, run_at } = ours.content_scripts[0]!;
  const refs = join(tmpdir(), 'paper-notes-bench-reference');
  const dirs: Builds<string> = {
    ours: extensionDir,
    emptyScript: referenceExtension(join(refs, 'empty-script'), 'Empty content script', { matches, run_at }),
    noScript: referenceExtension(join(refs, 'no-script'), 'No content script', null),
  };
  const builds = Object.keys(dirs) as (keyof Builds<string>)[];
  const samples = urls.map(() => ({ ours: [], emptyScript: [], noScript: [] }) as Builds<Sample[]>);
  for (let turn = 0; turn < turns; turn++) {
    for (const build of builds) {
      const harness = await ExtensionHarness.launch(serve, dirs[build]);
      try {
        for (const [i, url] of urls.entries()) samples[i]![build].push(...(await measure(harness, url, repeats)));
      } finally {
        await harness.close();
      }
    }
  }
  return samples.map((s) => ({ ours: cost(s.ours), emptyScript: cost(s.emptyScript), noScript: cost(s.noScript) }));
}

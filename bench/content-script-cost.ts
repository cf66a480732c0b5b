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
  /** Script time of a load, p50: loads one after another, the script's code compiled by an earlier one. */
  scriptMs: number;
  /** Script time of a load after a full garbage collection, which may drop compiled code, p50. */
  scriptAfterCollectionMs: number;
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
  /** Script time and the heap the page keeps, with a full collection after each load. */
  collected: { script: number; heap: number };
}

/**
 * `repeats` loads one after another, then `repeats` loads each followed by a full collection. The
 * two passes differ in what a load finds compiled: a forced collection is memory-reducing and may drop
 * compiled code, so that the following load compiles the content script again (with ours ~0.8 ms more
 * at the median); browsing does not collect so between loads.
 */
async function measure(harness: ExtensionHarness, url: string, repeats: number): Promise<Sample[]> {
  const page = await harness.context.newPage();
  const cdp = await harness.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name: string) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0;
  const load = async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(150);
    return (await metric('ScriptDuration')) * 1000;
  };
  const scripts: number[] = [];
  for (let i = 0; i < repeats; i++) scripts.push(await load());
  await cdp.send('HeapProfiler.collectGarbage');
  const samples: Sample[] = [];
  for (let i = 0; i < repeats; i++) {
    const script = await load();
    // What the page keeps: uncollected, the heap grows by each load's garbage, whatever runs.
    await cdp.send('HeapProfiler.collectGarbage');
    samples.push({ script: scripts[i]!, collected: { script, heap: (await metric('JSHeapUsedSize')) / 1024 } });
  }
  await page.close();
  return samples;
}

function cost(samples: Sample[]): PageCost {
  const p50 = (values: number[]) => stats(values).p50;
  return {
    scriptMs: p50(samples.map((s) => s.script)),
    scriptAfterCollectionMs: p50(samples.map((s) => s.collected.script)),
    heapKb: p50(samples.map((s) => s.collected.heap)),
  };
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

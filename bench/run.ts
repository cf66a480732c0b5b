/**
 * `npm run bench`: builds the extension with its benchmark page and measures it in headless
 * Chromium with generated libraries of 0, 1,000, 10,000 and 50,000 notes. Writes
 * bench/results.md and bench/results.json. `--quick` (CI's smoke test) runs 0 and 1,000 notes with
 * fewer samples and writes under bench/.tmp instead. No figure here is asserted by any test.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { Bench } from './page/harness';
import { generateLibrary } from './page/generate';
import { stats, type Stats } from './page/stats';
import { indexedTerms } from '../lib/notes/derive';
import { SHELF } from '../lib/db/shelves';
import { PANEL_CODE_MARK } from '../entrypoints/sidepanel/mark';
import { ExtensionHarness } from '../tests/e2e/extension';
import { PAGES, serveFixtures } from '../tests/e2e/routes';
import type { FixtureServer } from '../tests/e2e/fixture-server';
import { contentScriptCost, type Builds, type PageCost } from './content-script-cost';

const ROOT = resolve(import.meta.dirname, '..');
const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const SIZES = QUICK ? [0, 1_000] : [0, 1_000, 10_000, 50_000];
// Enough samples that a p95 is not just the slowest one (the machine this runs on is noisy).
const REPEATS = QUICK ? 5 : 30;
const LOOKUPS = QUICK ? 40 : 500;
const SEARCH_ROUNDS = QUICK ? 1 : 5;
const SAVES = QUICK ? 10 : 100;
const BIG = QUICK ? 1_000 : 10_000;
/** Exports of each library, one after the other in its browser: the median of each kind is reported. */
const EXPORT_RUNS = QUICK ? 1 : 3;
const EXTENSION = join(ROOT, '.output', 'bench', 'chrome-mv3');
const OUT = QUICK ? join(ROOT, 'bench', '.tmp') : join(ROOT, 'bench');
const QUERIES = ['ser', 'sched', 'gpu cache', 'llm serving', 'agrawal', 'osdi 2024', 'memory dis', 'network flow graph', 'zhang university', 'storage', 'sarathi', 'chunked prefills', 'kv cache', 'stall free scheduling', 'ma', 'graphflow'];

/**
 * Fixture pages' images answer after this long, so that a page's load event comes after its
 * DOMContentLoaded as it does on the real sites, whose images and fonts come over the network
 * (locally every 404 is instant, and load would follow the DOM at once).
 */
const IMAGE_DELAY_MS = 300;
const servePages = (server: FixtureServer) => {
  serveFixtures(server);
  server.imageDelayMs = IMAGE_DELAY_MS;
};

const log = (...args: unknown[]) => console.log('[bench]', ...args);
type Bencher = { bench: Bench };

/** Calls a method of the benchmark page's `bench` object, in the extension's origin. */
function call<K extends keyof Bench>(page: Page, method: K, arg: Parameters<Bench[K]>[0]): Promise<Awaited<ReturnType<Bench[K]>>> {
  const invoke = ([m, a]: [string, unknown]) => ((window as unknown as Bencher).bench as unknown as Record<string, (x: unknown) => Promise<unknown>>)[m]!(a);
  return page.evaluate(invoke, [method, arg] as [string, unknown]) as never;
}

async function benchPage(harness: ExtensionHarness): Promise<Page> {
  const page = await harness.context.newPage();
  await page.goto(harness.url('bench.html'));
  await page.waitForFunction(() => document.title === 'bench ready');
  // The bundled catalog is applied at start; let that finish so that it is not measured.
  await call(page, 'ready', undefined);
  return page;
}

/** Navigation to badge: from the page's DOMContentLoaded to the badge being set, by the worker's clock. */
async function visits(harness: ExtensionHarness, url: string): Promise<Stats & { fromNavigation: Stats }> {
  const page = await harness.open(PAGES.example);
  await page.goto(url);
  const tabId = await harness.tabId(page);
  const samples: number[] = [];
  const fromStart: number[] = [];
  for (let i = 0; i < REPEATS + 1; i++) {
    await page.goto(PAGES.example);
    await harness.waitForBadge(tabId, (b) => b.text === '');
    const badged = harness.worker.evaluate(async (id) => {
      for (;;) {
        if (await chrome.action.getBadgeText({ tabId: id })) return Date.now();
        await new Promise((r) => setTimeout(r, 1));
      }
    }, tabId);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const { start, domContentLoaded } = await page.evaluate(() => ({ start: performance.timing.navigationStart, domContentLoaded: performance.timing.domContentLoadedEventEnd }));
    const at = await badged;
    if (i > 0) {
      // the first visit warms the worker
      samples.push(at - domContentLoaded);
      fromStart.push(at - start);
    }
  }
  await page.close();
  return { ...stats(samples), fromNavigation: stats(fromStart) };
}

/**
 * Panel open to note rendered: from the panel's navigation start to the note in the DOM. Split in
 * three: to the page parsed (domInteractive: the browser's part, before any script of ours runs);
 * to the entry module's mark, once every module it imports is fetched, compiled and run (loading
 * our scripts); and the rest, our code's reads and first render (`ours`, per open: the part the
 * library's size could change, apart from the browser's, which follows the machine's speed).
 */
async function panelOpen(harness: ExtensionHarness, url: string): Promise<Stats & { pageParsed: Stats; codeStart: Stats; ours: Stats }> {
  const page = await harness.open(url);
  const tabId = await harness.tabId(page);
  await harness.waitForBadge(tabId, (b) => b.text !== '');
  const samples: number[] = [];
  const codeStarts: number[] = [];
  const parsed: number[] = [];
  for (let i = 0; i < REPEATS + 1; i++) {
    const panel = await harness.context.newPage();
    await panel.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid=note-body]')) {
          (window as unknown as { renderedAt: number }).renderedAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await panel.goto(harness.url(`sidepanel.html?tab=${tabId}`));
    const at = await panel.waitForFunction(() => (window as unknown as { renderedAt?: number }).renderedAt).then((h) => h.jsonValue() as Promise<number>);
    const [code, interactive] = await panel.evaluate(
      (name) => [performance.getEntriesByName(name)[0]?.startTime ?? NaN, (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive],
      PANEL_CODE_MARK,
    );
    if (i > 0) {
      samples.push(at);
      codeStarts.push(code);
      parsed.push(interactive);
    }
    await panel.close();
  }
  await page.close();
  return { ...stats(samples), pageParsed: stats(parsed), codeStart: stats(codeStarts), ours: stats(samples.map((at, i) => at - codeStarts[i]!)) };
}

const RUNS = QUICK ? 1 : 3;

/**
 * How fast this machine is right now, to compare runs by: the median time Node takes to compute
 * the words of 2,000 generated notes (the same code the extension runs on a write).
 */
function machineSpeed(): number {
  const papers = generateLibrary(2_000).papers.map((paper, i) => ({ ...paper, id: `bench-${i}` }));
  const times = Array.from({ length: 5 }, () => {
    const start = performance.now();
    for (const paper of papers) indexedTerms(paper);
    return performance.now() - start;
  });
  return Math.round(stats(times).p50);
}

async function inFreshBrowser<T>(run: (page: Page) => Promise<T>): Promise<T> {
  const harness = await ExtensionHarness.launch(servePages, EXTENSION);
  try {
    return await run(await benchPage(harness));
  } finally {
    await harness.close();
  }
}

/** `EXPORT_RUNS` exports to each format; the median of each, and every run (Markdown, .zip). */
async function exportRuns(page: Page) {
  const runs: Awaited<ReturnType<Bench['exports']>>[] = [];
  for (let i = 0; i < EXPORT_RUNS; i++) runs.push(await call(page, 'exports', undefined));
  return { ...runs[0]!, markdownMs: median(runs, (r) => r.markdownMs).markdownMs, zipMs: median(runs, (r) => r.zipMs).zipMs, runs: runs.map((r) => [r.markdownMs, r.zipMs]) };
}

/** The run whose `by` is the median. */
function median<T>(runs: T[], by: (run: T) => number): T {
  return [...runs].sort((a, b) => by(a) - by(b))[Math.floor(runs.length / 2)]!;
}

async function main() {
  log(QUICK ? 'quick mode' : 'full run', 'sizes', SIZES.join(', '));
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, PAPER_NOTES_BENCH: '1' }, stdio: 'ignore' });
  const script = readFileSync(join(EXTENSION, 'paper-detector.js'));
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    quick: QUICK,
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, speedMs: machineSpeed() },
    contentScript: { minifiedBytes: script.length, gzipBytes: gzipSync(script, { level: 9 }).length },
    sizes: {} as Record<number, unknown>,
  };

  for (const size of SIZES) {
    log(`library of ${size} notes`);
    const harness = await ExtensionHarness.launch(servePages, EXTENSION);
    try {
      const page = await benchPage(harness);
      results.chromium ??= await harness.worker.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown');
      const populateMs = await call(page, 'populate', size);
      // On a library at rest, as a reader's is: a first pass of other papers and of the queries is
      // not counted (it would measure the storage engine still settling the bulk write, and the JIT).
      await call(page, 'lookups', { samples: LOOKUPS / 5, seed: 7 });
      await call(page, 'searches', QUERIES);
      const lookups = await call(page, 'lookups', { samples: LOOKUPS, seed: 42 });
      const search = await call(page, 'searches', Array.from({ length: SEARCH_ROUNDS }, () => QUERIES).flat());
      const visitHit = await visits(harness, PAGES.usenixSarathi);
      const visitMiss = await visits(harness, PAGES.usenixQuokka);
      const panel = await panelOpen(harness, PAGES.usenixSarathi);
      const exports = size >= 1_000 ? await exportRuns(page) : null;
      // Last: the storage engine goes on compacting what saves write, and would slow what follows.
      await call(page, 'saves', { samples: SAVES / 5, seed: 5 });
      const saves = await call(page, 'saves', { samples: SAVES, seed: 11 });
      (results.sizes as Record<number, unknown>)[size] = { populateMs, lookups, search, saves, visitHit, visitMiss, panel, exports };
      log(size, JSON.stringify({ lookups, search: { p50: search.p50, p95: search.p95 }, saves, visitHit, visitMiss, panel, exports }));
    } finally {
      await harness.close();
    }
  }

  // A listing gets no content script; a talk's page looks like a paper's by its URL, so the script
  // runs there and finds no paper.
  [results.nonPaperPage, results.talkPage] = await contentScriptCost(EXTENSION, servePages, [PAGES.arxivListing, PAGES.usenixTalk], REPEATS);
  log('content script cost', JSON.stringify([results.nonPaperPage, results.talkPage]));

  // Single-shot figures: each run in a fresh browser, as a user's first install is (no storage
  // work of earlier runs still going on), the three kinds in turn; the median of the runs is
  // reported with every run kept, since this machine's speed varies.
  const catalogRuns: Awaited<ReturnType<Bench['catalog']>>[] = [];
  const importRuns: Awaited<ReturnType<Bench['imports']>>[] = [];
  const floorRuns: Awaited<ReturnType<Bench['writeFloor']>>[] = [];
  for (let i = 0; i < RUNS; i++) {
    catalogRuns.push(await inFreshBrowser((page) => call(page, 'catalog', BIG)));
    importRuns.push(await inFreshBrowser((page) => call(page, 'imports', BIG)));
    floorRuns.push(await inFreshBrowser((page) => call(page, 'writeFloor', BIG)));
  }
  results.catalog = { ...median(catalogRuns, (r) => r.firstInstallMs), runs: catalogRuns.map((r) => r.firstInstallMs) };
  results.import = { ...median(importRuns, (r) => r.totalMs), runs: importRuns.map((r) => r.totalMs) };
  results.writeFloor = { ...median(floorRuns, (r) => r.ms), runs: floorRuns.map((r) => r.ms) };

  // Growth of lookups: the smallest and largest libraries side by side in one browser, looked up
  // in turns, so that the machine's changes of speed (up to 2x here) do not read as growth.
  const growthSizes = QUICK ? [100, 1_000] : [1_000, 50_000];
  results.lookupGrowth = { sizes: growthSizes, ...(await inFreshBrowser((page) => call(page, 'lookupGrowth', { sizes: growthSizes, turns: 10, perTurn: QUICK ? 4 : 50, settleMs: QUICK ? 0 : 20_000 }))) };
  log('lookup growth', JSON.stringify(results.lookupGrowth));
  log('catalog', JSON.stringify(results.catalog), 'import', JSON.stringify(results.import), 'floor', JSON.stringify(results.writeFloor));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(OUT, 'results.md'), report(results));
  log('wrote', join(OUT, 'results.md'));
}

function report(r: Record<string, any>): string {
  const sizes = Object.keys(r.sizes).map(Number);
  const row = (label: string, get: (s: any) => string, target = '') => `| ${label} | ${sizes.map((n) => get(r.sizes[n])).join(' | ')} | ${target} |`;
  const ms = (v: number | undefined) => (v === undefined ? '–' : `${v} ms`);
  const runs = (figure: { runs: number[] }) => figure.runs.join(', ');
  const pp = (s: Stats | undefined) => (s ? `${s.p50} / ${s.p95}` : '–');
  const cost = (page: Builds<PageCost>, figure: keyof PageCost, builds: (keyof Builds<PageCost>)[]) => builds.map((b) => (figure === 'heapKb' ? Math.round(page[b].heapKb) : page[b].scriptMs.toFixed(2))).join(' / ');
  const at = (n: number) => r.sizes[n];
  const growth = (get: (s: any) => number) => (at(1000) && at(50000) ? `${(get(at(50000)) / Math.max(get(at(1000)), 0.01)).toFixed(2)}x` : 'n/a');
  // Lookups measured side by side (see main): the ratio of the larger library's figure to the smaller's.
  const lg = r.lookupGrowth;
  const [small, large] = [lg[lg.sizes[0]], lg[lg.sizes[1]]];
  const times = (kind: string, q: 'p50' | 'p95') => `${small[kind][q]} → ${large[kind][q]}`;
  const g = {
    from: lg.sizes[0] as number,
    to: lg.sizes[1] as number,
    ms: (kind: string) => `${times(kind, 'p50')}, ${times(kind, 'p95')}`,
    ratio: (kind: string) => (['p50', 'p95'] as const).map((q) => `${(large[kind][q] / Math.max(small[kind][q], 0.01)).toFixed(2)}x`).join(' / '),
  };
  return `# Benchmark results

${r.quick ? '**Quick mode** (CI smoke test): fewer sizes and samples; not the reference figures.\n\n' : ''}Measured ${r.date.slice(0, 10)} by \`npm run bench\` in headless Chromium ${r.chromium} on ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGb} GB, Node ${r.machine.node}. Machine speed at the start: ${r.machine.speedMs} ms for the words of 2,000 notes in Node (lower is faster; compare runs by it, this machine varies).
Times in milliseconds, p50 / p95 where sampled. Libraries are generated (bench/page/generate.ts) on top of the bundled catalog (89 records); lookups, searches and saves are timed after a first, uncounted pass over other papers, once the library's bulk write has settled. Fixture pages are served locally, their images after ${IMAGE_DELAY_MS} ms, so that a page's load event follows its DOMContentLoaded as on the real sites.

| figure | ${sizes.map((n) => `${n.toLocaleString('en')} notes`).join(' | ')} | target at 10,000 |
| --- | ${sizes.map(() => '---').join(' | ')} | --- |
${row('note lookup, arXiv id hit (p50 / p95)', (s) => pp(s.lookups.hit), 'p95 5 ms')}
${row('note lookup, title in another case (p50 / p95)', (s) => pp(s.lookups.title), 'p95 5 ms')}
${row('note lookup, no note (p50 / p95)', (s) => pp(s.lookups.miss), 'p95 5 ms')}
${row('full-text search per query (p50 / p95)', (s) => pp(s.search), 'p95 50 ms')}
${row('note save, a line of new words added to a random paper’s note (p50 / p95)', (s) => pp(s.saves))}
${row('paper visit to badge, note found (after DOMContentLoaded, p50 / p95)', (s) => pp(s.visitHit), '100 ms')}
${row('paper visit to badge, no note (p50 / p95)', (s) => pp(s.visitMiss), '100 ms')}
${row('paper visit, navigation start to badge, note found (p50 / p95)', (s) => pp(s.visitHit.fromNavigation))}
${row('paper visit, navigation start to badge, no note (p50 / p95)', (s) => pp(s.visitMiss.fromNavigation))}
${row('side panel open to note rendered (p50 / p95)', (s) => pp(s.panel), '150 ms')}
${row('side panel, navigation start to its page parsed, the browser’s part (p50 / p95)', (s) => pp(s.panel?.pageParsed))}
${row('side panel, navigation start to its scripts loaded and run, entry module starting (p50 / p95)', (s) => pp(s.panel?.codeStart))}
${row('side panel, entry module starting to note rendered, our code’s reads and first render (p50 / p95)', (s) => pp(s.panel?.ours))}
${row(`export whole library to one Markdown file${r.quick ? '' : ` (median of ${EXPORT_RUNS})`}`, (s) => ms(s.exports?.markdownMs), '1 s')}
${row(`export whole library to .zip${r.quick ? '' : ` (median of ${EXPORT_RUNS})`}`, (s) => ms(s.exports?.zipMs), '1 s')}

| figure | value | target |
| --- | --- | --- |
| content script, minified | ${r.contentScript.minifiedBytes.toLocaleString('en')} bytes | 5 KB |
| content script, gzipped | ${r.contentScript.gzipBytes.toLocaleString('en')} bytes | |
| script time on an arXiv listing (no content script runs there), with our extension / with one that has no content script (p50) | ${cost(r.nonPaperPage, 'scriptMs', ['ours', 'noScript'])} ms | nearly nothing |
| JS heap that page keeps (after garbage collection), the same two (p50) | ${cost(r.nonPaperPage, 'heapKb', ['ours', 'noScript'])} KB | |
| script time on a USENIX talk's page (our script runs, finds no paper): ours / an empty content script / no content script (p50) | ${cost(r.talkPage, 'scriptMs', ['ours', 'emptyScript', 'noScript'])} ms | nearly nothing |
| JS heap that page keeps (after garbage collection), the same three (p50) | ${cost(r.talkPage, 'heapKb', ['ours', 'emptyScript', 'noScript'])} KB | |
| first-install sync, ${r.catalog.records.toLocaleString('en')}-record catalog (median of runs: ${runs(r.catalog)}) | ${r.catalog.firstInstallMs} ms | 2 s |
| the same writes with no index, the storage engine alone: papers ${SHELF} to a shelf and postings rows (${r.writeFloor.puts.toLocaleString('en')} puts; runs: ${runs(r.writeFloor)}) | ${r.writeFloor.ms} ms | |
| the same papers one to a put, as before schema 11 (${r.writeFloor.onePerRecordPuts.toLocaleString('en')} puts) | ${r.writeFloor.onePerRecordMs} ms | |
| start-up with nothing changed: the check every start does (catalog hash, postings version) | ${r.catalog.startupCheckMs} ms | 50 ms |
| start-up with nothing changed: a full sync call (no-op) | ${r.catalog.unchangedSyncMs} ms | 50 ms |
| import of ${r.import.added.toLocaleString('en')} notes from a GitBook .zip (read + preview + apply; median of runs: ${runs(r.import)}) | ${r.import.totalMs} ms (${r.import.readMs} + ${r.import.planMs} + ${r.import.applyMs}) | 3 s |
| growth ${g.from.toLocaleString('en')} → ${g.to.toLocaleString('en')} notes, side by side: lookup by arXiv id, p50 / p95 (ms: ${g.ms('hit')}) | ${g.ratio('hit')} | 1.5x |
| growth ${g.from.toLocaleString('en')} → ${g.to.toLocaleString('en')} notes, side by side: lookup by title, p50 / p95 (ms: ${g.ms('title')}) | ${g.ratio('title')} | 1.5x |
| growth ${g.from.toLocaleString('en')} → ${g.to.toLocaleString('en')} notes, side by side: lookup with no note, p50 / p95 (ms: ${g.ms('miss')}) | ${g.ratio('miss')} | 1.5x |
| growth ${g.from.toLocaleString('en')} → ${g.to.toLocaleString('en')} notes, side by side: one read of a paper by its id (its key row, then its shelf), p50 / p95 (ms: ${g.ms('read')}) | ${g.ratio('read')} | |
| growth 1,000 → 50,000 notes: visit (navigation start to badge, note found), p50 / p95 | ${growth((s) => s.visitHit.fromNavigation.p50)} / ${growth((s) => s.visitHit.fromNavigation.p95)} | 1.5x |
| growth 1,000 → 50,000 notes: visit (navigation start to badge, no note), p50 / p95 | ${growth((s) => s.visitMiss.fromNavigation.p50)} / ${growth((s) => s.visitMiss.fromNavigation.p95)} | 1.5x |
| growth 1,000 → 50,000 notes: panel open, p50 / p95 | ${growth((s) => s.panel.p50)} / ${growth((s) => s.panel.p95)} | 1.5x |
| growth 1,000 → 50,000 notes: panel open, our code’s part (entry module starting to note rendered), p50 / p95 | ${growth((s) => s.panel.ours.p50)} / ${growth((s) => s.panel.ours.p95)} | |
`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

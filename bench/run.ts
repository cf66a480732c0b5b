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
/** Fresh browsers per build for the content script's cost, taken in turns, and page loads in each. */
const COST_TURNS = QUICK ? 1 : 3;
const COST_LOADS = QUICK ? 5 : 20;
const BIG = QUICK ? 1_000 : 10_000;
/** The storage engine goes on reorganising a bulk write after it commits; a reader's library is at rest. */
const SETTLE_MS = QUICK ? 0 : 20_000;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
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

interface VisitSamples {
  /** From the page's DOMContentLoaded to the badge being set, by the worker's clock. */
  afterContentLoaded: number[];
  fromNavigation: number[];
}

const noVisits = (): VisitSamples => ({ afterContentLoaded: [], fromNavigation: [] });

/** `count` visits to a paper page, each from another page, timed to the badge set. */
async function visitSamples(harness: ExtensionHarness, url: string, count: number): Promise<VisitSamples> {
  const page = await harness.open(PAGES.example);
  await page.goto(url);
  const tabId = await harness.tabId(page);
  const samples = noVisits();
  for (let i = 0; i < count + 1; i++) {
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
      samples.afterContentLoaded.push(at - domContentLoaded);
      samples.fromNavigation.push(at - start);
    }
  }
  await page.close();
  return samples;
}

const visitStats = (s: VisitSamples) => ({ ...stats(s.afterContentLoaded), fromNavigation: stats(s.fromNavigation) });

interface PanelSamples {
  rendered: number[];
  pageParsed: number[];
  codeStart: number[];
}

const noPanelOpens = (): PanelSamples => ({ rendered: [], pageParsed: [], codeStart: [] });

/**
 * Panel open to note rendered: from the panel's navigation start to the note in the DOM. Split in
 * three: to the page parsed (domInteractive: the browser's part, before any script of ours runs);
 * to the entry module's mark, once every module it imports is fetched, compiled and run (loading
 * our scripts); and the rest, our code's reads and first render (`ours`, per open: the part the
 * library's size could change, apart from the browser's, which follows the machine's speed).
 */
async function panelSamples(harness: ExtensionHarness, url: string, count: number): Promise<PanelSamples> {
  const page = await harness.open(url);
  const tabId = await harness.tabId(page);
  await harness.waitForBadge(tabId, (b) => b.text !== '');
  const samples = noPanelOpens();
  for (let i = 0; i < count + 1; i++) {
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
      samples.rendered.push(at);
      samples.codeStart.push(code);
      samples.pageParsed.push(interactive);
    }
    await panel.close();
  }
  await page.close();
  return samples;
}

const panelStats = (s: PanelSamples) => ({
  ...stats(s.rendered),
  pageParsed: stats(s.pageParsed),
  codeStart: stats(s.codeStart),
  ours: stats(s.rendered.map((at, i) => at - s.codeStart[i]!)),
});

/** The libraries whose visits and panel opens are also timed side by side, for their growth. */
const GROWTH = QUICK ? [0, 1_000] : [1_000, 50_000];
const GROWTH_TURNS = QUICK ? 2 : 8;
const GROWTH_PER_TURN = QUICK ? 2 : 6;

/**
 * Visits and panel opens of two libraries, each in its own browser, timed in turns: the machine's
 * changes of speed (up to 2x here) then fall on both alike and do not read as growth, as they
 * could between sizes timed minutes apart.
 */
async function visitsSideBySide(harnesses: ExtensionHarness[]) {
  // The larger library's browser has just saved.
  await settle();
  const samples = harnesses.map(() => ({ hit: noVisits(), miss: noVisits(), panel: noPanelOpens() }));
  const add = <T extends object>(into: T, more: T) => {
    for (const key of Object.keys(more) as (keyof T)[]) (into[key] as number[]).push(...(more[key] as number[]));
  };
  for (let turn = 0; turn < GROWTH_TURNS; turn++) {
    for (const [i, harness] of harnesses.entries()) {
      add(samples[i]!.hit, await visitSamples(harness, PAGES.usenixSarathi, GROWTH_PER_TURN));
      add(samples[i]!.miss, await visitSamples(harness, PAGES.usenixQuokka, GROWTH_PER_TURN));
      add(samples[i]!.panel, await panelSamples(harness, PAGES.usenixSarathi, GROWTH_PER_TURN));
    }
  }
  return samples.map((s) => ({ visitHit: visitStats(s.hit), visitMiss: visitStats(s.miss), panel: panelStats(s.panel) }));
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

  // The browsers of the two libraries timed side by side stay open until then.
  const kept = new Map<number, ExtensionHarness>();
  for (const size of SIZES) {
    log(`library of ${size} notes`);
    const harness = await ExtensionHarness.launch(servePages, EXTENSION);
    try {
      const page = await benchPage(harness);
      results.chromium ??= await harness.worker.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown');
      const populateMs = await call(page, 'populate', size);
      await settle();
      // On a library at rest, as a reader's is: a first pass of other papers and of the queries is
      // not counted (it would measure the storage engine still settling the bulk write, and the JIT).
      await call(page, 'lookups', { samples: LOOKUPS / 5, seed: 7 });
      await call(page, 'searches', QUERIES);
      const lookups = await call(page, 'lookups', { samples: LOOKUPS, seed: 42 });
      const search = await call(page, 'searches', Array.from({ length: SEARCH_ROUNDS }, () => QUERIES).flat());
      const visitHit = visitStats(await visitSamples(harness, PAGES.usenixSarathi, REPEATS));
      const visitMiss = visitStats(await visitSamples(harness, PAGES.usenixQuokka, REPEATS));
      const panel = panelStats(await panelSamples(harness, PAGES.usenixSarathi, REPEATS));
      const exports = size >= 1_000 ? await exportRuns(page) : null;
      // Last: the storage engine goes on compacting what saves write, and would slow what follows.
      await call(page, 'saves', { samples: SAVES / 5, seed: 5 });
      const saves = await call(page, 'saves', { samples: SAVES, seed: 11 });
      (results.sizes as Record<number, unknown>)[size] = { populateMs, lookups, search, saves, visitHit, visitMiss, panel, exports };
      log(size, JSON.stringify({ lookups, search: { p50: search.p50, p95: search.p95 }, saves, visitHit, visitMiss, panel, exports }));
      if (GROWTH.includes(size)) kept.set(size, harness);
    } finally {
      if (!kept.has(size)) await harness.close();
    }
  }
  try {
    const [small, large] = await visitsSideBySide(GROWTH.map((size) => kept.get(size)!));
    results.visitGrowth = { sizes: GROWTH, [GROWTH[0]!]: small, [GROWTH[1]!]: large };
    log('visit and panel growth', JSON.stringify(results.visitGrowth));
  } finally {
    for (const harness of kept.values()) await harness.close();
  }

  // A listing gets no content script; a talk's page looks like a paper's by its URL, so the script
  // runs there and finds no paper.
  [results.nonPaperPage, results.talkPage] = await contentScriptCost(EXTENSION, servePages, [PAGES.arxivListing, PAGES.usenixTalk], COST_LOADS, COST_TURNS);
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
  results.lookupGrowth = { sizes: growthSizes, ...(await inFreshBrowser((page) => call(page, 'lookupGrowth', { sizes: growthSizes, turns: 10, perTurn: QUICK ? 4 : 50, settleMs: SETTLE_MS }))) };
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
  // No samples (no paper of a 0-note library has an arXiv id): nothing was timed, not 0 ms.
  const pp = (s: Stats | undefined) => (s?.n ? `${s.p50} / ${s.p95}` : '–');
  const costSampling = `p50 of ${COST_TURNS * COST_LOADS} loads in ${COST_TURNS} fresh browser${COST_TURNS > 1 ? 's' : ''} per build, taken in turns`;
  const cost = (page: Builds<PageCost>, figure: keyof PageCost, builds: (keyof Builds<PageCost>)[]) => builds.map((b) => (figure === 'heapKb' ? Math.round(page[b].heapKb) : page[b][figure].toFixed(2))).join(' / ');
  // Growth measured side by side (see main): the ratio of the larger library's figure to the smaller's.
  const sideBySide = (measured: Record<string, any>) => {
    const [small, large] = [measured[measured.sizes[0]], measured[measured.sizes[1]]];
    const figure = (path: string, q: 'p50' | 'p95') => path.split('.').reduce((o, k) => o[k], { small, large } as any)[q] as number;
    const times = (path: string, q: 'p50' | 'p95') => `${figure(`small.${path}`, q)} → ${figure(`large.${path}`, q)}`;
    return {
      label: `growth ${measured.sizes[0].toLocaleString('en')} → ${measured.sizes[1].toLocaleString('en')} notes, side by side`,
      ms: (path: string) => `${times(path, 'p50')}, ${times(path, 'p95')}`,
      ratio: (path: string) => (['p50', 'p95'] as const).map((q) => `${(figure(`large.${path}`, q) / Math.max(figure(`small.${path}`, q), 0.01)).toFixed(2)}x`).join(' / '),
    };
  };
  const g = sideBySide(r.lookupGrowth);
  const v = sideBySide(r.visitGrowth);
  return `# Benchmark results

${r.quick ? '**Quick mode** (CI smoke test): fewer sizes and samples; not the reference figures.\n\n' : ''}Measured ${r.date.slice(0, 10)} by \`npm run bench\` in headless Chromium ${r.chromium} on ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGb} GB, Node ${r.machine.node}. Machine speed at the start: ${r.machine.speedMs} ms for the words of 2,000 notes in Node (lower is faster; compare runs by it, this machine varies).
Times in milliseconds, p50 / p95 where sampled. Libraries are generated (bench/page/generate.ts) on top of the bundled catalog (89 records); lookups and saves are timed after a first, uncounted pass over other papers, searches after an uncounted pass over the same queries, once the library's bulk write has settled${SETTLE_MS ? ` (${SETTLE_MS / 1000} s at rest after it)` : ''}. Fixture pages are served locally, their images after ${IMAGE_DELAY_MS} ms, so that a page's load event follows its DOMContentLoaded as on the real sites.

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
| script time on an arXiv listing (no content script runs there), with our extension / with one that has no content script (${costSampling}) | ${cost(r.nonPaperPage, 'scriptMs', ['ours', 'noScript'])} ms | nearly nothing |
| JS heap that page keeps (after garbage collection), the same two (p50) | ${cost(r.nonPaperPage, 'heapKb', ['ours', 'noScript'])} KB | |
| script time on a USENIX talk's page (our script runs, finds no paper): ours / an empty content script / no content script (${costSampling}) | ${cost(r.talkPage, 'scriptMs', ['ours', 'emptyScript', 'noScript'])} ms | nearly nothing |
| the same three, each load after a full garbage collection, which may drop compiled code (p50) | ${cost(r.talkPage, 'scriptAfterCollectionMs', ['ours', 'emptyScript', 'noScript'])} ms | |
| JS heap that page keeps (after garbage collection), the same three (p50) | ${cost(r.talkPage, 'heapKb', ['ours', 'emptyScript', 'noScript'])} KB | |
| first-install sync, ${r.catalog.records.toLocaleString('en')}-record catalog (median of runs: ${runs(r.catalog)}) | ${r.catalog.firstInstallMs} ms | 2 s |
| the same writes with no index, the storage engine alone: papers ${SHELF} to a shelf and postings rows (${r.writeFloor.puts.toLocaleString('en')} puts; runs: ${runs(r.writeFloor)}) | ${r.writeFloor.ms} ms | |
| the same papers one to a put, as before schema 11 (${r.writeFloor.onePerRecordPuts.toLocaleString('en')} puts) | ${r.writeFloor.onePerRecordMs} ms | |
| start-up with nothing changed: the check every start does (catalog hash, postings version) | ${r.catalog.startupCheckMs} ms | 50 ms |
| start-up with nothing changed: a full sync call (no-op) | ${r.catalog.unchangedSyncMs} ms | 50 ms |
| import of ${r.import.added.toLocaleString('en')} notes from a GitBook .zip (read + preview + apply; median of runs: ${runs(r.import)}) | ${r.import.totalMs} ms (${r.import.readMs} + ${r.import.planMs} + ${r.import.applyMs}) | 3 s |
| ${g.label}: lookup by arXiv id, p50 / p95 (ms: ${g.ms('hit')}) | ${g.ratio('hit')} | 1.5x |
| ${g.label}: lookup by title, p50 / p95 (ms: ${g.ms('title')}) | ${g.ratio('title')} | 1.5x |
| ${g.label}: lookup with no note, p50 / p95 (ms: ${g.ms('miss')}) | ${g.ratio('miss')} | 1.5x |
| ${g.label}: one read of a paper by its id (its key row, then its shelf), p50 / p95 (ms: ${g.ms('read')}) | ${g.ratio('read')} | |
| ${v.label}: visit, navigation start to badge, note found, p50 / p95 (ms: ${v.ms('visitHit.fromNavigation')}) | ${v.ratio('visitHit.fromNavigation')} | 1.5x |
| ${v.label}: visit, navigation start to badge, no note, p50 / p95 (ms: ${v.ms('visitMiss.fromNavigation')}) | ${v.ratio('visitMiss.fromNavigation')} | 1.5x |
| ${v.label}: panel open to note rendered, p50 / p95 (ms: ${v.ms('panel')}) | ${v.ratio('panel')} | 1.5x |
| ${v.label}: panel open, our code’s part (entry module starting to note rendered), p50 / p95 (ms: ${v.ms('panel.ours')}) | ${v.ratio('panel.ours')} | |
`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import Dexie from 'dexie';
import { catalogRecord } from '../../lib/catalog/merge';
import { storedRow } from '../../lib/catalog/rows';
import { catalogCurrent, syncCatalog } from '../../lib/catalog/sync';
import { findPaper } from '../../lib/db/lookup';
import { buildRecord, savePaper } from '../../lib/db/notes';
import type { PaperRecord } from '../../lib/db/records';
import { PaperNotesDB } from '../../lib/db/schema';
import { paperTables, putPapers } from '../../lib/db/write';
import { searchPapers } from '../../lib/db/search';
import { exportSingleMarkdown, exportZip } from '../../lib/export/files';
import { readForExport } from '../../lib/export/read';
import { applyImport } from '../../lib/import/apply';
import { planImport } from '../../lib/import/plan';
import { readImportFiles } from '../../lib/import/sources';
import type { DetectedPaper } from '../../lib/paper';
import { ensureCatalog } from '../../lib/runtime/catalog';
import { getDb } from '../../lib/runtime/db';
import { generateCatalog, generateLibrary, random, words } from './generate';
import { round, stats, type Stats } from './stats';
import { getPaper } from '../../lib/db/read';
import { allPapers, countPapers, newShelves } from '../../lib/db/shelves';

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await run();
  return [performance.now() - start, value];
}

const scratch = (name: string) => new PaperNotesDB(`bench-${name}-${Date.now()}`);

/** Writes `count` generated notes into a database, 2,000 to a transaction as an import would. */
async function fill(db: PaperNotesDB, count: number): Promise<void> {
  const { papers, venues, topics } = generateLibrary(count);
  const now = Date.now();
  for (let i = 0; i < papers.length; i += 2000) {
    const records = papers.slice(i, i + 2000).map((fields, j) => buildRecord(fields, { id: `bench-${i + j}`, createdAt: now, updatedAt: now + i + j, rev: 1, origin: 'user' }));
    await db.transaction('rw', paperTables(db), async () => putPapers(db, records));
  }
  await db.venues.bulkPut(venues);
  await db.topics.bulkPut(topics);
}

type LookupTimes = { hit: number[]; title: number[]; miss: number[]; read: number[] };
type Lookups = { hit: Stats; title: Stats; miss: Stats; read: Stats };
const toStats = (t: LookupTimes): Lookups => ({ hit: stats(t.hit), title: stats(t.title), miss: stats(t.miss), read: stats(t.read) });
const paperIds = async (db: PaperNotesDB) => (await allPapers(db.shelves)).map((record) => record.id);

/**
 * `samples` lookups of random papers of the database: on an arXiv page of the paper (its id
 * finds it), on a USENIX page of an unknown key with its title in capitals (the title finds it),
 * and on a USENIX page of a made-up title (nothing does); beside them, the single keyed read of
 * the paper's record that picks it. `ids` are the database's, read once by the caller: reading
 * 50,000 keys before every turn put their garbage collection in the timed lookups.
 */
async function lookupTimes(db: PaperNotesDB, ids: string[], samples: number, rand: () => number): Promise<LookupTimes> {
  const out: LookupTimes = { hit: [], title: [], miss: [], read: [] };
  const arxiv = (arxivId: string, t: string): DetectedPaper => ({ key: `arxiv:${arxivId}`, source: 'arxiv', kind: 'abstract', url: `https://arxiv.org/abs/${arxivId}`, arxivId, title: t });
  const usenix = (t: string): DetectedPaper => ({ key: 'usenix:zz99/none', source: 'usenix', kind: 'presentation', url: 'https://www.usenix.org/conference/zz99/presentation/none', usenixKey: 'zz99/none', title: t });
  for (let i = 0; i < samples && ids.length; i++) {
    const [readMs, record] = (await timed(() => getPaper(db, ids[Math.floor(rand() * ids.length)]!))) as [number, PaperRecord];
    out.read.push(readMs);
    if (record.arxivId) out.hit.push((await timed(() => findPaper(db, arxiv(record.arxivId!, record.title))))[0]);
    out.title.push((await timed(() => findPaper(db, usenix(record.title.toUpperCase()))))[0]);
    out.miss.push((await timed(() => findPaper(db, usenix(words(rand, 8).join(' ')))))[0]);
  }
  return out;
}

/** What the benchmark runner calls in the extension's own origin, through Playwright. */
export const bench = {
  /** Resolves once the bundled catalog is applied (the worker does it at start; this waits for it). */
  async ready(_?: undefined): Promise<boolean> {
    await ensureCatalog(getDb());
    return true;
  },

  /** Fills the extension's database with `count` generated notes (besides the catalog). */
  async populate(count: number): Promise<number> {
    const [ms] = await timed(() => fill(getDb(), count));
    return round(ms);
  },

  /** Note lookup as a page visit does it: arXiv id hits, title hits (another case), and misses. */
  async lookups({ samples, seed }: { samples: number; seed: number }): Promise<Lookups> {
    const db = getDb();
    return toStats(await lookupTimes(db, await paperIds(db), samples, random(seed)));
  },

  /**
   * `samples` saves of random papers' notes, each with a line of new words added, as the editor
   * saves: the paper read, its shelf and the postings rows of its changed words rewritten.
   */
  async saves({ samples, seed }: { samples: number; seed: number }): Promise<Stats> {
    const db = getDb();
    const ids = await paperIds(db);
    const rand = random(seed);
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const current = (await getPaper(db, ids[Math.floor(rand() * ids.length)]!))!;
      const note = `${current.note.trimEnd()}\n* ${words(rand, 12).join(' ')}\n`;
      times.push((await timed(() => savePaper(db, current.id, { note }, current.rev)))[0]);
    }
    return stats(times);
  },

  /**
   * Lookups in libraries of each size at the same time: each in a database of its own, filled,
   * passed over once uncounted, then looked up in turns of `perTurn` papers, so that a change in
   * the machine's speed while this runs falls on every size alike.
   */
  async lookupGrowth({ sizes, turns, perTurn, settleMs }: { sizes: number[]; turns: number; perTurn: number; settleMs: number }): Promise<Record<number, Lookups>> {
    const dbs = sizes.map((size) => new PaperNotesDB(`bench-growth-${size}-${Date.now()}`));
    for (const [i, db] of dbs.entries()) await fill(db, sizes[i]!);
    // The storage engine goes on reorganising a bulk write after it commits; a reader's library is at rest.
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const ids = await Promise.all(dbs.map(paperIds));
    for (const [i, db] of dbs.entries()) await lookupTimes(db, ids[i]!, perTurn, random(7));
    const times = sizes.map((): LookupTimes => ({ hit: [], title: [], miss: [], read: [] }));
    const rands = sizes.map(() => random(42));
    for (let turn = 0; turn < turns; turn++) {
      for (const [i, db] of dbs.entries()) {
        const got = await lookupTimes(db, ids[i]!, perTurn, rands[i]!);
        for (const kind of ['hit', 'title', 'miss', 'read'] as const) times[i]![kind].push(...got[kind]);
      }
    }
    for (const db of dbs) await db.delete();
    return Object.fromEntries(sizes.map((size, i) => [size, toStats(times[i]!)]));
  },

  /** Full-text search, each query timed from query to the hits read. */
  async searches(queries: string[]): Promise<Stats & { hits: number[] }> {
    const db = getDb();
    const samples: number[] = [];
    const hits: number[] = [];
    for (const query of queries) {
      const [ms, result] = await timed(() => searchPapers(db, query));
      samples.push(ms);
      hits.push(result.total);
    }
    return { ...stats(samples), hits };
  },

  /** Export of the whole library, to one Markdown file and to a GitBook .zip. */
  async exports(_?: undefined): Promise<{ markdownMs: number; zipMs: number; markdownBytes: number; zipBytes: number; papers: number }> {
    const db = getDb();
    // As the options page does it: papers' pages written while the library is read.
    const [markdownMs, markdown] = await timed(async () => {
      const { library, ahead } = await readForExport(db);
      return exportSingleMarkdown(library, ahead);
    });
    const [zipMs, zip] = await timed(async () => {
      const { library, ahead } = await readForExport(db);
      return exportZip(library, ahead);
    });
    return { markdownMs: round(markdownMs), zipMs: round(zipMs), markdownBytes: markdown.length, zipBytes: zip.length, papers: await countPapers(db.shelves) };
  },

  /** Import of `count` notes from a GitBook .zip into an empty database: read, preview, apply. */
  async imports(count: number): Promise<{ readMs: number; planMs: number; applyMs: number; totalMs: number; added: number }> {
    const zip = exportZip(generateLibrary(count, 3));
    const db = scratch('import');
    // A user imports into a database already open: creating this one is not the preview's time.
    await db.open();
    const [readMs, read] = await timed(async () => readImportFiles([{ path: 'library.zip', bytes: zip }]));
    const [planMs, plan] = await timed(() => planImport(db, read));
    const [applyMs, result] = await timed(() => applyImport(db, plan));
    await db.delete();
    return { readMs: round(readMs), planMs: round(planMs), applyMs: round(applyMs), totalMs: round(readMs + planMs + applyMs), added: result.added };
  },

  /** Catalog sync: first install of a `count`-record catalog, then a start-up with nothing changed. */
  async catalog(count: number): Promise<{ firstInstallMs: number; unchangedSyncMs: number; startupCheckMs: number; records: number }> {
    // As shipped: catalog.json with each record's words computed at build time, parsed at install.
    const json = JSON.stringify(generateCatalog(count));
    const db = scratch('catalog');
    const [firstInstallMs, [catalog, report]] = await timed(async () => {
      const parsed = JSON.parse(json) as ReturnType<typeof generateCatalog>;
      return [parsed, await syncCatalog(db, parsed)] as const;
    });
    const [unchangedSyncMs] = await timed(() => syncCatalog(db, catalog));
    // What every start does when nothing changed: the check of the catalog's hash and the postings' version.
    const [startupCheckMs] = await timed(() => catalogCurrent(db, catalog.hash));
    await db.delete();
    return { firstInstallMs: round(firstInstallMs), unchangedSyncMs: round(unchangedSyncMs), startupCheckMs: round(startupCheckMs), records: report.added };
  },

  /**
   * What the storage engine alone costs for the writes of that first install: the same shelves
   * and postings rows put in one transaction into stores with no index but their keys; then the
   * same records one to a put, as the papers store held them before schema 11.
   */
  async writeFloor(count: number): Promise<{ ms: number; puts: number; onePerRecordMs: number; onePerRecordPuts: number }> {
    const catalog = generateCatalog(count);
    const records = catalog.papers.map((entry, seq) => catalogRecord(entry, Date.now(), seq));
    const rows = catalog.rows!.map(storedRow);
    const write = async (papers: object[], terms: object[]) => {
      const db = new Dexie(`bench-floor-${Date.now()}`);
      db.version(1).stores({ papers: '&id', terms: '&k' });
      await db.open();
      const [ms] = await timed(() => db.transaction('rw', ['papers', 'terms'], async () => {
        await db.table('papers').bulkAdd(papers);
        await db.table('terms').bulkAdd(terms);
      }));
      db.close();
      await Dexie.delete(db.name);
      return round(ms);
    };
    const shelves = newShelves(records).map(({ n, papers }) => ({ id: `shelf-${n}`, papers }));
    return {
      ms: await write(shelves, rows),
      puts: shelves.length + rows.length,
      onePerRecordMs: await write(records, rows),
      onePerRecordPuts: records.length + rows.length,
    };
  },
};

export type Bench = typeof bench;

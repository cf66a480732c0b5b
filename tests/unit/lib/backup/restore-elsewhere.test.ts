import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBackup, type BackupPaper } from '@/lib/backup/json';
import { canonicalJson, contentHash } from '@/lib/catalog/hash';
import { syncCatalog } from '@/lib/catalog/sync';
import type { Catalog, CatalogPaper } from '@/lib/catalog/types';
import { deletePaper } from '@/lib/db/delete';
import { exportSingleMarkdown } from '@/lib/export/files';
import { applyImport, StalePlanError } from '@/lib/import/apply';
import { planImport } from '@/lib/import/plan';
import { readImportFiles } from '@/lib/import/sources';
import { readLibrary } from '@/lib/library/from-db';
import { defaultVenue, emptyLibrary } from '@/lib/library/types';
import { deletedCatalogIds } from '@/lib/db/deleted-catalog';
import { saveDraft } from '@/lib/db/drafts';
import { savePaper } from '@/lib/db/notes';
import { matchPage } from '@/lib/db/matching';
import { listSnapshots, restoreSnapshot } from '@/lib/db/snapshots';
import { emptyFields } from '@/lib/notes/derive';
import { addPaper, arxivPage, freshDb, paperCount } from '../../db-helpers';

/** A catalog of two OSDI 2024 papers; `references`: the venue's references in this version. */
function catalog(hash: string, references = ''): Catalog {
  const papers = ['a', 'b'].map((x) => {
    const fields = emptyFields({ title: `Paper ${x}`, venue: 'OSDI 2024', year: 2024, topic: 'T', note: `* ${x}\n` });
    return { id: `cat:${x}`, hash: contentHash(canonicalJson(fields)), fields };
  });
  return { hash, papers, venues: [{ ...defaultVenue('OSDI 2024'), acceptanceRate: '19.2%', references }], topics: [] };
}

/** A new browser: the bundled catalog applied at install, then the backup imported. */
async function restoreElsewhere(backup: string, bundled: Catalog) {
  const db = freshDb();
  await syncCatalog(db, bundled);
  await applyImport(db, await planImport(db, readImportFiles([{ path: 'backup.json', bytes: strToU8(backup) }])));
  return readLibrary(db);
}

describe('a JSON backup restored in a new browser gives the library back', () => {
  it('without the catalog papers the user deleted', async () => {
    const source = freshDb();
    await syncCatalog(source, catalog('c1'));
    await deletePaper(source, 'cat:b');
    const before = await readLibrary(source);
    const after = await restoreElsewhere(JSON.stringify(toBackup(before)), catalog('c1'));
    expect(after.papers.map((p) => (p as BackupPaper).id)).toEqual(before.papers.map((p) => (p as BackupPaper).id));
  });

  it('with the venue details the user gave, where the catalog now gives others', async () => {
    const source = freshDb();
    await syncCatalog(source, catalog('c1'));
    // The user's references, imported while the catalog had none; the catalog then gained some.
    const mine = exportSingleMarkdown({ venues: [{ ...defaultVenue('OSDI 2024'), references: '* My own reference list' }], topics: [], papers: [] });
    await applyImport(source, await planImport(source, readImportFiles([{ path: 'notes.md', bytes: strToU8(mine) }])));
    await syncCatalog(source, catalog('c2', '* The catalog’s references'));
    const before = await readLibrary(source);
    expect(before.venues[0]!.references).toBe('* My own reference list');
    const after = await restoreElsewhere(JSON.stringify(toBackup(before)), catalog('c2', '* The catalog’s references'));
    expect(after.venues).toEqual(before.venues);
  });

  it('keeping, over the backup’s, a venue detail the user gave in this library', async () => {
    const source = freshDb();
    await syncCatalog(source, catalog('c1', '* The catalog’s references'));
    const before = await readLibrary(source);
    const target = freshDb();
    await syncCatalog(target, catalog('c1', '* The catalog’s references'));
    const mine = exportSingleMarkdown({ venues: [{ ...defaultVenue('OSDI 2024'), homepage: 'https://example.org/here' }], topics: [], papers: [] });
    await applyImport(target, await planImport(target, readImportFiles([{ path: 'notes.md', bytes: strToU8(mine) }])));
    const theirs = { ...before.venues[0]!, homepage: 'https://example.org/there', references: '* Their own list' };
    const backup = JSON.stringify(toBackup({ ...before, venues: [theirs] }));
    await applyImport(target, await planImport(target, readImportFiles([{ path: 'backup.json', bytes: strToU8(backup) }])));
    // Their references over the catalog's; this library's homepage (the user's here) kept.
    expect((await readLibrary(target)).venues[0]).toMatchObject({ homepage: 'https://example.org/here', references: '* Their own list', acceptanceRate: '19.2%' });
  });
});

describe('an import of a backup that lists catalog papers its owner deleted', () => {
  const backupOf = async (db: ReturnType<typeof freshDb>) => readImportFiles([{ path: 'backup.json', bytes: strToU8(JSON.stringify(toBackup(await readLibrary(db)))) }]);

  /** A library with both catalog papers, and a backup of one where "Paper b" was deleted. */
  async function setUp() {
    const source = freshDb();
    await syncCatalog(source, catalog('c1'));
    await deletePaper(source, 'cat:b');
    const target = freshDb();
    await syncCatalog(target, catalog('c1'));
    return { target, read: await backupOf(source) };
  }

  it('shows the notes it deletes, deletes them in a snapshot that restores them, and keeps them deleted through catalog syncs', async () => {
    const { target, read } = await setUp();
    const plan = await planImport(target, read);
    expect(plan.removals.map((r) => r.id)).toEqual(['cat:b']);
    expect(await applyImport(target, plan)).toMatchObject({ removed: 1, changed: ['cat:b'] });
    expect((await readLibrary(target)).papers.map((p) => p.title)).toEqual(['Paper a']);
    expect([...(await deletedCatalogIds(target))]).toEqual(['cat:b']);
    expect(await syncCatalog(target, catalog('c2'))).toMatchObject({ added: 0 });
    const [snapshot] = await listSnapshots(target);
    await restoreSnapshot(target, snapshot!.id);
    expect((await readLibrary(target)).papers.map((p) => p.title).sort()).toEqual(['Paper a', 'Paper b']);
  });

  it('keeps a note edited here, one with a draft here, and one an imported paper meets', async () => {
    const edited = await setUp();
    await savePaper(edited.target, 'cat:b', { note: '* my own words\n' }, 1);
    expect((await planImport(edited.target, edited.read)).removals).toEqual([]);

    // A draft here: not listed; one begun after the preview: kept all the same.
    const drafted = await setUp();
    const plan = await planImport(drafted.target, drafted.read);
    expect(plan.removals.map((r) => r.id)).toEqual(['cat:b']);
    await saveDraft(drafted.target, 'editor-1', { paperId: 'cat:b', note: '* typing…', summary: '', tags: [], baseRev: 1, baseNote: '* b\n' });
    expect((await planImport(drafted.target, drafted.read)).removals).toEqual([]);
    expect(await applyImport(drafted.target, plan)).toMatchObject({ removed: 0 });
    expect(await paperCount(drafted.target)).toBe(2);

    // The owner deleted the catalog's note, then wrote one of their own for the same paper.
    const source = freshDb();
    await syncCatalog(source, catalog('c1'));
    await deletePaper(source, 'cat:b');
    await addPaper(source, { title: 'Paper b', venue: 'OSDI 2024', note: '* their own note\n' });
    const target = freshDb();
    await syncCatalog(target, catalog('c1'));
    const met = await planImport(target, await backupOf(source));
    expect(met.removals).toEqual([]);
    expect(met.items.find((i) => i.incoming.title === 'Paper b')).toMatchObject({ action: 'update', existing: { id: 'cat:b' } });
  });

  it('is stale when a note it would delete changed since the preview', async () => {
    const { target, read } = await setUp();
    const plan = await planImport(target, read);
    await matchPage(target, arxivPage('Paper b', '2401.00002'));
    await expect(applyImport(target, plan)).rejects.toBeInstanceOf(StalePlanError);
    expect(await paperCount(target)).toBe(2);
  });

  it('refuses a deleted-papers list that is not a list of ids', () => {
    const backup = (deleted: unknown) => readImportFiles([{ path: 'b.json', bytes: strToU8(JSON.stringify({ ...toBackup(emptyLibrary()), deletedCatalogIds: deleted })) }]);
    expect(backup('cat:b').errors).toEqual([{ file: 'b.json', line: 0, message: '"deletedCatalogIds" must be a list' }]);
    expect(backup([7]).errors).toEqual([{ file: 'b.json', line: 0, message: 'deletedCatalogIds[0] must be text' }]);
    expect(backup(['cat:b', 'cat:b']).library.deletedCatalogIds).toEqual(['cat:b']);
  });
});

describe('a backup made under another catalog release', () => {
  const paperOf = (id: string, title: string): CatalogPaper => {
    const fields = emptyFields({ title, venue: 'OSDI 2024', year: 2024, topic: 'T' });
    return { id, hash: contentHash(canonicalJson(fields)), fields };
  };
  const releaseOf = (...papers: CatalogPaper[]): Catalog => ({ hash: contentHash(canonicalJson(papers.map((p) => p.id))), papers, venues: [defaultVenue('OSDI 2024')], topics: [] });
  const other = paperOf('cat:osdi-2024/llumnix-dynamic-scheduling', 'Llumnix: Dynamic Scheduling');
  const slip = paperOf('cat:osdi-2024/taming-throughput-latency-tradeof-in-llm-inference-with-sarathi-serve', 'Taming Throughput-Latency Tradeof in LLM Inference with Sarathi-Serve');
  const corrected = paperOf('cat:osdi-2024/taming-throughput-latency-tradeoff-in-llm-inference-with-sarathi-serve', 'Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve');

  it('keeps a deleted paper deleted where this library’s catalog corrected its title (a new id), either way round', async () => {
    for (const [theirs, ours] of [
      [slip, corrected],
      [corrected, slip],
    ] as const) {
      const source = freshDb();
      await syncCatalog(source, releaseOf(theirs, other));
      await deletePaper(source, theirs.id);
      const target = freshDb();
      await syncCatalog(target, releaseOf(ours, other));
      const plan = await planImport(target, readImportFiles([{ path: 'b.json', bytes: strToU8(JSON.stringify(toBackup(await readLibrary(source)))) }]));
      expect(plan.removals.map((r) => r.id)).toEqual([ours.id]);
      await applyImport(target, plan);
      expect((await readLibrary(target)).papers.map((p) => p.title)).toEqual([other.fields.title]);
      // And through this library's next catalog release.
      expect(await syncCatalog(target, releaseOf(ours, other, paperOf('cat:osdi-2024/new', 'New')))).toMatchObject({ added: 1, deleted: 1 });
    }
  });
});

import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBackup, type BackupPaper } from '@/lib/backup/json';
import { canonicalJson, contentHash } from '@/lib/catalog/hash';
import { syncCatalog } from '@/lib/catalog/sync';
import type { Catalog } from '@/lib/catalog/types';
import { deletePaper } from '@/lib/db/delete';
import { exportSingleMarkdown } from '@/lib/export/files';
import { applyImport } from '@/lib/import/apply';
import { planImport } from '@/lib/import/plan';
import { readImportFiles } from '@/lib/import/sources';
import { readLibrary } from '@/lib/library/from-db';
import { defaultVenue } from '@/lib/library/types';
import { emptyFields } from '@/lib/notes/derive';
import { freshDb } from '../../db-helpers';

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

// Known bugs, reproduced (review-a): `it.fails` passes while the bug is there; remove `.fails` with the fix.
describe('a JSON backup restored in a new browser gives the library back', () => {
  it.fails('without the catalog papers the user deleted', async () => {
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

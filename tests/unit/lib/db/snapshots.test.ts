import { describe, expect, it } from 'vitest';
import { syncCatalog } from '@/lib/catalog/sync';
import { savePaper } from '@/lib/db/notes';
import { KEPT_SNAPSHOTS, listSnapshots, restoreSnapshot } from '@/lib/db/snapshots';
import { searchPapers } from '@/lib/db/search';
import { applyImport } from '@/lib/import/apply';
import { planImport } from '@/lib/import/plan';
import { readImportFiles } from '@/lib/import/sources';
import { addPaper, freshDb, oneNoteCatalog, paperCount } from '../../db-helpers';
import { getPaper } from '@/lib/db/read';


describe('snapshots', () => {
  it('keep what a catalog sync changes, and restore it', async () => {
    const db = freshDb();
    await syncCatalog(db, oneNoteCatalog('* first\n'));
    await syncCatalog(db, oneNoteCatalog('* second\n'));
    const [latest, first] = await listSnapshots(db);
    expect(first).toMatchObject({ reason: 'Catalog sync', changed: 0, added: 1 });
    expect(latest).toMatchObject({ reason: 'Catalog sync', changed: 1, added: 0 });
    expect((await getPaper(db, 'cat:a'))?.note).toBe('* second\n');

    await restoreSnapshot(db, latest!.id);
    const restored = await getPaper(db, 'cat:a');
    expect(restored?.note).toBe('* first\n');
    expect(restored?.rev).toBeGreaterThan(2);
    expect((await searchPapers(db, 'first')).hits.map((h) => h.id)).toEqual(['cat:a']);
    expect((await searchPapers(db, 'second')).total).toBe(0);
    // The restore is itself undoable.
    expect((await listSnapshots(db))[0]?.reason).toMatch(/^Before restoring “Catalog sync”/);
  });

  it('keep what an import overwrites and adds; restoring removes the added notes', async () => {
    const db = freshDb();
    const mine = await addPaper(db, { title: 'Clipper', venue: 'NSDI 2017', note: '* mine\n' });
    const page = '# NSDI 2017\n\n## Papers\n\n### Serving\n\n* Clipper\n  * Berkeley\n  * imported\n* Another One\n  * Somewhere\n';
    const plan = await planImport(db, readImportFiles([{ path: 'nsdi-2017.md', bytes: new TextEncoder().encode(page) }]));
    await applyImport(db, plan, new Map([[plan.items.findIndex((i) => i.action === 'conflict'), 'replace']]));
    expect((await getPaper(db, mine.id))?.note).toBe('* imported\n');
    const [snapshot] = await listSnapshots(db);
    expect(snapshot).toMatchObject({ changed: 1, added: 1 });
    await restoreSnapshot(db, snapshot!.id);
    expect((await getPaper(db, mine.id))?.note).toBe('* mine\n');
    expect(await paperCount(db)).toBe(1);
  });

  it('restore a record kept before a schema added an index field, with the field derived', async () => {
    const db = freshDb();
    await syncCatalog(db, oneNoteCatalog('* first\n'));
    await syncCatalog(db, oneNoteCatalog('* second\n'));
    const [latest] = await listSnapshots(db);
    // As a snapshot taken before a schema that added an index field holds it: without the field.
    await db.snapshots.where('id').equals(latest!.id).modify((s) => {
      for (const p of s.papers) delete (p as Partial<typeof p>).titleKey;
    });
    await restoreSnapshot(db, latest!.id);
    expect((await getPaper(db, 'cat:a'))?.titleKey).toBe('a catalog paper');
  });

  it(`keep the last ${KEPT_SNAPSHOTS} only`, async () => {
    const db = freshDb();
    for (let i = 0; i < KEPT_SNAPSHOTS + 3; i++) await syncCatalog(db, oneNoteCatalog(`* version ${i}\n`));
    expect(await db.snapshots.count()).toBe(KEPT_SNAPSHOTS);
  });

  it('are not taken for a sync that changes nothing, nor for the user’s own saves', async () => {
    const db = freshDb();
    await syncCatalog(db, oneNoteCatalog('* one\n'));
    await syncCatalog(db, oneNoteCatalog('* one\n'));
    const note = await addPaper(db, { title: 'x' });
    await savePaper(db, note.id, { note: 'y' }, note.rev);
    expect(await db.snapshots.count()).toBe(1);
  });
});

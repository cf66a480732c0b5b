import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '@/lib/catalog/hash';
import { acceptCatalogUpdate, appliedCatalogHash, dismissCatalogUpdate, syncCatalog } from '@/lib/catalog/sync';
import type { Catalog, CatalogPaper } from '@/lib/catalog/types';
import { catalogRows } from '@/lib/catalog/rows';
import { findPaper } from '@/lib/db/lookup';
import { matchPage } from '@/lib/db/matching';
import { createPaper, savePaper } from '@/lib/db/notes';
import { deletePaper } from '@/lib/db/delete';
import { deletedCatalogIds, setDeletedCatalogIds } from '@/lib/db/deleted-catalog';
import { paperTables, putPapers } from '@/lib/db/write';
import type { PaperFields, PaperRecord, VenueRecord } from '@/lib/db/records';
import { applyImport } from '@/lib/import/apply';
import { planImport } from '@/lib/import/plan';
import { readImportFiles } from '@/lib/import/sources';
import { readLibrary } from '@/lib/library/from-db';
import { emptyFields } from '@/lib/notes/derive';
import { addPaper, arxivPage, freshDb, paperCount, rewriteStored, storedPapers } from '../../db-helpers';
import { getPaper } from '@/lib/db/read';

function paper(id: string, fields: Partial<PaperFields> & { title: string }): CatalogPaper {
  const full = emptyFields({ venue: 'OSDI 2024', year: 2024, topic: 'LLMs', ...fields });
  return { id, hash: contentHash(canonicalJson(full)), fields: full };
}
function catalog(...papers: CatalogPaper[]): Catalog {
  const venues = [{ label: 'OSDI 2024', name: 'OSDI', year: 2024, group: 'conference' as const, homepage: '', paperList: '', acceptanceRate: '', references: '' }];
  return { hash: contentHash(canonicalJson(papers.map((p) => [p.id, p.hash]))), papers, venues, topics: [] };
}

const sarathi = paper('cat:osdi-2024/sarathi', { title: 'Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve', note: '* Chunked-prefills\n' });
const llumnix = paper('cat:osdi-2024/llumnix', { title: 'Llumnix: Dynamic Scheduling for Large Language Model Serving', note: '* Live migration\n' });
const v1 = catalog(sarathi, llumnix);
const sarathi2 = paper(sarathi.id, { ...sarathi.fields, note: '* Chunked-prefills\n* Stall-free scheduling\n' });
const llumnix2 = paper(llumnix.id, { ...llumnix.fields, affiliations: 'Alibaba' });

async function installed() {
  const db = freshDb();
  await syncCatalog(db, v1);
  return db;
}
const note = async (db: ReturnType<typeof freshDb>, id: string) => (await getPaper(db, id))!;
const putBack = (db: ReturnType<typeof freshDb>, record: PaperRecord) => db.transaction('rw', paperTables(db), async () => putPapers(db, [record]));

describe('catalog sync', () => {
  it('seeds a fresh install, findable at once', async () => {
    const db = freshDb();
    const report = await syncCatalog(db, v1);
    expect(report).toMatchObject({ status: 'applied', added: 2 });
    expect(await appliedCatalogHash(db)).toBe(v1.hash);
    expect(await note(db, sarathi.id)).toMatchObject({ origin: 'catalog', catalogId: sarathi.id, note: '* Chunked-prefills\n', rev: 1 });
    expect((await findPaper(db, arxivPage(sarathi.fields.title, '2403.02310')))?.record.id).toBe(sarathi.id);
    expect(await db.venues.get('OSDI 2024')).toBeDefined();
  });

  it('does nothing when the same catalog is applied again', async () => {
    const db = await installed();
    const before = await storedPapers(db);
    expect((await syncCatalog(db, v1)).status).toBe('unchanged');
    expect(await storedPapers(db)).toEqual(before);
  });

  it('gives untouched records the new catalog text', async () => {
    const db = await installed();
    const report = await syncCatalog(db, catalog(sarathi2, llumnix));
    expect(report).toMatchObject({ updated: 1, conflicts: 0 });
    expect(await note(db, sarathi.id)).toMatchObject({ note: sarathi2.fields.note, rev: 2, catalogBase: { hash: sarathi2.hash } });
  });

  it('keeps the user’s text when only the user changed it', async () => {
    const db = await installed();
    await savePaper(db, sarathi.id, { note: '* my own words\n' }, 1);
    const report = await syncCatalog(db, catalog(sarathi, llumnix2));
    expect(report).toMatchObject({ updated: 1, kept: 1 });
    expect((await note(db, sarathi.id)).note).toBe('* my own words\n');
    expect((await note(db, llumnix.id)).affiliations).toBe('Alibaba');
  });

  it('keeps the user’s text and offers the catalog’s beside it when both changed', async () => {
    const db = await installed();
    await savePaper(db, sarathi.id, { note: '* my own words\n' }, 1);
    const report = await syncCatalog(db, catalog(sarathi2, llumnix));
    expect(report).toMatchObject({ conflicts: 1 });
    const record = await note(db, sarathi.id);
    expect(record.note).toBe('* my own words\n');
    expect(record.catalogPending?.fields.note).toBe(sarathi2.fields.note);

    await dismissCatalogUpdate(db, sarathi.id);
    expect(await note(db, sarathi.id)).toMatchObject({ note: '* my own words\n', catalogBase: { hash: sarathi2.hash } });
    expect((await note(db, sarathi.id)).catalogPending).toBeUndefined();
  });

  it('takes the catalog’s text when the user accepts the update', async () => {
    const db = await installed();
    await savePaper(db, sarathi.id, { note: '* my own words\n' }, 1);
    await syncCatalog(db, catalog(sarathi2, llumnix));
    await acceptCatalogUpdate(db, sarathi.id);
    const record = await note(db, sarathi.id);
    expect(record).toMatchObject({ note: sarathi2.fields.note, catalogBase: { hash: sarathi2.hash } });
    expect(record.catalogPending).toBeUndefined();
    expect((await syncCatalog(db, catalog(sarathi2, llumnix))).conflicts).toBe(0);
  });

  it('deletes untouched records gone from the catalog and keeps edited ones, marked', async () => {
    const db = await installed();
    await savePaper(db, llumnix.id, { note: '* I wrote this\n' }, 1);
    const report = await syncCatalog(db, catalog());
    expect(report).toMatchObject({ removed: 1, orphaned: 1 });
    expect(await getPaper(db, sarathi.id)).toBeUndefined();
    expect(await note(db, llumnix.id)).toMatchObject({ note: '* I wrote this\n', catalogRemoved: true });
  });

  it('keeps an untouched record gone from the catalog while it has an unsaved draft, marked', async () => {
    const db = await installed();
    await db.drafts.put({ key: `${sarathi.id}|e`, paperId: sarathi.id, note: '* half-written\n', summary: '', tags: [], baseRev: 1, baseNote: sarathi.fields.note, updatedAt: 1 });
    expect(await syncCatalog(db, catalog(llumnix))).toMatchObject({ removed: 0, orphaned: 1 });
    expect(await note(db, sarathi.id)).toMatchObject({ note: sarathi.fields.note, catalogRemoved: true });
    expect(await db.drafts.get(`${sarathi.id}|e`)).toMatchObject({ note: '* half-written\n' });
  });

  it('never touches notes the user created, even for a catalog paper', async () => {
    const db = freshDb();
    const own = await addPaper(db, { title: sarathi.fields.title, note: '* mine\n', usenixKey: 'osdi24/agrawal' });
    await syncCatalog(db, v1);
    expect(await note(db, own.id)).toEqual(own);
    await syncCatalog(db, catalog());
    expect(await note(db, own.id)).toEqual(own);
    // The user's own note comes first for the page.
    const page = { key: 'usenix:osdi24/agrawal', source: 'usenix', kind: 'presentation', url: 'https://www.usenix.org/conference/osdi24/presentation/agrawal', usenixKey: 'osdi24/agrawal', title: sarathi.fields.title } as const;
    expect((await findPaper(db, page))?.record.id).toBe(own.id);
  });

  it('keeps identifiers recorded by the user’s visits through an update', async () => {
    const db = await installed();
    await rewriteStored(db, sarathi.id, { usenixKey: 'osdi24/agrawal', urls: ['https://usenix.org/conference/osdi24/presentation/agrawal'] });
    await syncCatalog(db, catalog(sarathi2, llumnix));
    expect(await note(db, sarathi.id)).toMatchObject({ usenixKey: 'osdi24/agrawal', urls: ['https://usenix.org/conference/osdi24/presentation/agrawal'], note: sarathi2.fields.note });
  });

  it('is all or nothing: interrupted before commit, the database keeps the old catalog', async () => {
    const db = await installed();
    await savePaper(db, sarathi.id, { note: '* mine\n' }, 1);
    const before = await storedPapers(db);
    const next = catalog(sarathi2, llumnix2);
    await expect(syncCatalog(db, next, { beforeCommit: () => { throw new Error('worker stopped'); } })).rejects.toThrow('worker stopped');
    expect(await storedPapers(db)).toEqual(before);
    expect(await appliedCatalogHash(db)).toBe(v1.hash);
    expect((await syncCatalog(db, next)).status).toBe('applied');
    expect((await note(db, llumnix.id)).affiliations).toBe('Alibaba');
  });

  it('applies once when two contexts start it at the same time', async () => {
    const db = freshDb();
    const [a, b] = await Promise.all([syncCatalog(db, v1), syncCatalog(freshDbSame(db), v1)]);
    expect([a.status, b.status].sort()).toEqual(['applied', 'unchanged']);
    expect(await paperCount(db)).toBe(2);
  });

  it('handles a downgrade like any other change', async () => {
    const db = freshDb();
    await syncCatalog(db, catalog(sarathi2, llumnix2));
    await savePaper(db, llumnix.id, { note: '* kept through the downgrade\n' }, 1);
    const report = await syncCatalog(db, catalog(sarathi));
    expect(report).toMatchObject({ updated: 1, orphaned: 1 });
    expect(await note(db, sarathi.id)).toMatchObject({ note: sarathi.fields.note });
    expect(await note(db, llumnix.id)).toMatchObject({ note: '* kept through the downgrade\n', catalogRemoved: true });
  });
});

/** A second connection to the same database, as a second extension context would open. */
function freshDbSame(db: ReturnType<typeof freshDb>) {
  return new (db.constructor as typeof import('@/lib/db/schema').PaperNotesDB)(db.name);
}

describe('a catalog note the user deleted', () => {
  it('is not brought back by the next catalog change, and is forgotten once the catalog drops it', async () => {
    const db = await installed();
    await deletePaper(db, sarathi.id);
    const report = await syncCatalog(db, catalog(sarathi2, llumnix2));
    expect(report).toMatchObject({ added: 0, deleted: 1, updated: 1 });
    expect(await getPaper(db, sarathi.id)).toBeUndefined();
    await syncCatalog(db, catalog(llumnix2));
    expect(await deletedCatalogIds(db)).toEqual(new Set());
    // Back in a later catalog, it is a new paper again.
    expect((await syncCatalog(db, catalog(sarathi2, llumnix2))).added).toBe(1);
  });

  it('restored by the user (an import of it), is theirs again and synced as before', async () => {
    const db = await installed();
    const before = await note(db, sarathi.id);
    await deletePaper(db, sarathi.id);
    await putBack(db, before);
    await syncCatalog(db, catalog(sarathi2, llumnix));
    expect(await note(db, sarathi.id)).toMatchObject({ note: sarathi2.fields.note, catalogId: sarathi.id });
    expect(await deletedCatalogIds(db)).toEqual(new Set());
  });
});

describe('a catalog note the user deleted, the last record in the database', () => {
  it('is not brought back by the next catalog version either', async () => {
    const db = freshDb();
    const one = catalog(sarathi);
    await syncCatalog(db, { ...one, rows: catalogRows(one.papers) });
    await deletePaper(db, sarathi.id);
    expect(await paperCount(db)).toBe(0);
    const next = catalog(sarathi2);
    expect(await syncCatalog(db, { ...next, rows: catalogRows(next.papers) })).toMatchObject({ status: 'applied', added: 0 });
    expect(await getPaper(db, sarathi.id)).toBeUndefined();
  });

  it('nor by a first sync that never completed before the user deleted it (imported, then deleted)', async () => {
    const db = freshDb();
    await setDeletedCatalogIds(db, [sarathi.id]);
    const one = catalog(sarathi, llumnix);
    expect(await syncCatalog(db, { ...one, rows: catalogRows(one.papers) })).toMatchObject({ status: 'applied', added: 1 });
    expect(await getPaper(db, sarathi.id)).toBeUndefined();
    expect(await getPaper(db, llumnix.id)).toBeDefined();
  });
});

describe('an edited catalog note, when the catalog changes what the user did not', () => {
  it('takes the catalog’s new identifiers and place on its page, with no update to review', async () => {
    const db = await installed();
    await savePaper(db, sarathi.id, { note: '* Chunked-prefills\n* mine\n' }, 1);
    const moved = paper(sarathi.id, { ...sarathi.fields, arxivId: '2403.02310', position: 3 });
    expect(await syncCatalog(db, catalog(moved, llumnix))).toMatchObject({ conflicts: 0 });
    const record = await note(db, sarathi.id);
    expect(record).toMatchObject({ note: '* Chunked-prefills\n* mine\n', arxivId: '2403.02310', position: 3 });
    expect(record.catalogPending).toBeUndefined();
    expect(await findPaper(db, arxivPage('Another title on arXiv', '2403.02310'))).toMatchObject({ by: 'arxiv', record: { id: sarathi.id } });
  });

  it('merges field by field: the catalog’s new note beside the user’s tags, and asks only when both changed one field', async () => {
    const db = await installed();
    await savePaper(db, sarathi.id, { note: sarathi.fields.note, tags: ['scheduling'] }, 1);
    expect(await syncCatalog(db, catalog(sarathi2, llumnix))).toMatchObject({ updated: 1, conflicts: 0 });
    const merged = await note(db, sarathi.id);
    expect(merged).toMatchObject({ note: sarathi2.fields.note, tags: ['scheduling'] });
    expect(merged.catalogPending).toBeUndefined();
    // The catalog changes the note again while the user has changed it too: now they choose.
    await savePaper(db, sarathi.id, { note: '* my version\n' }, merged.rev);
    const sarathi3 = paper(sarathi.id, { ...sarathi2.fields, note: '* the catalog’s third version\n' });
    expect(await syncCatalog(db, catalog(sarathi3, llumnix))).toMatchObject({ conflicts: 1 });
    expect(await note(db, sarathi.id)).toMatchObject({ note: '* my version\n', tags: ['scheduling'], catalogPending: { fields: { note: sarathi3.fields.note } } });
  });
});

describe('a catalog update the user must review (both changed the note)', () => {
  async function conflicted() {
    const db = await installed();
    await savePaper(db, sarathi.id, { note: '* mine\n', tags: ['mytag'] }, 1);
    const both = paper(sarathi.id, { ...sarathi.fields, note: '* the catalog’s\n', summary: 'S2' });
    expect(await syncCatalog(db, catalog(both, llumnix))).toMatchObject({ conflicts: 1 });
    return db;
  }

  it('takes at once what only the catalog changed, and keeps the user’s note and tags', async () => {
    const db = await conflicted();
    expect(await note(db, sarathi.id)).toMatchObject({ note: '* mine\n', tags: ['mytag'], summary: 'S2', catalogPending: { fields: { note: '* the catalog’s\n' } } });
  });

  it('on Accept, takes the catalog’s note and keeps the tags only the user changed', async () => {
    const db = await conflicted();
    await acceptCatalogUpdate(db, sarathi.id);
    const accepted = await note(db, sarathi.id);
    expect(accepted).toMatchObject({ note: '* the catalog’s\n', tags: ['mytag'], summary: 'S2' });
    expect(accepted.catalogPending).toBeUndefined();
  });

  it('after Dismiss, takes a later change of a field the user never touched without asking', async () => {
    const db = await conflicted();
    await dismissCatalogUpdate(db, sarathi.id);
    const v3 = paper(sarathi.id, { ...sarathi.fields, note: '* the catalog’s\n', summary: 'S3' });
    expect(await syncCatalog(db, catalog(v3, llumnix))).toMatchObject({ conflicts: 0 });
    expect(await note(db, sarathi.id)).toMatchObject({ note: '* mine\n', tags: ['mytag'], summary: 'S3' });
  });
});

describe('a record holding a catalog id without the link (restored from a copy that lost it)', () => {
  it('is linked and keeps its text; a later catalog change waits for the user', async () => {
    const db = freshDb();
    await createPaper(db, { ...sarathi.fields, note: '* my own words\n' }, 'catalog', sarathi.id);
    const report = await syncCatalog(db, v1);
    expect(report).toMatchObject({ added: 1, kept: 1 });
    const linked = await note(db, sarathi.id);
    expect(linked).toMatchObject({ note: '* my own words\n', catalogId: sarathi.id, catalogBase: { hash: sarathi.hash, fields: { note: sarathi.fields.note } } });
    expect((await syncCatalog(db, catalog(sarathi2, llumnix))).conflicts).toBe(1);
    expect(await note(db, sarathi.id)).toMatchObject({ note: '* my own words\n', catalogPending: { hash: sarathi2.hash } });
  });

  it('holding the catalog text itself, is linked as untouched and takes the next version', async () => {
    const db = freshDb();
    await createPaper(db, sarathi.fields, 'catalog', sarathi.id);
    await syncCatalog(db, v1);
    expect(await note(db, sarathi.id)).toMatchObject({ catalogId: sarathi.id, catalogBase: { hash: sarathi.hash } });
    expect((await note(db, sarathi.id)).catalogBase?.fields).toBeUndefined();
    await syncCatalog(db, catalog(sarathi2, llumnix));
    expect((await note(db, sarathi.id)).note).toBe(sarathi2.fields.note);
  });
});

describe('first install of the bundled catalog', () => {
  it('writes the build’s postings as they are, and they index exactly what a sync computes', async () => {
    const { buildCatalog } = await import('@/lib/catalog/build');
    const { readMarkdownFolder } = await import('@/lib/node/read-folder');
    const { searchPapers } = await import('@/lib/db/search');
    const bundled = buildCatalog(readMarkdownFolder(`${import.meta.dirname}/../../../../assets/catalog`));
    const fresh = freshDb();
    await syncCatalog(fresh, bundled);
    // A database with a note already takes the general path.
    const used = freshDb();
    await addPaper(used, { title: 'A note of my own' });
    await syncCatalog(used, bundled);
    for (const query of ['chunked prefills', 'kv cache', 'smartmoe', 'best paper', 'osdi 2024', 'meta platforms']) {
      const ids = async (db: typeof fresh) => (await searchPapers(db, query)).hits.map((h) => h.id).sort();
      expect(await ids(fresh), query).toEqual(await ids(used));
      expect((await ids(fresh)).length, query).toBeGreaterThan(0);
    }
    expect(await paperCount(fresh)).toBe(bundled.papers.length);
    expect((await fresh.meta.get('seq'))?.value).toBe(bundled.papers.length);
    // And later writes keep the postings right.
    const sarathi = (await searchPapers(fresh, 'sarathi')).hits[0]!;
    await savePaper(fresh, sarathi.id, { note: '* replaced entirely\n' }, sarathi.rev);
    expect((await searchPapers(fresh, 'chunked prefills')).total).toBe(0);
    expect((await searchPapers(fresh, 'replaced entirely')).hits.map((h) => h.id)).toEqual([sarathi.id]);
  });
});

describe('venue details across catalog updates', () => {
  /** The OSDI 2024 venue as a catalog version gives it. */
  const withVenue = (base: Catalog, details: Partial<VenueRecord>): Catalog => ({ ...base, venues: [{ ...base.venues[0]!, ...details }] });
  /** An import of an OSDI 2024 page with Meta Info: it fills the venue's empty details. */
  async function importVenuePage(db: ReturnType<typeof freshDb>) {
    const page = ['# OSDI 2024', '', '## Meta Info', '', 'Homepage: [https://example.org/my-osdi24](https://example.org/my-osdi24)', '', '### Acceptance Rate', '', '19.2% (= 53 / 276)', '', '## Papers', ''].join('\n');
    const read = readImportFiles([{ path: 'osdi-2024.md', bytes: new TextEncoder().encode(page) }]);
    expect(read.errors).toEqual([]);
    await applyImport(db, await planImport(db, read));
  }

  it('keeps what an import filled in, and takes what the catalog changed and the user did not', async () => {
    const db = freshDb();
    await syncCatalog(db, withVenue(v1, { paperList: 'https://www.usenix.org/conference/osdi24/technical-sessions' }));
    await importVenuePage(db);
    expect(await db.venues.get('OSDI 2024')).toMatchObject({ homepage: 'https://example.org/my-osdi24', acceptanceRate: '19.2% (= 53 / 276)' });

    const next = withVenue(catalog(sarathi2, llumnix), { paperList: 'https://www.usenix.org/conference/osdi24/program', references: '* The catalog’s reading list' });
    expect((await syncCatalog(db, next)).status).toBe('applied');
    expect(await db.venues.get('OSDI 2024')).toMatchObject({
      homepage: 'https://example.org/my-osdi24',
      acceptanceRate: '19.2% (= 53 / 276)',
      paperList: 'https://www.usenix.org/conference/osdi24/program',
      references: '* The catalog’s reading list',
    });
    // Backed up with what the catalog gave, so that a restore tells the user's details from it.
    expect((await readLibrary(db)).venues[0]!.catalogBase).toEqual({ homepage: '', paperList: 'https://www.usenix.org/conference/osdi24/program', acceptanceRate: '', references: '* The catalog’s reading list' });
  });

  it('keeps a detail stored before venues recorded the catalog’s values, unless the catalog now gives one', async () => {
    const db = await installed();
    await db.venues.put({ ...v1.venues[0]!, homepage: 'https://example.org/mine', acceptanceRate: '20%' });
    await syncCatalog(db, withVenue(catalog(sarathi2, llumnix), { acceptanceRate: '19.2% (= 53 / 276)' }));
    expect(await db.venues.get('OSDI 2024')).toMatchObject({ homepage: 'https://example.org/mine', acceptanceRate: '19.2% (= 53 / 276)' });
  });
});

describe('a catalog release that corrects a paper’s title or venue (and so its id)', () => {
  const truncated = paper('cat:atc-2023/smartmoe-efficiently-training-sparsely-activated-models', {
    title: 'SmartMoE: Efficiently Training Sparsely-Activated Models ...',
    venue: 'ATC 2023',
    year: 2023,
    note: '* Hybrid parallelism\n',
  });
  const completed = paper('cat:atc-2023/smartmoe-efficiently-training-sparsely-activated-models-through-combining-offline-and-online-parallelization', {
    ...truncated.fields,
    title: 'SmartMoE: Efficiently Training Sparsely-Activated Models through Combining Offline and Online Parallelization',
  });

  it('carries the user’s edited note over to the corrected paper: no orphan, no duplicate', async () => {
    const db = freshDb();
    await syncCatalog(db, catalog(sarathi, truncated));
    await savePaper(db, truncated.id, { note: '* Hybrid parallelism\n* MY OWN INSIGHT\n' }, 1);
    const report = await syncCatalog(db, catalog(sarathi, completed));
    expect(report).toMatchObject({ added: 0, removed: 0, orphaned: 0, updated: 1 });
    expect(await paperCount(db)).toBe(2);
    const record = await note(db, truncated.id);
    expect(record).toMatchObject({ title: completed.fields.title, note: '* Hybrid parallelism\n* MY OWN INSIGHT\n', catalogId: completed.id });
    expect(record.catalogRemoved).toBeUndefined();
    expect((await findPaper(db, arxivPage(completed.fields.title, '2401.99999')))?.record.id).toBe(truncated.id);
    // Linked to the new id from now on: the next release's changes come in as for any paper.
    const next = paper(completed.id, { ...completed.fields, affiliations: 'Tsinghua University' });
    expect(await syncCatalog(db, catalog(sarathi, next))).toMatchObject({ updated: 1, added: 0 });
    expect(await note(db, truncated.id)).toMatchObject({ affiliations: 'Tsinghua University', note: '* Hybrid parallelism\n* MY OWN INSIGHT\n' });
  });

  it('keeps the ids and URLs visits recorded on an untouched record', async () => {
    const db = freshDb();
    await syncCatalog(db, catalog(sarathi, truncated));
    await matchPage(db, arxivPage(completed.fields.title, '2306.00001'));
    expect(await note(db, truncated.id)).toMatchObject({ arxivId: '2306.00001' });
    await syncCatalog(db, catalog(sarathi, completed));
    expect(await note(db, truncated.id)).toMatchObject({ title: completed.fields.title, arxivId: '2306.00001', urls: ['https://arxiv.org/abs/2306.00001'] });
    expect(await paperCount(db)).toBe(2);
  });

  it('follows a corrected venue by the paper’s arXiv id', async () => {
    const db = freshDb();
    const misfiled = paper('cat:osdi-2023/sarathi-serve', { title: 'Sarathi-Serve', venue: 'OSDI 2023', year: 2023, arxivId: '2403.02310' });
    await syncCatalog(db, catalog(misfiled));
    await savePaper(db, misfiled.id, { note: '* mine\n' }, 1);
    const refiled = paper('cat:osdi-2024/taming-throughput-latency-tradeoff', { ...sarathi.fields, arxivId: '2403.02310' });
    expect(await syncCatalog(db, catalog(refiled))).toMatchObject({ added: 0, orphaned: 0 });
    expect(await note(db, misfiled.id)).toMatchObject({ venue: 'OSDI 2024', note: '* mine\n', catalogId: refiled.id });
  });

  it('keeps a paper the user deleted deleted under its new id, and forgets the old one', async () => {
    const db = freshDb();
    const refiled = paper('cat:osdi-2024/taming-throughput-latency-tradeoff-in-llm-inference-with-sarathi-serve', { ...sarathi.fields });
    const misfiled = paper('cat:osdi-2023/taming-throughput-latency-tradeoff-in-llm-inference-with-sarathi-serve', { ...sarathi.fields, venue: 'OSDI 2023', year: 2023 });
    await syncCatalog(db, catalog(misfiled, truncated));
    await deletePaper(db, truncated.id);
    await deletePaper(db, misfiled.id);
    const other = paper('cat:atc-2023/another-paper-entirely', { title: 'Another Paper Entirely', venue: 'ATC 2023', year: 2023 });
    const report = await syncCatalog(db, catalog(refiled, completed, other));
    expect(report).toMatchObject({ added: 1, deleted: 2 });
    expect(await paperCount(db)).toBe(1);
    expect([...(await deletedCatalogIds(db))].sort()).toEqual([completed.id, refiled.id].sort());
  });

  it('keeps a deleted paper deleted when the catalog corrects a slip in its title', async () => {
    const db = freshDb();
    const slip = paper('cat:osdi-2024/taming-throughput-latency-tradeof-in-llm-inference-with-sarathi-serve', { ...sarathi.fields, title: 'Taming Throughput-Latency Tradeof in LLM Inference with Sarathi-Serve' });
    const corrected = paper('cat:osdi-2024/taming-throughput-latency-tradeoff-in-llm-inference-with-sarathi-serve', { ...sarathi.fields });
    await syncCatalog(db, catalog(slip, truncated));
    await deletePaper(db, slip.id);
    const report = await syncCatalog(db, catalog(corrected, truncated));
    expect(report).toMatchObject({ added: 0 });
    expect(await paperCount(db)).toBe(1);
    expect([...(await deletedCatalogIds(db))]).toEqual([corrected.id]);
  });

  it('goes back to its first id when a later catalog undoes the correction (or an older one is installed)', async () => {
    const db = freshDb();
    await syncCatalog(db, catalog(sarathi, truncated));
    await matchPage(db, arxivPage(completed.fields.title, '2306.00001'));
    await syncCatalog(db, catalog(sarathi, completed));
    expect(await syncCatalog(db, catalog(sarathi, truncated))).toMatchObject({ added: 0, removed: 0, updated: 1 });
    expect(await paperCount(db)).toBe(2);
    expect(await note(db, truncated.id)).toMatchObject({ title: truncated.fields.title, catalogId: truncated.id, arxivId: '2306.00001' });
  });

  it('keeps the user’s edit when the correction is undone, and the sync completes', async () => {
    const db = freshDb();
    await syncCatalog(db, catalog(sarathi, truncated));
    await savePaper(db, truncated.id, { note: '* MY OWN INSIGHT\n' }, 1);
    await syncCatalog(db, catalog(sarathi, completed));
    const undone = catalog(sarathi, truncated);
    expect(await syncCatalog(db, undone)).toMatchObject({ added: 0, removed: 0, orphaned: 0 });
    expect(await appliedCatalogHash(db)).toBe(undone.hash);
    expect(await paperCount(db)).toBe(2);
    expect(await note(db, truncated.id)).toMatchObject({ title: truncated.fields.title, note: '* MY OWN INSIGHT\n', catalogId: truncated.id });
  });

  it('stays with the corrected paper when the catalog also has a paper under its first id', async () => {
    const db = freshDb();
    await syncCatalog(db, catalog(sarathi, truncated));
    await savePaper(db, truncated.id, { note: '* MY OWN INSIGHT\n' }, 1);
    await syncCatalog(db, catalog(sarathi, completed));
    const both = catalog(sarathi, truncated, completed);
    expect(await syncCatalog(db, both)).toMatchObject({ added: 1, removed: 0 });
    expect(await appliedCatalogHash(db)).toBe(both.hash);
    const papers = await storedPapers(db);
    expect(papers.map((p) => p.catalogId).sort()).toEqual([completed.id, sarathi.id, truncated.id].sort());
    expect(new Set(papers.map((p) => p.id)).size).toBe(3);
    expect(await note(db, truncated.id)).toMatchObject({ catalogId: completed.id, note: '* MY OWN INSIGHT\n' });
    // The next sync finds each linked as it was left.
    expect(await syncCatalog(db, catalog(sarathi, truncated, paper(completed.id, { ...completed.fields, affiliations: 'Tsinghua' })))).toMatchObject({ added: 0, updated: 1 });
  });

  it('pairs nothing where a dropped paper could be either of two new ones', async () => {
    const db = freshDb();
    await syncCatalog(db, catalog(sarathi, truncated));
    const other = paper('cat:atc-2023/smartmoe-efficiently-training-sparsely-activated-models-v2', { ...completed.fields, title: 'SmartMoE: Efficiently Training Sparsely-Activated Models, Revisited' });
    expect(await syncCatalog(db, catalog(sarathi, completed, other))).toMatchObject({ added: 2, removed: 1 });
  });
});

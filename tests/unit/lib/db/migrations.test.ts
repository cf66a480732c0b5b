import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPaper } from '@/lib/db/lookup';
import { buildRecord, savePaper } from '@/lib/db/notes';
import type { PaperFields, PaperRecord } from '@/lib/db/records';
import type { DetectedPaper } from '@/lib/paper';
import { PaperNotesDB, SCHEMA_VERSIONS } from '@/lib/db/schema';
import { searchPapers } from '@/lib/db/search';
import { emptyFields, indexedTerms } from '@/lib/notes/derive';
import { APPLIED_CATALOG, syncCatalog } from '@/lib/catalog/sync';
import { catalogRecord } from '@/lib/catalog/merge';
import { listTopics, listVenues, papersInTopic, papersInVenue } from '@/lib/db/library';
import { TERMS_VERSION, TERMS_VERSION_KEY, termsCurrent } from '@/lib/db/reindex';
import { addOldPaper, addPaper, arxivPage, freshDb, oldPapers, oneNoteCatalog, putOldRecord } from '../../db-helpers';
import { getPaper, getPapers } from '@/lib/db/read';
import { normaliseTitle, titleWords, truncatedPrefix } from '@/lib/match/title';
import { tokenize } from '@/lib/search/tokens';
import { readLibrary } from '@/lib/library/from-db';
import { countPapers, SHELF } from '@/lib/db/shelves';

const SKYPLANE = 'Skyplane: Optimizing Transfer Cost and Throughput Using Cloud-Aware Overlays';
const closeToSkyplane = arxivPage('Skyplane: optimizing transfer cost and throughput using cloud-aware overlay', '2210.07259');

describe('schema versions', () => {
  it('are appended in order', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('each have an upgrade test below that starts from the version before, with data in it', () => {
    const source = readFileSync(import.meta.filename, 'utf8');
    for (const { version } of SCHEMA_VERSIONS.slice(1)) expect(source).toContain(`freshDb(${version - 1})`);
  });

  it('open an empty database at the newest version', async () => {
    const db = freshDb();
    await addPaper(db, { title: 'A paper' });
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
  });
});

/** A record as versions 1 to 3 wrote it: words stored in the record, no paper number. */
const oldRecord = (id: string, fields: Partial<PaperFields> & { title: string }) => {
  const full = emptyFields(fields);
  return { ...buildRecord(full, { id, createdAt: 1, updatedAt: 1, rev: 1, origin: 'user' }), ...indexedTerms({ ...full, id }) };
};

describe('upgrade from version 1 (before the catalog)', () => {
  it('keeps notes, drafts and venues, and indexes catalog ids', async () => {
    const old = freshDb(1);
    const note = oldRecord('u-1', { title: 'My own note', note: '* kept\n', arxivId: '2401.00001' });
    await oldPapers(old).put(note);
    await old.drafts.put({ key: `${note.id}|e`, paperId: note.id, note: 'draft', summary: '', tags: [], baseRev: 1, baseNote: '', updatedAt: 1 });
    await old.venues.put({ label: 'OSDI 2024', name: 'OSDI', year: 2024, group: 'conference', homepage: '', paperList: '', acceptanceRate: '', references: '' });
    expect(old.verno).toBe(1);
    old.close();

    const db = new PaperNotesDB(old.name, { upTo: 2 });
    await db.open();
    expect(db.verno).toBe(2);
    expect(await oldPapers(db).get(note.id)).toEqual(note);
    expect(await db.drafts.count()).toBe(1);
    expect(await oldPapers(db).where('arxivId').equals('2401.00001').count()).toBe(1);
    expect(await oldPapers(db).where('catalogId').above('').count()).toBe(0);

    await oldPapers(db).put(oldRecord('cat:x', { title: 'A catalog paper' }));
    await oldPapers(db).update('cat:x', { catalogId: 'cat:x' });
    expect(await oldPapers(db).where('catalogId').equals('cat:x').count()).toBe(1);
    expect(await oldPapers(db).get(note.id)).toEqual(note);
  });
});

/** A record exactly as schema 1's code wrote it: words, title words and a four-word truncated-title key stored in it. */
function recordOfVersion1(id: string, fields: Partial<PaperFields> & { title: string }) {
  const full = emptyFields(fields);
  const titleKey = normaliseTitle(full.title);
  const prefix = truncatedPrefix(full.title);
  const searchTokens = tokenize(full.title, full.authors.join(' '), full.venue, full.topic, full.tags.join(' '), full.affiliations, full.summary, full.note);
  const record = { ...full, id, createdAt: 1, updatedAt: 1, rev: 1, origin: 'user', titleKey, titleWords: titleWords(titleKey), searchTokens };
  return prefix ? { ...record, titlePrefix: prefix, prefixKey: prefix.split(' ').slice(0, 4).join(' ') } : record;
}

describe('upgrade from version 1 straight to the newest (every step in one upgrade)', () => {
  it('keeps notes, drafts and venues, and every lookup, search (Chinese too), listing and export works at once', async () => {
    const old = freshDb(1);
    const skyplane = recordOfVersion1('u-1', { title: SKYPLANE, venue: 'NSDI 2023', arxivId: '2210.07259', urls: ['https://example.org/skyplane'], note: '* egress pricing\n* 新的调度方法\n' });
    const cut = recordOfVersion1('u-2', { title: 'Efficiently Programming Large Lang...', venue: 'SOSP 2024', tags: ['llm'], note: '* sglang\n' });
    await oldPapers(old).bulkPut([skyplane, cut] as unknown as PaperRecord[]);
    await old.drafts.put({ key: 'u-1|e', paperId: 'u-1', note: 'draft', summary: '', tags: [], baseRev: 1, baseNote: '', updatedAt: 1 });
    await old.venues.put({ label: 'NSDI 2023', name: 'NSDI', year: 2023, group: 'conference', homepage: 'https://www.usenix.org/conference/nsdi23', paperList: '', acceptanceRate: '', references: '' });
    old.close();

    const db = new PaperNotesDB(old.name);
    await db.open();
    expect(await termsCurrent(db)).toBe(true);
    expect(await getPaper(db, 'u-1')).toMatchObject({ note: skyplane.note, seq: 0, rev: 1 });
    expect(await findPaper(db, arxivPage('Another title', '2210.07259'))).toMatchObject({ by: 'arxiv', record: { id: 'u-1' } });
    expect(await findPaper(db, { ...arxivPage('Another title'), arxivId: undefined, url: 'https://example.org/skyplane' })).toMatchObject({ by: 'url', record: { id: 'u-1' } });
    expect(await findPaper(db, closeToSkyplane)).toMatchObject({ record: { id: 'u-1' } });
    expect(await findPaper(db, arxivPage('Efficiently Programming Large Language Models using SGLang'))).toMatchObject({ by: 'prefix', record: { id: 'u-2' } });
    expect((await searchPapers(db, '调度')).hits.map((h) => h.id)).toEqual(['u-1']);
    expect((await searchPapers(db, 'sglang')).hits.map((h) => h.id)).toEqual(['u-2']);
    expect((await listVenues(db)).map((v) => v.label).sort()).toEqual(['NSDI 2023', 'SOSP 2024']);
    expect(await db.drafts.count()).toBe(1);
    const library = await readLibrary(db);
    expect(library.papers.map((p) => [p.title, p.note])).toEqual(expect.arrayContaining([[SKYPLANE, skyplane.note], [cut.title, cut.note]]));
    expect(library.papers.every((p) => !('searchTokens' in p) && !('prefixKey' in p))).toBe(true);
    // Written afresh, the old words go: the note is found by its new words only.
    await savePaper(db, 'u-1', { note: '* replaced\n' }, 1);
    expect((await searchPapers(db, 'egress')).hits).toEqual([]);
    expect((await addPaper(db, { title: 'New' })).seq).toBe(2);
  });
});

describe('upgrade from version 2 (before postings)', () => {
  it('numbers every paper and builds the search postings, so search and close titles work at once', async () => {
    const old = freshDb(2);
    await oldPapers(old).bulkPut([
      oldRecord('u-1', { title: 'Skyplane: Optimizing Transfer Cost and Throughput Using Cloud-Aware Overlays', note: '* egress pricing\n' }),
      oldRecord('u-2', { title: 'Another paper', note: '* chunked prefills\n', venue: 'OSDI 2024' }),
    ]);
    await old.drafts.put({ key: 'u-1|e', paperId: 'u-1', note: 'draft', summary: '', tags: [], baseRev: 1, baseNote: '', updatedAt: 1 });
    old.close();

    const db = new PaperNotesDB(old.name, { upTo: 3 });
    expect((await oldPapers(db).orderBy('seq').toArray()).map((p) => [p.id, p.seq])).toEqual([['u-1', 0], ['u-2', 1]]);
    expect(await db.terms.count()).toBeGreaterThan(0);
    db.close();
  });
});

describe('upgrade from version 3 (words stored in each record)', () => {
  it('strips the stored words, rebuilds the postings in the new layout, and search and close titles work', async () => {
    const old = freshDb(3);
    await oldPapers(old).bulkPut([
      { ...oldRecord('u-1', { title: 'Skyplane: Optimizing Transfer Cost and Throughput Using Cloud-Aware Overlays', note: '* egress pricing\n' }), seq: 0 },
      { ...oldRecord('u-2', { title: 'Another paper', note: '* chunked prefills\n', venue: 'OSDI 2024' }), seq: 1 },
    ]);
    await old.meta.put({ key: 'seq', value: 2 });
    await old.drafts.put({ key: 'u-1|e', paperId: 'u-1', note: 'draft', summary: '', tags: [], baseRev: 1, baseNote: '', updatedAt: 1 });
    // Version 3 grouped full-text terms by two letters; such rows must not survive.
    await old.terms.put({ k: 'w:eg#0000', terms: { egress: [0] } });
    old.close();

    const db = new PaperNotesDB(old.name);
    const stored = await getPaper(db, 'u-1');
    expect(stored).not.toHaveProperty('searchTokens');
    expect(stored).not.toHaveProperty('titleWords');
    expect(await db.terms.get('w:eg#0000')).toBeUndefined();
    expect(await db.drafts.count()).toBe(1);
    expect((await searchPapers(db, 'egress')).hits.map((h) => h.id)).toEqual(['u-1']);
    expect((await searchPapers(db, 'chunk prefill')).hits.map((h) => h.id)).toEqual(['u-2']);
    expect(await findPaper(db, arxivPage('Skyplane: optimizing transfer cost and throughput using cloud-aware overlay'))).toMatchObject({ by: 'fuzzy', record: { id: 'u-1' } });
    // A paper created after the upgrade gets the next number.
    expect((await addPaper(db, { title: 'New' })).seq).toBe(2);
  });
});

describe('upgrade from version 4 (before snapshots)', () => {
  it('keeps everything, and takes snapshots from then on', async () => {
    const old = freshDb(4);
    const note = await addOldPaper(old, { title: 'Kept across the upgrade', note: '* n\n' });
    old.close();
    const db = new PaperNotesDB(old.name);
    expect(await getPaper(db, note.id)).toEqual(note);
    expect(await db.snapshots.count()).toBe(0);
    expect((await searchPapers(db, 'kept upgrade')).hits.map((h) => h.id)).toEqual([note.id]);
  });
});

describe('upgrade from version 5 (before close-title keys)', () => {
  it('keeps every paper, and close titles are found at once', async () => {
    const old = freshDb(5);
    const note = await addOldPaper(old, { title: SKYPLANE, note: '* mine\n' });
    old.close();
    const db = new PaperNotesDB(old.name);
    expect(await getPaper(db, note.id)).toEqual(note);
    expect(await findPaper(db, closeToSkyplane)).toMatchObject({ by: 'fuzzy', record: { id: note.id } });
  });
});

describe('upgrade from version 6 (close-title keys in an index)', () => {
  it('moves the keys from each record to the postings', async () => {
    const old = freshDb(6);
    const note = await addOldPaper(old, { title: SKYPLANE, note: '* mine\n' });
    // As version 6 wrote it: hashed keys in the record, none in the postings.
    await oldPapers(old).update(note.id, { closeKeys: [1, 2, 3] } as object);
    await old.terms.where('k').startsWith('k:').delete();
    old.close();
    const db = new PaperNotesDB(old.name);
    const upgraded = await getPaper(db, note.id);
    expect(upgraded).not.toHaveProperty('closeKeys');
    expect(upgraded).toEqual(note);
    expect(await db.terms.where('k').startsWith('k:').count()).toBeGreaterThan(0);
    expect(await findPaper(db, closeToSkyplane)).toMatchObject({ by: 'fuzzy', record: { id: note.id } });
    expect((await searchPapers(db, 'skyplane overlays')).hits.map((h) => h.id)).toEqual([note.id]);
  });
});

describe('upgrade from version 7 (truncated titles keyed by four words)', () => {
  it('keys them by three, so a title cut within its fourth word is found', async () => {
    const old = freshDb(7);
    const cut = await addOldPaper(old, { title: 'Efficiently Programming Large Lang...', venue: 'SOSP 2024' });
    const whole = await addOldPaper(old, { title: 'Skyplane: Optimizing Transfer Cost ...' });
    // As version 7 wrote it: the first four words.
    await oldPapers(old).update(cut.id, { prefixKey: 'efficiently programming large lang' } as object);
    await oldPapers(old).update(whole.id, { prefixKey: 'skyplane optimizing transfer cost' } as object);
    old.close();
    const db = new PaperNotesDB(old.name);
    const prefixKeyOf = async (id: string) => ((await getPaper(db, id)) as { prefixKey?: string } | undefined)?.prefixKey;
    expect(await prefixKeyOf(cut.id)).toBe('efficiently programming large');
    expect(await prefixKeyOf(whole.id)).toBe('skyplane optimizing transfer');
    expect(await findPaper(db, arxivPage('Efficiently Programming Large Language Models using SGLang'))).toMatchObject({ by: 'prefix', record: { id: cut.id } });
    expect(await findPaper(db, arxivPage(SKYPLANE))).toMatchObject({ by: 'prefix', record: { id: whole.id } });
  });
});

describe('upgrade from version 8 (venue, topic and catalog link as indexes of the papers store)', () => {
  it('moves them to facet postings: venues, topics and catalog links are listed as before', async () => {
    const old = freshDb(8);
    // As version 8 held a catalog: its record linked, the catalog applied.
    const catalog = oneNoteCatalog('* first\n');
    await putOldRecord(old, catalogRecord(catalog.papers[0]!, 1));
    await old.meta.put({ key: APPLIED_CATALOG, value: { hash: catalog.hash, appliedAt: 1, papers: 1 } });
    const mine = await addOldPaper(old, { title: 'My note', venue: 'OSDI 2024', topic: 'Storage', note: '* mine\n' });
    await addOldPaper(old, { title: 'Another', venue: 'NSDI 2024', topic: 'Storage' });
    // As version 8 wrote them: no facet rows, postings of the version before.
    await old.terms.where('k').startsWith('f:').delete();
    await old.meta.put({ key: TERMS_VERSION_KEY, value: TERMS_VERSION - 1 });
    expect(oldPapers(old).schema.idxByName).toHaveProperty('venue');
    old.close();

    const db = new PaperNotesDB(old.name);
    await db.open();
    expect(db.tables.map((t) => t.name)).not.toContain('papers');
    expect(await termsCurrent(db)).toBe(true);
    expect((await listVenues(db)).map((v) => [v.label, v.count])).toEqual([
      ['NSDI 2024', 1],
      ['OSDI 2024', 2],
    ]);
    expect((await papersInVenue(db, 'OSDI 2024')).map((p) => p.title)).toEqual(['A catalog paper', 'My note']);
    expect((await papersInTopic(db, 'Storage')).map((p) => p.title).sort()).toEqual(['Another', 'My note']);
    expect(await listTopics(db)).toEqual([{ topic: 'Storage', count: 2 }]);
    // The catalog record is still found as linked: a new catalog version updates it in place.
    expect(await syncCatalog(db, oneNoteCatalog('* second\n'))).toMatchObject({ updated: 1, added: 0 });
    expect((await getPaper(db, 'cat:a'))?.note).toBe('* second\n');
    expect(await getPaper(db, mine.id)).toEqual(mine);
  });
});

describe('upgrade from version 9 (lookup keys as indexes of the papers store)', () => {
  it('moves them to key postings: every kind of lookup finds its note as before', async () => {
    const old = freshDb(9);
    const byIds = await addOldPaper(old, { title: 'Sarathi-Serve', arxivId: '2403.02310', usenixKey: 'osdi24/agrawal', doi: '10.5555/1', urls: ['https://example.org/sarathi'] });
    const cut = await addOldPaper(old, { title: 'Efficiently Programming Large Lang...', venue: 'SOSP 2024' });
    const close = await addOldPaper(old, { title: SKYPLANE });
    // As version 9 wrote them: no key rows, postings of the version before.
    await old.terms.where('k').startsWith('k:').delete();
    await old.meta.put({ key: TERMS_VERSION_KEY, value: TERMS_VERSION - 1 });
    expect(oldPapers(old).schema.idxByName).toHaveProperty('arxivId');
    old.close();

    const db = new PaperNotesDB(old.name);
    await db.open();
    expect(db.tables.map((t) => t.name)).not.toContain('papers');
    expect(await termsCurrent(db)).toBe(true);
    expect(await findPaper(db, arxivPage('Another title', '2403.02310'))).toMatchObject({ by: 'arxiv', record: { id: byIds.id } });
    const page = (title: string, extra: Partial<DetectedPaper>) => ({ ...arxivPage(title), arxivId: undefined, ...extra });
    expect(await findPaper(db, page('Another title', { usenixKey: 'osdi24/agrawal' }))).toMatchObject({ by: 'usenix', record: { id: byIds.id } });
    expect(await findPaper(db, page('Another title', { doi: '10.5555/1' }))).toMatchObject({ by: 'doi', record: { id: byIds.id } });
    expect(await findPaper(db, page('Another title', { url: 'https://example.org/sarathi' }))).toMatchObject({ by: 'url', record: { id: byIds.id } });
    expect(await findPaper(db, page('sarathi serve', {}))).toMatchObject({ by: 'title', record: { id: byIds.id } });
    expect(await findPaper(db, arxivPage('Efficiently Programming Large Language Models using SGLang'))).toMatchObject({ by: 'prefix', record: { id: cut.id } });
    expect(await findPaper(db, closeToSkyplane)).toMatchObject({ by: 'fuzzy', record: { id: close.id } });
    expect(await getPaper(db, byIds.id)).toEqual(byIds);
  });
});

describe('upgrade from version 10 (a record of the papers store for each paper)', () => {
  it('puts every paper on its shelf by number: each is found by id, page and search as before', async () => {
    const old = freshDb(10);
    const catalog = oneNoteCatalog('* first\n');
    const linked = await putOldRecord(old, catalogRecord(catalog.papers[0]!, 1));
    await old.meta.put({ key: APPLIED_CATALOG, value: { hash: catalog.hash, appliedAt: 1, papers: 1 } });
    // Past one shelf, with a gap a deleted paper left.
    const mine: PaperRecord[] = [];
    for (let i = 0; i < SHELF + 5; i++) mine.push(await addOldPaper(old, { title: `Paper number ${i}`, arxivId: `2401.${String(10000 + i)}`, note: `* note ${i}\n` }));
    await oldPapers(old).delete(mine[3]!.id);
    await old.drafts.put({ key: `${mine[0]!.id}|e`, paperId: mine[0]!.id, note: 'draft', summary: '', tags: [], baseRev: 1, baseNote: '', updatedAt: 1 });
    old.close();

    const db = new PaperNotesDB(old.name);
    await db.open();
    expect(db.tables.map((t) => t.name)).not.toContain('papers');
    expect(await db.shelves.count()).toBe(2);
    expect(await getPaper(db, linked.id)).toEqual(linked);
    expect(await getPaper(db, mine[3]!.id)).toBeUndefined();
    const kept = mine.filter((_, i) => i !== 3);
    expect(await getPapers(db, kept.map((p) => p.id))).toEqual(kept);
    expect(await findPaper(db, arxivPage('Another title', '2401.10020'))).toMatchObject({ by: 'arxiv', record: { id: mine[20]!.id } });
    expect((await searchPapers(db, 'note 7')).hits.map((h) => h.id)).toContain(mine[7]!.id);
    expect(await db.drafts.count()).toBe(1);
    // The catalog record is still linked, and a new paper takes the next number.
    expect(await syncCatalog(db, oneNoteCatalog('* second\n'))).toMatchObject({ updated: 1, added: 0 });
    expect((await addPaper(db, { title: 'New' })).seq).toBe(SHELF + 6);
  });

  it('copies papers past one page of shelves, across gaps, and finds each by id once the postings are rebuilt', async () => {
    const old = freshDb(10);
    // Numbers across more than one page of the copy (2,048), with gaps a deletion left and a
    // whole empty page; postings as version 10 left them: no id keys, the version before.
    const seqs = [...Array(2300).keys()].filter((s) => s !== 31 && s !== 2047).concat([5000, 6143, 6144]);
    const records: PaperRecord[] = seqs.map((seq) => ({ ...buildRecord(emptyFields({ title: `Paper ${seq}` }), { id: `u-${seq}`, createdAt: 1, updatedAt: 1, rev: 1, origin: 'user' }), seq }));
    await oldPapers(old).bulkAdd(records);
    // A paper with no number, and a counter behind the highest (neither is known to happen).
    const unnumbered = buildRecord(emptyFields({ title: 'Never numbered' }), { id: 'u-none', createdAt: 1, updatedAt: 1, rev: 1, origin: 'user' });
    await oldPapers(old).add(unnumbered);
    await old.meta.put({ key: 'seq', value: 6000 });
    await old.meta.put({ key: TERMS_VERSION_KEY, value: 12 });
    old.close();

    const db = new PaperNotesDB(old.name);
    await db.open();
    expect(await termsCurrent(db)).toBe(true);
    expect(await countPapers(db.shelves)).toBe(records.length + 1);
    expect(await getPapers(db, records.map((r) => r.id))).toEqual(records);
    expect(await getPaper(db, 'u-none')).toEqual({ ...unnumbered, seq: 6145 });
    expect((await addPaper(db, { title: 'New' })).seq).toBe(6146);
  });
});

describe('upgrade from version 11 (papers on shelves and in the papers store)', () => {
  it('drops the papers store and keeps the shelves', async () => {
    const old = freshDb(11);
    const note = await addPaper(old, { title: 'Written at version 11', note: '* kept\n' });
    expect(await oldPapers(old).count()).toBe(0);
    old.close();
    const db = new PaperNotesDB(old.name);
    await db.open();
    expect(db.tables.map((t) => t.name)).not.toContain('papers');
    expect(await getPaper(db, note.id)).toEqual(note);
  });
});

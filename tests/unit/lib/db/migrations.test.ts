import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syncCatalog } from '@/lib/catalog/sync';
import { PaperNotesDB, SCHEMA_VERSIONS } from '@/lib/db/schema';
import { addPaper, freshDb } from '../../db-helpers';

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

describe('upgrade from version 1 (before the catalog)', () => {
  it('keeps notes, drafts and venues, and indexes catalog ids', async () => {
    const old = freshDb(1);
    const note = await addPaper(old, { title: 'My own note', note: '* kept\n', arxivId: '2401.00001' });
    await old.drafts.put({ key: `${note.id}|e`, paperId: note.id, note: 'draft', summary: '', tags: [], baseRev: 1, baseNote: '', updatedAt: 1 });
    await old.venues.put({ label: 'OSDI 2024', name: 'OSDI', year: 2024, group: 'conference', homepage: '', paperList: '', acceptanceRate: '', references: '' });
    expect(old.verno).toBe(1);
    old.close();

    const db = new PaperNotesDB(old.name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.papers.get(note.id)).toEqual(note);
    expect(await db.drafts.count()).toBe(1);
    expect(await db.papers.where('arxivId').equals('2401.00001').count()).toBe(1);
    expect(await db.papers.where('catalogId').above('').count()).toBe(0);

    const fields = { title: 'A catalog paper', venue: 'OSDI 2024', year: 2024, topic: '', authors: [], affiliations: '', tags: [], links: [], award: '', urls: [], note: '', summary: '' };
    await syncCatalog(db, { hash: 'h', papers: [{ id: 'cat:x', hash: 'p', fields }], venues: [], topics: [] });
    expect(await db.papers.where('catalogId').equals('cat:x').count()).toBe(1);
    expect(await db.papers.get(note.id)).toEqual(note);
  });
});

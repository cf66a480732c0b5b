import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '@/lib/catalog/hash';
import { APPLIED_CATALOG, syncCatalog } from '@/lib/catalog/sync';
import type { Catalog, CatalogPaper } from '@/lib/catalog/types';
import { listTopics } from '@/lib/db/library';
import type { TopicRecord } from '@/lib/db/records';
import { emptyFields } from '@/lib/notes/derive';
import { addPaper, freshDb } from '../../db-helpers';

const paper: CatalogPaper = (() => {
  const fields = emptyFields({ title: 'A catalog paper', venue: 'OSDI 2024', year: 2024, topic: 'Cloud Computing' });
  return { id: 'cat:a', hash: contentHash(canonicalJson(fields)), fields };
})();

/** A catalog of one paper and these paper-list topics (each "Parent/Name" or "Name"). */
function catalog(...paths: string[]): Catalog {
  const topics: TopicRecord[] = paths.map((path, position) => ({ path, name: path.split('/').at(-1)!, parent: path.split('/').slice(0, -1).join('/'), position }));
  return { hash: contentHash(canonicalJson({ papers: [[paper.id, paper.hash]], topics })), papers: [paper], venues: [], topics };
}

const listed = async (db: ReturnType<typeof freshDb>) => (await listTopics(db)).map((t) => `${t.topic} (${t.count})`);

describe('a catalog that renames or drops a paper-list topic', () => {
  it('takes the old topic out of the library, unless a paper is listed under it or it is not the catalog’s', async () => {
    const db = freshDb();
    await syncCatalog(db, catalog('Systems for ML', 'Systems for ML/Model Serving', 'Systems for ML/LLM', 'Research Skills', 'Hardware'));
    // An import's topic, and a note of the user's listed under a topic the catalog will drop.
    await db.topics.put({ path: 'My Reading', name: 'My Reading', parent: '', position: 50 });
    await addPaper(db, { title: 'Mine', topic: 'Hardware' });
    // "Model Serving" renamed "Serving", "Research Skills" dropped; "Systems for ML/LLM" dropped, its parent kept.
    await syncCatalog(db, catalog('Systems for ML', 'Systems for ML/Serving'));
    expect(await listed(db)).toEqual(['Cloud Computing (1)', 'Hardware (1)', 'My Reading (0)', 'Systems for ML (0)', 'Systems for ML/Serving (0)']);
    // A parent the catalog drops stays while a topic within it has a paper.
    await addPaper(db, { title: 'Another', topic: 'Systems for ML/Serving' });
    await syncCatalog(db, catalog());
    expect(await listed(db)).toEqual(['Cloud Computing (1)', 'Hardware (1)', 'My Reading (0)', 'Systems for ML (0)', 'Systems for ML/Serving (1)']);
  });

  it('keeps every topic where the catalog applied before did not say which were its own (an older version applied it)', async () => {
    const db = freshDb();
    const first = catalog('Research Skills');
    await syncCatalog(db, first);
    await db.meta.put({ key: APPLIED_CATALOG, value: { hash: first.hash, appliedAt: 1, papers: 1 } });
    await syncCatalog(db, catalog('Serving'));
    expect(await listed(db)).toEqual(['Cloud Computing (1)', 'Research Skills (0)', 'Serving (0)']);
  });
});

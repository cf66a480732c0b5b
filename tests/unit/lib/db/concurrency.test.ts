import { describe, expect, it, vi } from 'vitest';
import { syncCatalog } from '@/lib/catalog/sync';
import { ConflictError, savePaper } from '@/lib/db/notes';
import { describeWriteError } from '@/lib/notes/write-errors';
import { freshDb, oneNoteCatalog } from '../../db-helpers';
import { getPaper } from '@/lib/db/read';


describe('edits during a catalog sync', () => {
  it('lose nothing when the save lands first: the sync sees an edited note and keeps it', async () => {
    const db = freshDb();
    await syncCatalog(db, oneNoteCatalog('* v1\n'));
    const [saved, report] = await Promise.all([savePaper(db, 'cat:a', { note: '* mine\n' }, 1), syncCatalog(db, oneNoteCatalog('* v2\n'))]);
    expect(saved.note).toBe('* mine\n');
    expect(report.conflicts).toBe(1);
    expect(await getPaper(db, 'cat:a')).toMatchObject({ note: '* mine\n', catalogPending: { fields: { note: '* v2\n' } } });
  });

  it('lose nothing when the sync lands first: the save meets a newer revision and is refused, to merge', async () => {
    const db = freshDb();
    await syncCatalog(db, oneNoteCatalog('* v1\n'));
    await syncCatalog(db, oneNoteCatalog('* v2\n'));
    await expect(savePaper(db, 'cat:a', { note: '* mine\n' }, 1)).rejects.toBeInstanceOf(ConflictError);
    expect((await getPaper(db, 'cat:a'))?.note).toBe('* v2\n');
  });
});

describe('a full disk', () => {
  it('fails a save with a clear message and writes nothing', async () => {
    const db = freshDb();
    await syncCatalog(db, oneNoteCatalog('* v1\n'));
    vi.spyOn(db.shelves, 'bulkPut').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const attempt = savePaper(db, 'cat:a', { note: '* mine\n' }, 1);
    await expect(attempt).rejects.toThrow();
    expect(describeWriteError(await attempt.catch((e) => e))).toBe('the browser’s storage for extensions is full');
    expect((await getPaper(db, 'cat:a'))?.note).toBe('* v1\n');
  });
});

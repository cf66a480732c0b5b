import { describe, expect, it } from 'vitest';
import type { BackupPaper } from '@/lib/backup/json';
import { exportSingleMarkdown, exportZip } from '@/lib/export/files';
import { readForExport } from '@/lib/export/read';
import { readLibrary, toBackupPaper } from '@/lib/library/from-db';
import { defaultVenue } from '@/lib/library/types';
import { byPageOrder } from '@/lib/db/library';
import { buildRecord } from '@/lib/db/notes';
import type { PaperNotesDB } from '@/lib/db/schema';
import { allPapers } from '@/lib/db/shelves';
import { paperTables, putPapers } from '@/lib/db/write';
import { emptyFields } from '@/lib/notes/derive';
import { freshDb } from '../../db-helpers';

/**
 * 2,100 papers on 66 shelves, more than one page of shelves (64) is read at a time, whose page
 * order (position, then age) is not the order they were numbered in.
 */
async function library(count = 2_100) {
  const db = freshDb();
  await db.venues.put({ ...defaultVenue('OSDI 2024'), homepage: 'https://www.usenix.org/conference/osdi24' });
  const records = Array.from({ length: count }, (_, i) => {
    const fields = emptyFields({ title: `Paper ${i}`, venue: i % 2 ? 'OSDI 2024' : 'NSDI 2023', topic: i % 3 ? 'Serving' : '', authors: i % 4 ? [] : ['Ada Fixture'], note: `* note ${i}\n`, position: i % 5 ? count - i : undefined });
    return buildRecord(fields, { id: `p-${i}`, createdAt: (i * 7_919) % count, updatedAt: 0, rev: 1, origin: 'user' });
  });
  await db.transaction('rw', paperTables(db), () => putPapers(db, records));
  return db;
}

/** The library as `readLibrary` read it before it read shelves ahead: every shelf at once, then sorted. */
const readAtOnce = (db: PaperNotesDB) => db.transaction('r', [db.shelves], async () => (await allPapers(db.shelves)).sort(byPageOrder).map(toBackupPaper));

describe('the library read for an export', { timeout: 60_000 }, () => {
  it('hands every paper over once as it is read, with the venues, and returns them in page order', async () => {
    const db = await library();
    const handed: BackupPaper[] = [];
    const venuesSeen = new Set<string>();
    const read = await readLibrary(db, (papers, venues) => {
      handed.push(...papers);
      for (const v of venues) venuesSeen.add(`${v.label} ${v.homepage}`);
    });
    expect(await db.shelves.count()).toBe(66);
    expect(read.papers).toEqual(await readAtOnce(db));
    expect(read.papers.slice(0, 3).map((p) => p.title)).toEqual(['Paper 2099', 'Paper 2098', 'Paper 2097']);
    // The same objects: a page written ahead is found by the paper it was written for.
    expect(handed).toHaveLength(2_100);
    expect(new Set(handed)).toEqual(new Set(read.papers));
    expect([...venuesSeen]).toEqual(['OSDI 2024 https://www.usenix.org/conference/osdi24']);
  });

  it('exports the same files with pages written ahead as without', async () => {
    const db = await library();
    const { library: read, ahead } = await readForExport(db);
    const plain = await readLibrary(db);
    expect(exportSingleMarkdown(read, ahead)).toBe(exportSingleMarkdown(plain));
    expect(exportZip(read, ahead)).toEqual(exportZip(plain));
    expect(exportSingleMarkdown(read, ahead)).toContain('Presented in [OSDI 2024](https://www.usenix.org/conference/osdi24).');
  });
});

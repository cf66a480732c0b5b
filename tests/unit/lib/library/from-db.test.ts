import { describe, expect, it } from 'vitest';
import type { BackupPaper } from '@/lib/backup/json';
import { exportSingleMarkdown, exportZip } from '@/lib/export/files';
import { readForExport } from '@/lib/export/read';
import { readLibrary } from '@/lib/library/from-db';
import { defaultVenue } from '@/lib/library/types';
import { addPaper, freshDb } from '../../db-helpers';

/** Papers whose page order (position, then age) is not the order they were made in. */
async function library() {
  const db = freshDb();
  await db.venues.put({ ...defaultVenue('OSDI 2024'), homepage: 'https://www.usenix.org/conference/osdi24' });
  for (let i = 0; i < 40; i++) {
    await addPaper(db, { title: `Paper ${i}`, venue: i % 2 ? 'OSDI 2024' : 'NSDI 2023', topic: i % 3 ? 'Serving' : '', authors: i % 4 ? [] : ['Ada Fixture'], note: `* note ${i}\n`, position: i % 5 ? 40 - i : undefined });
  }
  return db;
}

describe('the library read for an export', () => {
  it('hands every paper over once as it is read, with the venues, and returns them in page order', async () => {
    const db = await library();
    const handed: BackupPaper[] = [];
    const venuesSeen = new Set<string>();
    const read = await readLibrary(db, (papers, venues) => {
      handed.push(...papers);
      for (const v of venues) venuesSeen.add(`${v.label} ${v.homepage}`);
    });
    expect(read).toEqual(await readLibrary(db));
    // The same objects: a page written ahead is found by the paper it was written for.
    expect(new Set(handed)).toEqual(new Set(read.papers));
    expect(handed).toHaveLength(40);
    expect([...venuesSeen]).toEqual(['OSDI 2024 https://www.usenix.org/conference/osdi24']);
    expect(read.papers.slice(0, 3).map((p) => p.title)).toEqual(['Paper 39', 'Paper 38', 'Paper 37']);
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

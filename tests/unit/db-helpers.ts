import { canonicalJson, contentHash } from '@/lib/catalog/hash';
import type { Catalog } from '@/lib/catalog/types';
import { createPaper } from '@/lib/db/notes';
import type { PaperFields, PaperRecord } from '@/lib/db/records';
import { PaperNotesDB } from '@/lib/db/schema';
import { emptyFields } from '@/lib/notes/derive';
import type { DetectedPaper } from '@/lib/paper';

let counter = 0;

/** A fresh database in fake-indexeddb, with a name of its own. */
export function freshDb(upTo?: number): PaperNotesDB {
  return new PaperNotesDB(`test-${Date.now()}-${++counter}`, upTo === undefined ? undefined : { upTo });
}

/** An arXiv abstract page showing `title` (another paper's id unless `arxivId` says otherwise). */
export function arxivPage(title: string, arxivId = '2401.00001', extra: Partial<DetectedPaper> = {}): DetectedPaper {
  return { key: `arxiv:${arxivId}`, source: 'arxiv', kind: 'abstract', url: `https://arxiv.org/abs/${arxivId}`, arxivId, title, ...extra };
}

export function addPaper(db: PaperNotesDB, fields: Partial<PaperFields> & { title: string }): Promise<PaperRecord> {
  return createPaper(db, emptyFields(fields));
}

/** A catalog of one paper, "cat:a", whose note is `note`: each note a new catalog version. */
export function oneNoteCatalog(note: string): Catalog {
  const fields = emptyFields({ title: 'A catalog paper', venue: 'OSDI 2024', year: 2024, note });
  const papers = [{ id: 'cat:a', hash: contentHash(note), fields }];
  return { hash: contentHash(canonicalJson(papers.map((p) => [p.id, p.hash]))), papers, venues: [], topics: [] };
}

import { queryTokens } from '../search/tokens';
import type { PaperRecord } from './records';
import type { PaperNotesDB } from './schema';

export interface SearchResult {
  /** The best hits: title matches first, then the rest, each group most recently updated first. */
  hits: PaperRecord[];
  /** How many papers match in all. */
  total: number;
  /** The query's words, as matched (each a word prefix), for highlighting. */
  tokens: string[];
}

async function idsWithPrefix(db: PaperNotesDB, index: 'searchTokens' | 'titleWords', token: string): Promise<Set<string>> {
  return new Set((await db.papers.where(index).startsWith(token).primaryKeys()) as string[]);
}

function intersect(sets: Set<string>[]): Set<string> {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  if (!smallest) return new Set();
  return new Set([...smallest].filter((id) => rest.every((set) => set.has(id))));
}

/**
 * Full-text search over title, authors, venue, topic, tags, affiliations, summary and note: every
 * word of the query must start a word of the paper. Indexed; only the returned hits are read.
 */
export async function searchPapers(db: PaperNotesDB, query: string, limit = 50): Promise<SearchResult> {
  const tokens = queryTokens(query);
  if (!tokens.length) return { hits: [], total: 0, tokens };
  const all = intersect(await Promise.all(tokens.map((t) => idsWithPrefix(db, 'searchTokens', t))));
  const inTitle = intersect(await Promise.all(tokens.map((t) => idsWithPrefix(db, 'titleWords', t))));
  const titleFirst = [...inTitle].filter((id) => all.has(id));
  const ordered = [...titleFirst, ...[...all].filter((id) => !inTitle.has(id))].slice(0, limit);
  const records = (await db.papers.bulkGet(ordered)).filter((r): r is PaperRecord => !!r);
  const titleHit = new Set(titleFirst);
  records.sort((a, b) => Number(titleHit.has(b.id)) - Number(titleHit.has(a.id)) || b.updatedAt - a.updatedAt);
  return { hits: records, total: all.size, tokens };
}

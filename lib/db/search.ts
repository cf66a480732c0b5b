import Dexie from 'dexie';
import { isUnspacedChar, MAX_QUERY_TOKENS, MIN_PREFIX, queryTerms } from '../search/tokens';
import type { Bitset } from '../search/bitset';
import { seqsWith } from './postings';
import { papersBySeq } from './shelves';
import type { PaperRecord } from './records';
import type { PaperNotesDB } from './schema';

export interface SearchResult {
  /**
   * The best hits: title matches first, then the rest, each group most recently updated first;
   * when more match than are shown, the newest papers are the ones shown.
   */
  hits: PaperRecord[];
  /** How many papers match in all. */
  total: number;
  /** The query's words, as matched (each a word prefix), for highlighting. */
  tokens: string[];
  /** The query's words past the eighth, not searched for (`MAX_QUERY_TOKENS`). */
  unsearched: string[];
}

/** Whether a query word matches the words it starts: three letters or more, or one CJK character. */
const asPrefix = (word: string) => word.length >= MIN_PREFIX || isUnspacedChar(word);

function intersect(sets: Bitset[]): Bitset {
  const [first, ...rest] = sets;
  for (const set of rest) first!.intersect(set);
  return first!;
}

/**
 * Full-text search over title, authors, venue, topic, tags, affiliations, summary and note: every
 * word of the query must start a word of the paper (match it, under three letters). Reads the
 * postings of the query's words, then only the papers it returns.
 */
export async function searchPapers(db: PaperNotesDB, query: string, limit = 50): Promise<SearchResult> {
  // One-letter words are not indexed (nor worth searching for) unless they are all the query has;
  // a CJK character is (`termsOfWord`), and is searched as the start of the terms. They are left
  // out before the words are counted: "a b c d e f g h cache" searches for "cache".
  const searchable = queryTerms(query).filter((w) => w.length >= 2 || isUnspacedChar(w));
  const tokens = searchable.slice(0, MAX_QUERY_TOKENS);
  const unsearched = searchable.slice(MAX_QUERY_TOKENS);
  if (!tokens.length) return { hits: [], total: 0, tokens, unsearched };
  return db.transaction('r', [db.terms, db.shelves], async () => {
    const [all, inTitle] = await Dexie.Promise.all([
      Dexie.Promise.all(tokens.map((t) => seqsWith(db, 'w', t, asPrefix(t)))).then(intersect),
      Dexie.Promise.all(tokens.map((t) => seqsWith(db, 't', t, asPrefix(t)))).then(intersect),
    ]);
    inTitle.intersect(all);
    // Past the limit, the newest papers (the highest numbers) are the ones shown.
    const titleFirst = inTitle.descending(limit);
    const others = titleFirst.length < limit ? all.descending(limit * 2).filter((id) => !inTitle.has(id)) : [];
    const records = await papersBySeq(db.shelves, [...titleFirst, ...others].slice(0, limit));
    records.sort((a, b) => Number(inTitle.has(b.seq!)) - Number(inTitle.has(a.seq!)) || b.updatedAt - a.updatedAt);
    return { hits: records, total: all.size, tokens, unsearched };
  });
}

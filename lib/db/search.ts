import Dexie from 'dexie';
import { isUnspacedChar, MAX_QUERY_TOKENS, MIN_PREFIX, queryParts } from '../search/tokens';
import type { Bitset } from '../search/bitset';
import { seqsWith } from './postings';
import { papersBySeq } from './shelves';
import type { PaperRecord } from './records';
import type { PaperNotesDB } from './schema';

/** Hits ranked together: more asked for (Show more) come after them, which keep their order. */
export const SEARCH_PAGE = 50;

export interface SearchResult {
  /**
   * The best hits: title matches first, then the rest, each group most recently updated first,
   * a page (`SEARCH_PAGE`) at a time; when more match than are shown, the newest papers (by
   * number) are the ones shown, so that a page asked for after another comes after it.
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
export async function searchPapers(db: PaperNotesDB, query: string, limit = SEARCH_PAGE): Promise<SearchResult> {
  // One-letter words are not indexed (nor worth searching for) unless they are all the query has;
  // a CJK character is (`termsOfWord`), and is searched as the start of the terms. They are left
  // out before the words are counted: "a b c d e f g h cache" searches for "cache".
  const { words, joins } = queryParts(query);
  const searchable = words.filter((w) => w.length >= 2 || isUnspacedChar(w));
  const unsearched = searchable.slice(MAX_QUERY_TOKENS);
  // The pairs that join a CJK run's words, where there is room: "方法调度" does not find "调度方法".
  const tokens = [...searchable.slice(0, MAX_QUERY_TOKENS), ...joins].slice(0, MAX_QUERY_TOKENS);
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
    const ranked = [...titleFirst, ...others].slice(0, limit);
    const bySeq = new Map((await papersBySeq(db.shelves, ranked)).map((record) => [record.seq!, record]));
    const hits: PaperRecord[] = [];
    for (let from = 0; from < ranked.length; from += SEARCH_PAGE) {
      // In number order first: papers of the same age (a catalog's) keep it.
      const page = ranked.slice(from, from + SEARCH_PAGE).sort((a, b) => a - b).flatMap((seq) => bySeq.get(seq) ?? []);
      hits.push(...page.sort((a, b) => Number(inTitle.has(b.seq!)) - Number(inTitle.has(a.seq!)) || b.updatedAt - a.updatedAt));
    }
    return { hits, total: all.size, tokens, unsearched };
  });
}

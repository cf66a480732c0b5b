import { identitiesAgree, normaliseDoi, pageUrls } from '../notes/identifiers';
import { isFuzzyTitleMatch, matchesTruncated, normaliseTitle, prefixKey, titleSimilarity, titleWords } from '../match/title';
import type { DetectedPaper } from '../paper';
import { papersBySeq, seqsOfTerms } from './postings';
import type { PaperRecord } from './records';
import type { PaperNotesDB } from './schema';

/** How a page was matched to a note, strongest first. Only `fuzzy` asks the user to confirm. */
export type MatchedBy = 'arxiv' | 'usenix' | 'doi' | 'url' | 'title' | 'prefix' | 'fuzzy';

export interface Match {
  record: PaperRecord;
  by: MatchedBy;
}


/**
 * The note for a page, in order: arXiv id, USENIX key, DOI, any stored URL, the normalised title,
 * a stored title truncated with "..." that the page's title continues, then a close title. The
 * indexed lookups run together in one read transaction; a record whose ids contradict the page's
 * never matches.
 */
export function findPaper(db: PaperNotesDB, paper: DetectedPaper): Promise<Match | null> {
  return db.transaction('r', [db.papers, db.terms, db.meta], async () => {
    const usable = (r: PaperRecord | undefined): r is PaperRecord => !!r && identitiesAgree(r, paper) && !r.rejected?.includes(paper.key);
    // A note of the user's own comes before the catalog's note for the same paper.
    const best = (records: PaperRecord[]) => records.find((r) => r.origin === 'user' && usable(r)) ?? records.find(usable);
    const query = (index: string, values: (string | undefined)[]) => {
      const wanted = values.filter((v): v is string => !!v);
      return wanted.length ? db.papers.where(index).anyOf(wanted).limit(20).toArray() : Promise.resolve([]);
    };
    const key = paper.title ? normaliseTitle(paper.title) : '';
    const [arxiv, usenix, doi, urls, title, truncated] = await Promise.all([
      query('arxivId', [paper.arxivId]),
      query('usenixKey', [paper.usenixKey]),
      query('doi', [paper.doi && normaliseDoi(paper.doi)]),
      query('urls', pageUrls(paper)),
      query('titleKey', [key]),
      query('prefixKey', [key && prefixKey(key)]),
    ]);
    const steps: [PaperRecord[], MatchedBy][] = [[arxiv, 'arxiv'], [usenix, 'usenix'], [doi, 'doi'], [urls, 'url'], [title, 'title']];
    for (const [records, by] of steps) {
      const record = best(records);
      if (record) return { record, by };
    }
    if (!key) return null;
    const prefixed = truncated.find((r) => usable(r) && matchesTruncated(key, r.titlePrefix!));
    if (prefixed) return { record: prefixed, by: 'prefix' as const };
    return findByCloseTitle(db, key, usable);
  });
}

/** Papers read for a close-title match at most: those sharing the most title words. */
const CLOSE_CANDIDATES = 20;
/** A title word in more papers than this (or 2% of them) is too common to pick candidates by. */
const COMMON_WORD = 200;

/**
 * A close title shares most of its words with the page's: candidates are the papers sharing the
 * most title words (counted from the postings, no paper read); only the best few are read and
 * compared, and the closest one past the threshold wins.
 */
async function findByCloseTitle(db: PaperNotesDB, key: string, usable: (r: PaperRecord | undefined) => r is PaperRecord): Promise<Match | null> {
  const words = titleWords(key).slice(0, 16);
  const lists = await seqsOfTerms(db, 't', words);
  // Words in very many titles ("learning", "systems") tell papers apart too little to be worth
  // counting, and counting them is what makes a miss slow in a large library: a close title is
  // found by its rarer words. A title made only of common words counts them all.
  const papers = ((await db.meta.get('seq'))?.value as number | undefined) ?? 0;
  const common = Math.max(COMMON_WORD, papers / 50);
  const found = words.map((w) => lists.get(w) ?? []).filter((l) => l.length);
  const rare = found.filter((l) => l.length <= common);
  const counted = rare.length ? rare : found;
  const shared = new Map<number, number>();
  for (const seqs of counted) for (const seq of seqs) shared.set(seq, (shared.get(seq) ?? 0) + 1);
  // A close title of n words shares at least half of them exactly (the rest differ by a slip).
  const needed = Math.max(1, Math.ceil(counted.length / 2));
  const best = [...shared].filter(([, n]) => n >= needed).sort((a, b) => b[1] - a[1]).slice(0, CLOSE_CANDIDATES);
  const candidates = (await papersBySeq(db, best.map(([seq]) => seq))).filter(usable).filter((r) => isFuzzyTitleMatch(key, r.titleKey));
  if (!candidates.length) return null;
  candidates.sort((a, b) => titleSimilarity(key, b.titleKey) - titleSimilarity(key, a.titleKey));
  return { record: candidates[0]!, by: 'fuzzy' };
}

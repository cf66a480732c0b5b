import { identitiesAgree, normaliseDoi, pageUrls } from '../notes/identifiers';
import { isFuzzyTitleMatch, matchesTruncated, normaliseTitle, prefixKey, titleSimilarity, titleWords } from '../match/title';
import type { DetectedPaper } from '../paper';
import type { PaperRecord } from './records';
import type { PaperNotesDB } from './schema';

/** How a page was matched to a note, strongest first. Only `fuzzy` asks the user to confirm. */
export type MatchedBy = 'arxiv' | 'usenix' | 'doi' | 'url' | 'title' | 'prefix' | 'fuzzy';

export interface Match {
  record: PaperRecord;
  by: MatchedBy;
}

const FUZZY_CANDIDATES = 300;

/**
 * The note for a page, in order: arXiv id, USENIX key, DOI, any stored URL, the normalised title,
 * a stored title truncated with "..." that the page's title continues, then a close title. Every
 * step is an indexed lookup; a record whose ids contradict the page's never matches.
 */
export async function findPaper(db: PaperNotesDB, paper: DetectedPaper): Promise<Match | null> {
  const usable = (r: PaperRecord | undefined): r is PaperRecord =>
    !!r && identitiesAgree(r, paper) && !r.rejected?.includes(paper.key);
  const byIndex = async (index: string, value: string | string[], by: MatchedBy): Promise<Match | null> => {
    const records = await db.papers.where(index).anyOf(Array.isArray(value) ? value : [value]).limit(20).toArray();
    // A note of the user's own comes before the catalog's note for the same paper.
    const record = records.find((r) => r.origin === 'user' && usable(r)) ?? records.find(usable);
    return record ? { record, by } : null;
  };

  const match =
    (paper.arxivId && (await byIndex('arxivId', paper.arxivId, 'arxiv'))) ||
    (paper.usenixKey && (await byIndex('usenixKey', paper.usenixKey, 'usenix'))) ||
    (paper.doi && (await byIndex('doi', normaliseDoi(paper.doi), 'doi'))) ||
    (await byIndex('urls', pageUrls(paper), 'url'));
  if (match) return match;
  if (!paper.title) return null;

  const key = normaliseTitle(paper.title);
  if (!key) return null;
  const exact = await byIndex('titleKey', key, 'title');
  if (exact) return exact;

  const truncated = await db.papers.where('prefixKey').equals(prefixKey(key)).limit(50).toArray();
  const prefixed = truncated.find((r) => usable(r) && matchesTruncated(key, r.titlePrefix!));
  if (prefixed) return { record: prefixed, by: 'prefix' };

  return findByCloseTitle(db, key, usable);
}

/** Candidates share the page title's two rarest words; the closest one past the threshold wins. */
async function findByCloseTitle(db: PaperNotesDB, key: string, usable: (r: PaperRecord | undefined) => r is PaperRecord): Promise<Match | null> {
  const words = titleWords(key).slice(0, 12);
  const counts = await Promise.all(words.map((w) => db.papers.where('titleWords').equals(w).count()));
  const rarest = words
    .map((word, i) => ({ word, count: counts[i]! }))
    .filter((w) => w.count > 0)
    .sort((a, b) => a.count - b.count)
    .slice(0, 2);
  if (!rarest.length) return null;
  const ids = new Set<string>();
  for (const { word } of rarest) {
    for (const id of await db.papers.where('titleWords').equals(word).limit(FUZZY_CANDIDATES).primaryKeys()) ids.add(id as string);
  }
  const candidates = (await db.papers.bulkGet([...ids])).filter(usable).filter((r) => isFuzzyTitleMatch(key, r.titleKey));
  if (!candidates.length) return null;
  candidates.sort((a, b) => titleSimilarity(key, b.titleKey) - titleSimilarity(key, a.titleKey));
  return { record: candidates[0]!, by: 'fuzzy' };
}

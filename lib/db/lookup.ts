import { identitiesAgree, normaliseDoi, pageUrls } from '../notes/identifiers';
import { closeKeyTerms, KEY, truncatedKeys } from '../match/keys';
import { isFuzzyTitleMatch, matchesTruncated, normaliseTitle, titleSimilarity } from '../match/title';
import type { DetectedPaper } from '../paper';
import { seqsWithAny } from './postings';
import { papersWithKeys } from './read';
import type { PaperRecord } from './records';
import type { PaperNotesDB } from './schema';
import { papersBySeq } from './shelves';

/** How a page was matched to a note, strongest first. Only `fuzzy` asks the user to confirm. */
export type MatchedBy = 'arxiv' | 'usenix' | 'doi' | 'url' | 'title' | 'prefix' | 'fuzzy';

export interface Match {
  record: PaperRecord;
  by: MatchedBy;
}

/** Papers read for a close-title match at most. */
const CLOSE_CANDIDATES = 20;

/**
 * The note for a page, in order: arXiv id, USENIX key, DOI, any stored URL, the normalised title,
 * a stored title truncated with "..." that the page's title continues, then a close title. The
 * exact keys are read together (`papersWithKeys`), in one read transaction; a record whose ids
 * contradict the page's never matches.
 */
export function findPaper(db: PaperNotesDB, paper: DetectedPaper): Promise<Match | null> {
  return db.transaction('r', [db.shelves, db.terms], async () => {
    const usable = (r: PaperRecord | undefined, page = paper): r is PaperRecord => !!r && identitiesAgree(r, page) && !r.rejected?.includes(paper.key);
    // A note of the user's own comes before the catalog's note for the same paper.
    const best = (records: PaperRecord[], page = paper) => records.find((r) => r.origin === 'user' && usable(r, page)) ?? records.find((r) => usable(r, page));
    // A USENIX PDF's key is read from its file name, a guess; the address a note saw it at (its
    // page's `citation_pdf_url`) outranks it.
    const atUrl = paper.source === 'usenix' && paper.kind === 'pdf' ? { ...paper, usenixKey: undefined } : paper;
    const key = paper.title ? normaliseTitle(paper.title) : '';
    const doi = paper.doi && normaliseDoi(paper.doi);
    const keys = {
      arxiv: paper.arxivId ? [KEY.arxiv + paper.arxivId] : [],
      usenix: paper.usenixKey ? [KEY.usenix + paper.usenixKey] : [],
      doi: doi ? [KEY.doi + doi] : [],
      url: pageUrls(paper).map((url) => KEY.url + url),
      title: key ? [KEY.title + key] : [],
      truncated: truncatedKeys(key),
    };
    const found = await papersWithKeys(db, Object.values(keys).flat(), 20);
    const holding = (wanted: string[]) => [...new Set(wanted.flatMap((k) => found.get(k) ?? []))];
    const steps: [PaperRecord[], MatchedBy, DetectedPaper][] = [
      [holding(keys.arxiv), 'arxiv', paper],
      [holding(keys.usenix), 'usenix', paper],
      [holding(keys.doi), 'doi', paper],
      [holding(keys.url), 'url', atUrl],
      [holding(keys.title), 'title', paper],
    ];
    for (const [records, by, page] of steps) {
      const record = best(records, page);
      if (record) return { record, by };
    }
    if (!key) return null;
    const prefixed = holding(keys.truncated).find((r) => usable(r) && matchesTruncated(key, r.titlePrefix!));
    if (prefixed) return { record: prefixed, by: 'prefix' as const };
    // A close title: the papers sharing one of its keys (three postings rows), the closest past
    // the threshold. Read only now: reading them alongside the rest slowed every hit.
    const sharing = await seqsWithAny(db, 'k', closeKeyTerms(key), CLOSE_CANDIDATES);
    const close = (await papersBySeq(db.shelves, sharing))
      .filter((r) => usable(r) && isFuzzyTitleMatch(key, r.titleKey))
      .sort((a, b) => titleSimilarity(key, b.titleKey) - titleSimilarity(key, a.titleKey));
    return close[0] ? { record: close[0], by: 'fuzzy' as const } : null;
  });
}

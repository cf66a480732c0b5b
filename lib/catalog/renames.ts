import type { PaperFields, PaperRecord } from '../db/records';
import { isFuzzyTitleMatch, matchesTruncated, normaliseTitle, truncatedPrefix } from '../match/title';
import type { CatalogPaper } from './types';

/** The catalog's text a linked record was last given: its own fields, unless the user edited them. */
const catalogSide = (record: PaperRecord): Pick<PaperFields, 'title' | 'venue'> => record.catalogBase?.fields ?? record;

const sameId = (a: Partial<PaperFields>, b: Partial<PaperFields>) =>
  (!!a.arxivId && a.arxivId === b.arxivId) || (!!a.usenixKey && a.usenixKey === b.usenixKey) || (!!a.doi && a.doi.toLowerCase() === b.doi?.toLowerCase());

/** One title completes the other ("SmartMoE: Efficiently Training Sparsely-Activated Models ..."). */
function completes(short: string, full: string): boolean {
  const prefix = truncatedPrefix(short);
  return !!prefix && matchesTruncated(normaliseTitle(full), prefix);
}

/** Whether a record the catalog dropped and a paper it added are one paper, its title or venue corrected. */
function samePaper(record: PaperRecord, entry: CatalogPaper): boolean {
  const was = catalogSide(record);
  const now = entry.fields;
  if (sameId(now, record)) return true;
  const [a, b] = [normaliseTitle(was.title), normaliseTitle(now.title)];
  if (a === b || completes(was.title, now.title) || completes(now.title, was.title)) return true;
  return was.venue === now.venue && isFuzzyTitleMatch(a, b);
}

/**
 * Catalog ids are made from a paper's venue and title (`buildCatalog`): a release that corrects
 * either gives the paper a new id, and would read as one paper dropped and another added, leaving
 * the user's copy orphaned beside a new one. Pairs each record linked to a dropped id with the
 * added paper it is (same arXiv id, USENIX key or DOI; the same title; a truncated title and its
 * completion; a slip of the title within one venue), where exactly one pairs each way.
 * Returns the records by the id of the paper they now stand for.
 */
export function renamedPapers(dropped: PaperRecord[], added: CatalogPaper[]): Map<string, PaperRecord> {
  return new Map(uniquePairs(dropped, added, samePaper).map(([record, entry]) => [entry.id, record]));
}

/** The pairs `same` makes where each side pairs exactly once. */
function uniquePairs<A, B>(as: A[], bs: B[], same: (a: A, b: B) => boolean): [A, B][] {
  const pairs = as.flatMap((a) => bs.filter((b) => same(a, b)).map((b) => [a, b] as [A, B]));
  const once = (side: 0 | 1, pair: [A, B]) => pairs.filter((p) => p[side] === pair[side]).length === 1;
  return pairs.filter((pair) => once(0, pair) && once(1, pair));
}

/** A catalog id's venue and title slugs (`cat:<venue>/<title>`, as `buildCatalog` makes it). */
function slugsOf(id: string): { venue: string; title: string } | null {
  const match = /^cat:([^/]*)\/(.+)$/.exec(id);
  return match ? { venue: match[1]!, title: match[2]! } : null;
}

/** One title slug completes the other's three words or more. */
const slugContinues = (short: string, long: string) => long.startsWith(`${short}-`) && short.split('-').length >= 3;

/** A title slug's words as a normalised title has them. */
const slugWords = (slug: string) => slug.replace(/-/g, ' ');

/**
 * The ids of added papers that are papers the user deleted under an id the catalog dropped (a
 * corrected title or venue): they stay deleted. A deletion keeps only the id, so the pairing reads
 * what ids say: the same title slug, or within one venue a truncated title's and its completion's,
 * or a slip of the title (as `samePaper`), where exactly one pairs each way.
 */
export function renamedDeletions(deleted: string[], added: CatalogPaper[]): string[] {
  return renamedDeletionIds(deleted, added.map((entry) => entry.id));
}

/** `renamedDeletions` by ids alone: the added ids that are deleted ones renamed. */
export function renamedDeletionIds(deleted: string[], added: string[]): string[] {
  const same = (id: string, addedId: string) => {
    const [was, now] = [slugsOf(id), slugsOf(addedId)];
    if (!was || !now) return false;
    if (was.title === now.title) return true;
    if (was.venue !== now.venue) return false;
    return slugContinues(was.title, now.title) || slugContinues(now.title, was.title) || isFuzzyTitleMatch(slugWords(was.title), slugWords(now.title));
  };
  return uniquePairs(deleted, added, same).map(([, id]) => id);
}

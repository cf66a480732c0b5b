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
  const pairs = dropped.flatMap((record) => added.filter((entry) => samePaper(record, entry)).map((entry) => [record, entry] as const));
  const count = (key: (pair: (typeof pairs)[number]) => unknown, pair: (typeof pairs)[number]) => pairs.filter((p) => key(p) === key(pair)).length;
  const out = new Map<string, PaperRecord>();
  for (const pair of pairs) if (count((p) => p[0], pair) === 1 && count((p) => p[1], pair) === 1) out.set(pair[1].id, pair[0]);
  return out;
}

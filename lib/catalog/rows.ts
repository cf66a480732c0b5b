import { indexedTerms } from '../notes/derive';
import { TermChanges, type TermRow } from '../search/terms';
import type { CatalogPaper, CatalogRow } from './types';

/**
 * The postings of a catalog's papers numbered in catalog order, each linked to its catalog paper,
 * computed at build time: a first install writes them with no indexing, only their numbers turned
 * from the plain arrays JSON holds into typed arrays (`storedRow`).
 */
export function catalogRows(papers: CatalogPaper[]): CatalogRow[] {
  const postings = new TermChanges();
  papers.forEach((paper, seq) => postings.change(seq, null, indexedTerms({ ...paper.fields, id: paper.id, catalogId: paper.id })));
  return postings
    .apply([])
    .filter((row): row is TermRow => !!row)
    .map(({ wordEnds, ends, ids, ...row }) => (ids ? { ...row, wordEnds: Array.from(wordEnds!), ends: Array.from(ends!), ids: Array.from(ids) } : row));
}

/** A catalog's row as the postings store it: numbers in typed arrays. */
export function storedRow({ wordEnds, ends, ids, ...row }: CatalogRow): TermRow {
  return ids ? { ...row, wordEnds: Int32Array.from(wordEnds!), ends: Int32Array.from(ends!), ids: Int32Array.from(ids) } : row;
}

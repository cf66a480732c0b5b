import { indexedTerms } from '../notes/derive';
import { TermChanges, type TermRow } from '../search/terms';
import type { CatalogPaper } from './types';

/**
 * The postings of a catalog's papers numbered in catalog order, each linked to its catalog paper:
 * what a first install writes as it is.
 */
export function catalogRows(papers: CatalogPaper[]): TermRow[] {
  const postings = new TermChanges();
  papers.forEach((paper, seq) => postings.change(seq, null, indexedTerms({ ...paper.fields, id: paper.id, catalogId: paper.id })));
  return postings.apply([]).filter((row): row is TermRow => !!row);
}

import type { PaperFields, TopicRecord, VenueRecord } from '../db/records';
import type { TermRow } from '../search/terms';

/**
 * One paper of the bundled catalog: a stable id, its fields, and their content hash. Its words are
 * not shipped: a first install writes the postings rows as built, an update computes the words of
 * the records it changes.
 */
export interface CatalogPaper {
  id: string;
  hash: string;
  fields: PaperFields;
}

/** The bundled catalog, as the build emits it (`catalog.json`). */
export interface Catalog {
  /** Hash of the whole catalog: a start-up whose bundled hash equals the applied one does nothing. */
  hash: string;
  papers: CatalogPaper[];
  venues: VenueRecord[];
  topics: TopicRecord[];
  /**
   * The search postings of the papers numbered 0, 1, … in catalog order: what a first install
   * into an empty database writes with no indexing, its numbers in typed arrays (`storedRow`).
   */
  rows?: CatalogRow[];
}

/** A postings row as `catalog.json` holds it: the numbers in plain arrays, not typed ones. */
export type CatalogRow = Omit<TermRow, 'wordEnds' | 'ends' | 'ids'> & { wordEnds?: number[]; ends?: number[]; ids?: number[] };

/** The fields the catalog writes and a user may edit: a record is "edited" when these differ from its base. */
export const CATALOG_TEXT_FIELDS = [
  'title', 'venue', 'year', 'topic', 'authors', 'affiliations', 'tags', 'links', 'award', 'note', 'summary', 'position',
] as const satisfies readonly (keyof PaperFields)[];

export type CatalogText = Pick<PaperFields, (typeof CATALOG_TEXT_FIELDS)[number]>;

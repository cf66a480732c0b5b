import type { PaperFields, PaperIndexFields } from '../db/records';
import type { IndexedTerms } from '../search/terms';
import { closeTitleKeys, normaliseTitle, prefixKey, titleWords, truncatedPrefix } from '../match/title';
import { facetTerms } from '../search/facets';
import { tokenize } from '../search/tokens';

/** The index fields of a record, derived from what it says. Recomputed on every write. */
export function deriveIndexFields(fields: PaperFields): PaperIndexFields {
  const titleKey = normaliseTitle(fields.title);
  const prefix = truncatedPrefix(fields.title);
  const derived: PaperIndexFields = { titleKey };
  if (prefix) {
    derived.titlePrefix = prefix;
    derived.prefixKey = prefixKey(prefix);
  }
  return derived;
}

/**
 * The words a paper is found by: its title words (for close-title candidates), every word of its
 * title, authors, venue, topic, tags, affiliations, award, summary and note (full text), and the
 * venue, topic and catalog link it is listed under. Derived afresh from the fields at each write,
 * never stored: a change here bumps `TERMS_VERSION`, which rebuilds the postings.
 */
export function indexedTerms(fields: PaperFields & { catalogId?: string }): IndexedTerms {
  const titleKey = normaliseTitle(fields.title);
  return {
    titleWords: titleWords(titleKey),
    closeKeys: closeTitleKeys(titleKey),
    // Title first, so that a huge note cannot push the title's words out of the index.
    searchTokens: tokenize(fields.title, fields.authors.join(' '), fields.venue, fields.topic, fields.tags.join(' '), fields.affiliations, fields.award, fields.summary, fields.note),
    facets: facetTerms(fields),
  };
}

/** A complete set of fields from a partial one: every list empty, every text blank. */
export function emptyFields(fields: Partial<PaperFields> & { title: string }): PaperFields {
  return {
    venue: '',
    year: null,
    topic: '',
    authors: [],
    affiliations: '',
    tags: [],
    links: [],
    award: '',
    urls: [],
    note: '',
    summary: '',
    ...fields,
  };
}

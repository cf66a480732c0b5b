import type { PaperFields, PaperIndexFields } from '../db/records';
import type { IndexedTerms } from '../search/terms';
import { closeKeyTerms, hashKey, paperKeys } from '../match/keys';
import { normaliseTitle, titleWords, truncatedPrefix } from '../match/title';
import { facetTerms } from '../search/facets';
import { normaliseForSearch } from '../search/normalise';
import { termsOfWords, tokenize } from '../search/tokens';

/** The index fields of a record, derived from what it says. Recomputed on every write. */
export function deriveIndexFields(fields: PaperFields): PaperIndexFields {
  const titleKey = normaliseTitle(fields.title);
  const prefix = truncatedPrefix(fields.title);
  const derived: PaperIndexFields = { titleKey };
  if (prefix) derived.titlePrefix = prefix;
  return derived;
}

/**
 * The terms a paper is found by: its title words (ranked first in search), every word of its
 * title, authors, venue, topic, tags, affiliations, award, summary and note (full text), the keys
 * a lookup and a read by id find it by (hashed), and the venue, topic, tags and catalog link it is listed under. Derived afresh from the fields at each write,
 * never stored: a change here bumps `TERMS_VERSION`, which rebuilds the postings.
 */
export function indexedTerms(fields: PaperFields & { id: string; catalogId?: string }): IndexedTerms {
  const derived = deriveIndexFields(fields);
  const keys = new Set(paperKeys({ id: fields.id, arxivId: fields.arxivId, usenixKey: fields.usenixKey, doi: fields.doi, urls: fields.urls, ...derived }).map(hashKey));
  for (const key of closeKeyTerms(derived.titleKey)) keys.add(key);
  return {
    // Read as search reads the query (Korean in syllables, kana voiced), not as titles are compared.
    titleWords: termsOfWords(titleWords(normaliseForSearch(fields.title))),
    keys: [...keys],
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

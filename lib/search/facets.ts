/**
 * Facet terms, kept in the postings (kind "f"): a letter for the facet, then its value. Rows group
 * terms by that letter, so one row per range of papers holds every venue.
 */
export const FACET = { venue: 'v', topic: 'p', tag: 'g', catalog: 'c' } as const;

export const venueFacet = (label: string) => FACET.venue + label;
/** What papers without a venue are listed under in the library, and exported under. */
export const NO_VENUE = 'No venue';
export const topicFacet = (path: string) => FACET.topic + path;
export const tagFacet = (tag: string) => FACET.tag + tag;
/** Every record linked to a paper of the bundled catalog. */
export const CATALOG_FACET = FACET.catalog;

/** The value a facet term names ("vOSDI 2024" → "OSDI 2024"). */
export const facetValue = (term: string) => term.slice(1);

/**
 * What a paper is listed under: its venue (a bare "v" for none, so that papers without one are
 * listed too), its topic and tags when it has them, and whether the catalog has it.
 */
export function facetTerms(fields: { venue: string; topic: string; tags: string[]; catalogId?: string }): string[] {
  const terms: string[] = [];
  terms.push(venueFacet(fields.venue));
  if (fields.topic) terms.push(topicFacet(fields.topic));
  for (const tag of new Set(fields.tags)) if (tag.trim()) terms.push(tagFacet(tag));
  if (fields.catalogId) terms.push(CATALOG_FACET);
  return terms;
}

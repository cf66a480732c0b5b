import { facetValue, FACET, tagFacet, topicFacet, venueFacet } from '../search/facets';
import { papersWithFacet, termCounts } from './postings';
import type { PaperRecord, VenueGroup, VenueRecord } from './records';
import type { PaperNotesDB } from './schema';

export interface VenueSummary {
  label: string;
  group: VenueGroup;
  year: number | null;
  count: number;
}

export const GROUP_LABELS: Record<VenueGroup, string> = { conference: 'Conference', journal: 'Journal', misc: 'Miscellaneous' };
const GROUP_ORDER: VenueGroup[] = ['conference', 'journal', 'misc'];

/** The year a venue label ends with ("OSDI 2024" → 2024). */
export function labelYear(label: string): number | null {
  const year = /\b((?:19|20)\d\d)$/.exec(label.trim())?.[1];
  return year ? +year : null;
}

function inferGroup(label: string): VenueGroup {
  return /^arxiv\b/i.test(label) ? 'misc' : 'conference';
}

/**
 * Every venue with its number of papers, the way the reading-notes navigation lists them:
 * conferences, journals, then the rest; newest first within each. Venues without papers are kept.
 */
export async function listVenues(db: PaperNotesDB): Promise<VenueSummary[]> {
  const [venues, facets] = await Promise.all([db.venues.toArray(), termCounts(db, 'f', FACET.venue)]);
  const counts = new Map<string, number>([...facets].map(([term, count]) => [facetValue(term), count]));
  const known = new Map<string, VenueRecord>(venues.map((v) => [v.label, v]));
  const all = new Set([...known.keys(), ...[...counts.keys()].filter(Boolean)]);
  return [...all]
    .map((label) => {
      const venue = known.get(label);
      return { label, group: venue?.group ?? inferGroup(label), year: venue?.year ?? labelYear(label), count: counts.get(label) ?? 0 };
    })
    .sort(
      (a, b) =>
        GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) ||
        (b.year ?? 0) - (a.year ?? 0) ||
        a.label.localeCompare(b.label),
    );
}

/** Page order: the catalog's and imports' positions first, notes made here after, oldest first. */
export function byPageOrder(a: PaperRecord, b: PaperRecord): number {
  return (a.position ?? Infinity) - (b.position ?? Infinity) || a.createdAt - b.createdAt || a.title.localeCompare(b.title);
}

/** The papers listed under a facet term, in page order. */
function papersInPageOrder(db: PaperNotesDB, term: string): Promise<PaperRecord[]> {
  return db.transaction('r', [db.terms, db.shelves], async () => (await papersWithFacet(db, term)).sort(byPageOrder));
}

export function papersInVenue(db: PaperNotesDB, label: string): Promise<PaperRecord[]> {
  return papersInPageOrder(db, venueFacet(label));
}

export interface TopicSummary {
  topic: string;
  count: number;
}

/** Every topic (paper-list categories and the sections of conference pages) with its number of papers. */
export async function listTopics(db: PaperNotesDB): Promise<TopicSummary[]> {
  const [topics, used] = await Promise.all([db.topics.toArray(), termCounts(db, 'f', FACET.topic)]);
  const counts = new Map<string, number>(topics.map((t) => [t.path, 0]));
  for (const [term, count] of used) counts.set(facetValue(term), count);
  return [...counts].map(([topic, count]) => ({ topic, count })).sort((a, b) => a.topic.localeCompare(b.topic));
}

export function papersInTopic(db: PaperNotesDB, topic: string): Promise<PaperRecord[]> {
  return papersInPageOrder(db, topicFacet(topic));
}

export interface TagSummary {
  tag: string;
  count: number;
}

/** Every tag on a note with its number of papers, alphabetically (case ignored). */
export async function listTags(db: PaperNotesDB): Promise<TagSummary[]> {
  const counts = await termCounts(db, 'f', FACET.tag);
  return [...counts].map(([term, count]) => ({ tag: facetValue(term), count })).sort((a, b) => a.tag.localeCompare(b.tag, undefined, { sensitivity: 'base' }) || a.tag.localeCompare(b.tag));
}

export function papersWithTag(db: PaperNotesDB, tag: string): Promise<PaperRecord[]> {
  return papersInPageOrder(db, tagFacet(tag));
}

import Dexie from 'dexie';
import { facetValue, FACET, tagFacet, topicFacet, venueFacet } from '../search/facets';
import { papersWithFacet, seqsWith, termCounts } from './postings';
import type { PaperRecord, VenueGroup, VenueRecord } from './records';
import type { PaperNotesDB } from './schema';
import { papersBySeq } from './shelves';
import { inTransaction } from './transaction-promise';

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
  return !label || /^arxiv\b/i.test(label) ? 'misc' : 'conference';
}

/**
 * Every venue with its number of papers, the way the reading-notes navigation lists them:
 * conferences, journals, then the rest; newest first within each. Venues without papers are kept;
 * papers without a venue are listed under the label "" (shown as `NO_VENUE`) with the rest.
 */
export async function listVenues(db: PaperNotesDB): Promise<VenueSummary[]> {
  const [venues, facets] = await Promise.all([db.venues.toArray(), termCounts(db, 'f', FACET.venue)]);
  const counts = new Map<string, number>([...facets].map(([term, count]) => [facetValue(term), count]));
  const known = new Map<string, VenueRecord>(venues.map((v) => [v.label, v]));
  const all = new Set([...known.keys(), ...counts.keys()]);
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
  /** As most of its papers spell it: tags that differ only in case are one ("LLM", "llm"). */
  tag: string;
  count: number;
}

/** What tags are told apart by: not their case, as search does not. */
const tagKey = (tag: string) => tag.toLowerCase();

/** Each tag, case ignored, with its spellings on notes (most used first) and their numbers of papers. */
const tagSpellings = inTransaction(async function tagSpellings(db: PaperNotesDB): Promise<Map<string, [string, number][]>> {
  const groups = new Map<string, [string, number][]>();
  for (const [term, count] of await termCounts(db, 'f', FACET.tag)) {
    const tag = facetValue(term);
    const group = groups.get(tagKey(tag));
    if (group) group.push([tag, count]);
    else groups.set(tagKey(tag), [[tag, count]]);
  }
  for (const group of groups.values()) group.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return groups;
});

/** The numbers of the papers with any of these spellings of a tag (a paper may have two), highest first. */
const seqsWithTag = inTransaction(async function seqsWithTag(db: PaperNotesDB, spellings: string[]): Promise<number[]> {
  const sets = await Dexie.Promise.all(spellings.map((tag) => seqsWith(db, 'f', tagFacet(tag), false)));
  const seqs = new Set<number>();
  for (const set of sets) for (const seq of set.descending()) seqs.add(seq);
  return [...seqs].sort((a, b) => b - a);
});

/** Every tag on a note with its number of papers, alphabetically (case ignored). */
export async function listTags(db: PaperNotesDB): Promise<TagSummary[]> {
  return db.transaction('r', [db.terms], async () => {
    const groups = [...(await tagSpellings(db)).values()];
    const counts = await Dexie.Promise.all(groups.map((spellings) => (spellings.length === 1 ? spellings[0]![1] : seqsWithTag(db, spellings.map(([tag]) => tag)).then((seqs) => seqs.length))));
    return groups
      .map((spellings, i) => ({ tag: spellings[0]![0], count: counts[i]! }))
      .sort((a, b) => a.tag.localeCompare(b.tag, undefined, { sensitivity: 'base' }) || a.tag.localeCompare(b.tag));
  });
}

/** The papers with a tag, however each spells it, in page order. */
export function papersWithTag(db: PaperNotesDB, tag: string): Promise<PaperRecord[]> {
  return db.transaction('r', [db.terms, db.shelves], async () => {
    const spellings = (await tagSpellings(db)).get(tagKey(tag))?.map(([spelling]) => spelling) ?? [tag];
    return (await papersBySeq(db.shelves, await seqsWithTag(db, spellings))).sort(byPageOrder);
  });
}

import type { PaperFields, TopicRecord, VenueRecord, VenueGroup } from '../db/records';

/**
 * A library as files and backups carry it, with no database bookkeeping: what GitBook folders are
 * read into and written from, what the catalog is built from, what a JSON backup holds.
 */
export interface LibraryData {
  venues: VenueRecord[];
  topics: TopicRecord[];
  papers: PaperFields[];
  /** Ids of catalog papers the user deleted (`lib/db/deleted-catalog.ts`): a backup carries them, GitBook pages cannot. */
  deletedCatalogIds?: string[];
}

export const emptyLibrary = (): LibraryData => ({ venues: [], topics: [], papers: [] });

/** "OSDI 2024" → name "OSDI", year 2024; a label without a year is all name. */
export function splitVenueLabel(label: string): { name: string; year: number | null } {
  const match = /^(.*?)\s+((?:19|20)\d\d)$/.exec(label.trim());
  return match ? { name: match[1]!, year: +match[2]! } : { name: label.trim(), year: null };
}

/** A venue record for a label seen only on papers. */
export function defaultVenue(label: string, group?: VenueGroup): VenueRecord {
  const { name, year } = splitVenueLabel(label);
  return {
    label,
    name,
    year,
    group: group ?? (/^arxiv$/i.test(name) ? 'misc' : 'conference'),
    homepage: '',
    paperList: '',
    acceptanceRate: '',
    references: '',
  };
}

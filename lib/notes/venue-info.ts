import type { Link, VenueRecord } from '../db/records';

/** What the panel shows about a note's venue: its page's Meta Info and References. */
export interface VenueInfo {
  label: string;
  /** Homepage and paper list, web addresses only. */
  links: Link[];
  acceptanceRate?: string;
  /** Markdown, as the venue page gives it. */
  references?: string;
}

const webUrl = (url: string) => (/^https?:\/\/\S+$/i.test(url.trim()) ? url.trim() : '');

/** The venue's Meta Info worth showing beside a note; null when its page gave none. */
export function venueInfo(venue: VenueRecord | undefined): VenueInfo | null {
  if (!venue) return null;
  const links = [
    { label: 'Homepage', url: webUrl(venue.homepage) },
    { label: 'Paper list', url: webUrl(venue.paperList) },
  ].filter((link) => link.url);
  const acceptanceRate = venue.acceptanceRate.trim();
  const references = venue.references.trim();
  if (!links.length && !acceptanceRate && !references) return null;
  return { label: venue.label, links, ...(acceptanceRate && { acceptanceRate }), ...(references && { references }) };
}

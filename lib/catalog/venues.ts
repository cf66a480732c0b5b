import { VENUE_DETAILS, type VenueDetails, type VenueRecord } from '../db/records';

const detailsOf = (venue: VenueDetails) => Object.fromEntries(VENUE_DETAILS.map((key) => [key, venue[key]])) as VenueDetails;

/**
 * A catalog's venue over the stored one. A detail still as the catalog last gave it takes the
 * catalog's new value; one the user filled in or changed since (an import) is kept. A venue
 * stored before venues recorded the catalog's values keeps a detail unless the catalog now gives one.
 */
export function mergeCatalogVenue(stored: VenueRecord | undefined, incoming: VenueRecord): VenueRecord {
  const catalogBase = detailsOf(incoming);
  if (!stored) return { ...incoming, catalogBase };
  const merged: VenueRecord = { ...stored, name: incoming.name, year: incoming.year, group: incoming.group, catalogBase };
  if (incoming.position !== undefined) merged.position = incoming.position;
  for (const key of VENUE_DETAILS) {
    const mine = stored[key];
    const untouched = stored.catalogBase ? mine === stored.catalogBase[key] : !mine || !!incoming[key];
    merged[key] = untouched ? incoming[key] : mine;
  }
  return merged;
}

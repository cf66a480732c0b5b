import type { Link, PaperFields } from '../db/records';
import type { DetectedPaper } from '../paper';
import { paperLinks, venueLine } from '../paper-links';
import { emptyFields } from './derive';
import { normaliseDoi, pageUrls } from './identifiers';
import { MAX_CHARS } from './limits';

const NOTE_LABELS: Record<string, string> = { USENIX: 'Paper', arXiv: 'Paper', 'arXiv PDF': 'PDF', PDF: 'PDF', DOI: 'DOI' };

/** Our notes' link labels for a detected paper's places: the paper page first, then its PDF. */
function noteLinks(paper: DetectedPaper): Link[] {
  return paperLinks(paper).flatMap((link) => (NOTE_LABELS[link.label] ? [{ label: NOTE_LABELS[link.label]!, url: link.url }] : []));
}

/** A page's affiliations as one line, as many whole ones as the field holds. */
function affiliationsLine(affiliations: string[]): string {
  let line = '';
  for (const affiliation of affiliations) {
    const next = line ? `${line} & ${affiliation}` : affiliation;
    if (next.length > MAX_CHARS.affiliations) break;
    line = next;
  }
  return line;
}

/**
 * A new note's fields, filled from what the page says: title, authors, venue and year (from the
 * USENIX code, or "arXiv <year>"), identifiers and links. The note itself starts empty.
 */
export function fieldsFromPage(paper: DetectedPaper): PaperFields {
  const venue = venueLine(paper) ?? '';
  const year = paper.year ?? (Number(venue.match(/\b(19|20)\d\d\b/)?.[0]) || null);
  return emptyFields({
    title: paper.title ?? paper.arxivId ?? paper.usenixKey ?? paper.key,
    venue,
    year,
    authors: paper.authors ?? [],
    affiliations: affiliationsLine(paper.affiliations ?? []),
    links: noteLinks(paper),
    arxivId: paper.arxivId,
    usenixKey: paper.usenixKey,
    doi: paper.doi ? normaliseDoi(paper.doi) : undefined,
    urls: pageUrls(paper),
  });
}

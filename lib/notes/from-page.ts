import type { Link, PaperFields } from '../db/records';
import type { DetectedPaper } from '../paper';
import { paperLinks, venueLine } from '../paper-links';
import { emptyFields } from './derive';
import { normaliseDoi, pageUrls } from './identifiers';

const NOTE_LABELS: Record<string, string> = { USENIX: 'Paper', arXiv: 'Paper', 'arXiv PDF': 'PDF', PDF: 'PDF', DOI: 'DOI' };

/** Our notes' link labels for a detected paper's places: the paper page first, then its PDF. */
function noteLinks(paper: DetectedPaper): Link[] {
  return paperLinks(paper).flatMap((link) => (NOTE_LABELS[link.label] ? [{ label: NOTE_LABELS[link.label]!, url: link.url }] : []));
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
    affiliations: (paper.affiliations ?? []).join(' & '),
    links: noteLinks(paper),
    arxivId: paper.arxivId,
    usenixKey: paper.usenixKey,
    doi: paper.doi ? normaliseDoi(paper.doi) : undefined,
    urls: pageUrls(paper),
  });
}

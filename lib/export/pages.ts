import type { PaperFields, VenueRecord } from '../db/records';
import { writePaperPage } from '../gitbook/paper-page';
import { slugify, uniqueSlugs } from '../gitbook/slug';
import { writeVenuePage } from '../gitbook/venue-page';
import { fitsVenuePage } from '../gitbook/write';
import { defaultVenue } from '../library/types';
import { exportZip } from './files';

/**
 * One note as a per-paper page: front matter with its tags, `# Title`, Meta Info ("Presented in
 * [VENUE](url).", authors and the rest it has), then the note.
 */
export function notePage(paper: PaperFields, venue?: VenueRecord): string {
  return writePaperPage({
    title: paper.title,
    tags: paper.tags,
    venue: paper.venue,
    venueUrl: venue?.homepage ?? '',
    authors: paper.authors,
    affiliations: paper.affiliations,
    links: paper.links,
    arxivId: paper.arxivId ?? '',
    usenixKey: paper.usenixKey ?? '',
    doi: paper.doi ?? '',
    summary: paper.summary,
    award: paper.award,
    note: paper.note,
  });
}

/**
 * One venue as a conference page: Meta Info, Papers by topic (papers without a topic first), and
 * `\[[Personal Notes](page.md)]` for a paper whose note needs a page of its own.
 */
export function venuePage(venue: VenueRecord | undefined, label: string, papers: PaperFields[]): string {
  const record = venue ?? defaultVenue(label);
  const slug = uniqueSlugs();
  const ordered = [...papers].sort((a, b) => Number(!!a.topic) - Number(!!b.topic));
  return writeVenuePage({
    ...record,
    title: label,
    entries: ordered.map((p) => {
      const own = !fitsVenuePage(p);
      return { title: p.title, links: p.links, personalNotes: own ? `${slug(p.title)}.md` : '', affiliation: p.affiliations, award: p.award, note: own ? '' : p.note, topic: p.topic };
    }),
  });
}

/** A file name safe on every system, from a title. */
export function fileName(title: string, extension: string): string {
  return `${slugify(title) || 'paper-notes'}.${extension}`;
}

/** A file to download: its name, contents and type. */
export interface Download {
  fileName: string;
  contents: string | Uint8Array<ArrayBuffer>;
  type: string;
}

/**
 * A venue to download: its conference page when every note fits in it; otherwise a GitBook folder
 * (.zip) of the venue, whose page links each note that needs a page of its own to that page.
 */
export function venueDownload(venue: VenueRecord | undefined, label: string, papers: PaperFields[]): Download {
  if (papers.every(fitsVenuePage)) return { fileName: fileName(label, 'md'), contents: venuePage(venue, label, papers), type: 'text/markdown' };
  const zip = exportZip({ venues: [venue ?? defaultVenue(label)], topics: [], papers });
  return { fileName: fileName(label, 'zip'), contents: zip as Uint8Array<ArrayBuffer>, type: 'application/zip' };
}

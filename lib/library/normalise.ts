import type { PaperFields } from '../db/records';
import { identifiersFromLinks } from '../notes/identifiers';
import { defaultVenue, type LibraryData } from './types';

/** A note as files carry it: no blank lines before, no white space after, one final newline. */
export function normaliseNote(note: string): string {
  const trimmed = note.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  return trimmed ? trimmed + '\n' : '';
}

function titleLinkFirst<T extends { label: string; url: string }>(all: T[]): T[] {
  // A link with neither label nor address says nothing, and is not written; a repeated one is kept once.
  const links = all.filter((l, i) => (l.label || l.url) && all.findIndex((m) => m.label === l.label && m.url === l.url) === i);
  const own = links.find((l) => l.label === '');
  return own ? [own, ...links.filter((l) => l !== own)] : links;
}

/**
 * The library in the form an export and re-import keeps it in (see "Round trips" in the README):
 * ids implied by links filled in, notes normalised, papers of a venue in page order (those listed
 * on the venue's page first, then those with only a page of their own), no database bookkeeping.
 */
export function normaliseLibrary(library: LibraryData) {
  const rank = (p: PaperFields) => (p.topic ? 0 : 1);
  const papers = library.papers
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.venue.localeCompare(b.p.venue) || rank(a.p) - rank(b.p) || (a.p.position ?? Infinity) - (b.p.position ?? Infinity) || a.i - b.i)
    .map(({ p }) => {
      const implied = identifiersFromLinks(p.links);
      return {
        title: p.title,
        venue: p.venue,
        year: p.year,
        topic: p.topic,
        authors: p.authors,
        affiliations: p.affiliations,
        tags: p.tags,
        // A link without a label is the title's own link: written (and read back) first.
        links: titleLinkFirst(p.links),
        award: p.award,
        arxivId: p.arxivId ?? implied.arxivId,
        usenixKey: p.usenixKey ?? implied.usenixKey,
        doi: p.doi ?? implied.doi,
        note: normaliseNote(p.note),
        summary: p.summary,
      };
    });
  const labels = new Set([...library.venues.map((v) => v.label), ...library.papers.map((p) => p.venue)].filter(Boolean));
  const venues = [...labels].sort().map((label) => {
    const v = library.venues.find((x) => x.label === label) ?? defaultVenue(label);
    return { label, name: v.name, year: v.year, group: v.group, homepage: v.homepage, paperList: v.paperList, acceptanceRate: v.acceptanceRate, references: v.references.trim() };
  });
  return { venues, topics: library.topics.map((t) => t.path).sort(), papers };
}

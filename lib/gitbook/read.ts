import type { PaperFields, TopicRecord, VenueGroup, VenueRecord } from '../db/records';
import { defaultVenue, splitVenueLabel, type LibraryData } from '../library/types';
import { isTruncated, matchesTruncated, normaliseTitle, truncatedPrefix } from '../match/title';
import { emptyFields } from '../notes/derive';
import { identifiersFromLinks, normaliseDoi } from '../notes/identifiers';
import { GitBookError } from './errors';
import { parsePaperListPage } from './paper-list-page';
import { parsePaperPage, type PaperPage } from './paper-page';
import { parseSummary, type SummaryNode } from './summary';
import { parseVenuePage, type VenuePage, type Warning } from './venue-page';

export interface ReadResult {
  library: LibraryData;
  warnings: Warning[];
}

const GROUPS: [RegExp, VenueGroup][] = [
  [/^conferences?$/i, 'conference'],
  [/^journals?$/i, 'journal'],
  [/^misc(ellaneous)?$/i, 'misc'],
];
const groupOf = (title: string) => GROUPS.find(([re]) => re.test(title.trim()))?.[1];

/** `a/b/README.md` + `c.md` → `a/b/c.md`; `..` and `.` resolved. */
export function resolvePath(fromFile: string, relative: string): string {
  const parts = fromFile.split('/').slice(0, -1);
  for (const part of relative.split(/[?#]/)[0]!.split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(decodeURIComponent(part));
  }
  return parts.join('/');
}

/** Collects papers, merging the same paper seen on several pages (ids, then title within a venue). */
class PaperCollector {
  readonly papers: PaperFields[] = [];
  private next = 0;

  position(): number {
    return this.next++;
  }

  private sameVenue(a: PaperFields, b: PaperFields) {
    return !a.venue || !b.venue || a.venue === b.venue;
  }

  private find(paper: PaperFields): PaperFields | undefined {
    const key = normaliseTitle(paper.title);
    const prefix = truncatedPrefix(paper.title);
    return this.papers.find((p) => {
      if ((p.arxivId && p.arxivId === paper.arxivId) || (p.usenixKey && p.usenixKey === paper.usenixKey) || (p.doi && p.doi === paper.doi)) return true;
      if (!this.sameVenue(p, paper)) return false;
      const other = normaliseTitle(p.title);
      if (other === key) return true;
      const otherPrefix = truncatedPrefix(p.title);
      return (prefix !== null && matchesTruncated(other, prefix)) || (otherPrefix !== null && matchesTruncated(key, otherPrefix));
    });
  }

  /** Adds a paper, or merges it into the same paper seen before; returns the stored one. */
  add(paper: PaperFields, into?: PaperFields): PaperFields {
    Object.assign(paper, { ...identifiersFromLinks(paper.links), ...withoutEmpty(paper) });
    const same = into ?? this.find(paper);
    if (!same) {
      this.papers.push(paper);
      return paper;
    }
    if (isTruncated(same.title) && !isTruncated(paper.title)) same.title = paper.title;
    for (const field of ['venue', 'topic', 'affiliations', 'award', 'summary', 'arxivId', 'usenixKey', 'doi'] as const) {
      if (!same[field] && paper[field]) (same as unknown as Record<string, unknown>)[field] = paper[field];
    }
    same.year ??= paper.year;
    if (!same.authors.length) same.authors = paper.authors;
    same.tags = [...new Set([...same.tags, ...paper.tags])];
    for (const link of paper.links) {
      if (!same.links.some((l) => l.label === link.label && l.url === link.url)) same.links.push(link);
    }
    // Each page's notes are kept: the same paper's bullets on a conference page and its own page.
    if (paper.note && paper.note !== same.note) same.note = same.note ? `${same.note.trimEnd()}\n\n${paper.note}` : paper.note;
    if (paper.position !== undefined) same.position = Math.min(same.position ?? Infinity, paper.position);
    return same;
  }
}

function withoutEmpty(paper: PaperFields): Partial<PaperFields> {
  return Object.fromEntries(Object.entries(paper).filter(([, v]) => v !== undefined && v !== '')) as Partial<PaperFields>;
}

function fromPaperPage(page: PaperPage, venue: string, title: string): PaperFields {
  return emptyFields({
    title: page.title || title,
    venue: page.venue || venue,
    year: splitVenueLabel(page.venue || venue).year,
    authors: page.authors,
    affiliations: page.affiliations,
    tags: page.tags,
    links: page.links,
    award: page.award,
    arxivId: page.arxivId || undefined,
    usenixKey: page.usenixKey || undefined,
    doi: page.doi ? normaliseDoi(page.doi) : undefined,
    note: page.note,
    summary: page.summary,
  });
}

/**
 * Reads a GitBook folder (paths relative to its root, `/`-separated) into a library. SUMMARY.md
 * says what each page is; pages it does not list are recognised by their content. Problems are
 * returned as warnings with file and line; only unreadable structure throws `GitBookError`.
 */
export function readGitBook(files: Map<string, string>): ReadResult {
  const warnings: Warning[] = [];
  const venues = new Map<string, VenueRecord>();
  const topics = new Map<string, TopicRecord>();
  const collector = new PaperCollector();
  const seen = new Set<string>();
  let order = 0;

  const text = (path: string): string | undefined => {
    if (!path || !files.has(path)) return undefined;
    seen.add(path);
    return files.get(path);
  };
  const venueRecord = (label: string, group: VenueGroup, page?: VenuePage) => {
    const venue = venues.get(label) ?? { ...defaultVenue(label, group), position: order++ };
    if (page) {
      venue.homepage ||= page.homepage;
      venue.paperList ||= page.paperList;
      venue.acceptanceRate ||= page.acceptanceRate;
      venue.references ||= page.references;
    }
    venues.set(label, venue);
    return venue;
  };

  /** A venue's page and the per-paper pages under it. */
  const readVenue = (label: string, group: VenueGroup, node: SummaryNode) => {
    const source = text(node.path);
    let page: VenuePage | undefined;
    const linked = new Map<string, PaperFields>();
    if (source !== undefined) {
      const parsed = parseVenuePage(source, node.path);
      page = parsed.page;
      warnings.push(...parsed.warnings);
      for (const entry of page.entries) {
        const paper = collector.add(
          emptyFields({
            title: entry.title,
            venue: label,
            year: splitVenueLabel(label).year,
            topic: entry.topic,
            affiliations: entry.affiliation,
            award: entry.award,
            links: entry.links,
            note: entry.note,
            position: collector.position(),
          }),
        );
        if (entry.personalNotes) linked.set(resolvePath(node.path, entry.personalNotes), paper);
      }
    } else if (node.path) {
      warnings.push({ file: 'SUMMARY.md', line: node.line, message: `page ${node.path} is missing` });
    }
    venueRecord(label, group, page);
    for (const child of node.children) readPaperPage(child, label, linked.get(child.path));
  };

  const readPaperPage = (node: SummaryNode, venue: string, into?: PaperFields) => {
    const source = text(node.path);
    let page: PaperPage | undefined;
    if (source !== undefined) {
      const parsed = parsePaperPage(source, node.path);
      page = parsed.page;
      warnings.push(...parsed.warnings);
    } else if (node.path) {
      warnings.push({ file: 'SUMMARY.md', line: node.line, message: `page ${node.path} is missing; the paper is kept without its note` });
    }
    const fields = page ? fromPaperPage(page, venue, node.title) : emptyFields({ title: node.title, venue, year: splitVenueLabel(venue).year });
    if (!into) fields.position = collector.position();
    collector.add(fields, into);
    for (const child of node.children) readPaperPage(child, venue);
  };

  const readTopic = (node: SummaryNode, parent: string) => {
    const path = parent ? `${parent}/${node.title}` : node.title;
    topics.set(path, { path, name: node.title, parent, position: order++ });
    const source = text(node.path);
    if (source !== undefined) {
      const parsed = parsePaperListPage(source, node.path);
      warnings.push(...parsed.warnings);
      for (const entry of parsed.entries) {
        collector.add(
          emptyFields({ title: entry.title, venue: entry.venue, year: splitVenueLabel(entry.venue).year, topic: path, links: entry.links, note: entry.note, position: collector.position() }),
        );
      }
    }
    for (const child of node.children) readTopic(child, path);
  };

  const readGroup = (group: VenueGroup, node: SummaryNode) => {
    text(node.path);
    for (const child of node.children) {
      if (group === 'conference') {
        readVenue(child.title, group, child);
        continue;
      }
      // Journals and other groups: a series, then years, then papers.
      text(child.path);
      for (const year of child.children) {
        if (/^(19|20)\d\d$/.test(year.title.trim())) readVenue(`${child.title} ${year.title.trim()}`, group, year);
        else readPaperPage(year, venueRecord(child.title, group).label);
      }
      if (!child.children.length) venueRecord(child.title, group);
    }
  };

  const visit = (nodes: SummaryNode[]) => {
    for (const node of nodes) {
      const group = groupOf(node.title);
      if (/^paper lists?$/i.test(node.title)) {
        text(node.path);
        for (const child of node.children) readTopic(child, '');
      } else if (group) readGroup(group, node);
      else {
        text(node.path);
        visit(node.children);
      }
    }
  };

  const summary = files.get('SUMMARY.md');
  if (summary !== undefined) {
    seen.add('SUMMARY.md');
    visit(parseSummary(summary));
  }
  for (const [path, source] of files) {
    if (seen.has(path) || !/\.md$/i.test(path)) continue;
    readLoosePage(path, source, { collector, venueRecord, warnings });
  }
  return {
    library: { venues: [...venues.values()], topics: [...topics.values()], papers: collector.papers },
    warnings,
  };
}

/** A page SUMMARY.md does not list (or a lone .md file): recognised by what it holds. */
function readLoosePage(
  path: string,
  source: string,
  ctx: { collector: PaperCollector; venueRecord: (label: string, group: VenueGroup, page?: VenuePage) => VenueRecord; warnings: Warning[] },
) {
  if (/^## Papers\s*$/m.test(source) || /^Homepage\s*:/m.test(source)) {
    const { page, warnings } = parseVenuePage(source, path);
    ctx.warnings.push(...warnings);
    if (!page.title) return;
    ctx.venueRecord(page.title, 'conference', page);
    for (const entry of page.entries) {
      ctx.collector.add(
        emptyFields({
          title: entry.title, venue: page.title, year: splitVenueLabel(page.title).year, topic: entry.topic, affiliations: entry.affiliation,
          award: entry.award, links: entry.links, note: entry.note, position: ctx.collector.position(),
        }),
      );
    }
    return;
  }
  if (/^\* .*\((?:[^()]*\b(?:19|20)\d\d)\)/m.test(source) && !/^Presented in/m.test(source)) {
    const { title, entries, warnings } = parsePaperListPage(source, path);
    ctx.warnings.push(...warnings);
    for (const e of entries) {
      ctx.collector.add(emptyFields({ title: e.title, venue: e.venue, year: splitVenueLabel(e.venue).year, topic: title, links: e.links, note: e.note, position: ctx.collector.position() }));
    }
    return;
  }
  const { page, warnings } = parsePaperPage(source, path);
  ctx.warnings.push(...warnings);
  if (!page.title) throw new GitBookError(path, 1, 'not a page Paper Notes can read: no "# Title" heading');
  if (page.venue) ctx.venueRecord(page.venue, defaultVenue(page.venue).group);
  const paper = fromPaperPage(page, page.venue, page.title);
  paper.position = ctx.collector.position();
  ctx.collector.add(paper);
}

import type { PaperFields, TopicRecord, VenueGroup, VenueRecord } from '../db/records';
import { defaultVenue, splitVenueLabel, type LibraryData } from '../library/types';
import { isTruncated, matchesTruncated, normaliseTitle, truncatedPrefix } from '../match/title';
import { emptyFields } from '../notes/derive';
import { NO_VENUE } from '../search/facets';
import { identifiersFromLinks, normaliseDoi } from '../notes/identifiers';
import { GitBookError } from './errors';
import { splitTitleLine } from './inline';
import { parsePaperListPage, splitVenue } from './paper-list-page';
import { hasPaperFrontMatter, isPaperPage, isYearTitle, parsePaperPage, type PaperPage } from './paper-page';
import { parseSummary, type SummaryNode } from './summary';
import { parseVenuePage, type VenuePage, type Warning } from './venue-page';

export interface ReadResult {
  library: LibraryData;
  /** Lines skipped over: the rest of their file was read. */
  warnings: Warning[];
  /** Files that could not be read at all: nothing of them is in the library. */
  errors: Warning[];
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
    else if (part && part !== '.') parts.push(part.includes('%') ? decodeURIComponent(part) : part);
  }
  return parts.join('/');
}

/** A paper's ids: those it states, else those its links imply. */
function idsOf(paper: PaperFields) {
  const implied = identifiersFromLinks(paper.links);
  return { arxivId: paper.arxivId ?? implied.arxivId, usenixKey: paper.usenixKey ?? implied.usenixKey, doi: paper.doi ?? implied.doi };
}

/** Collects papers, merging the same paper seen on several pages (ids, then title within a venue). */
class PaperCollector {
  readonly papers: PaperFields[] = [];
  private next = 0;
  // Indexes over what was collected, so that each new paper is matched without a scan.
  private readonly byId = new Map<string, PaperFields>();
  private readonly byTitle = new Map<string, PaperFields[]>();
  private readonly truncated: { prefix: string; paper: PaperFields }[] = [];

  position(): number {
    return this.next++;
  }

  /** The papers, with the ids their links imply where they state none. */
  finish(): PaperFields[] {
    for (const paper of this.papers) {
      const ids = idsOf(paper);
      for (const key of ['arxivId', 'usenixKey', 'doi'] as const) if (ids[key]) paper[key] = ids[key];
    }
    return this.papers;
  }

  private sameVenue(a: PaperFields, b: PaperFields) {
    return !a.venue || !b.venue || a.venue === b.venue;
  }

  /** A title's normalised key and truncated prefix, computed once per title (a paper is met on several pages). */
  private readonly titleKeys = new Map<string, { key: string; prefix: string | null }>();
  private keysOf(title: string) {
    let keys = this.titleKeys.get(title);
    if (!keys) this.titleKeys.set(title, (keys = { key: normaliseTitle(title), prefix: truncatedPrefix(title) }));
    return keys;
  }

  private register(paper: PaperFields) {
    const ids = idsOf(paper);
    for (const id of [ids.arxivId && `a:${ids.arxivId}`, ids.usenixKey && `u:${ids.usenixKey}`, ids.doi && `d:${ids.doi}`]) {
      if (id && !this.byId.has(id)) this.byId.set(id, paper);
    }
    const { key, prefix } = this.keysOf(paper.title);
    const list = this.byTitle.get(key) ?? [];
    if (!list.includes(paper)) this.byTitle.set(key, [...list, paper]);
    if (prefix && !this.truncated.some((t) => t.paper === paper)) this.truncated.push({ prefix, paper });
  }

  private find(paper: PaperFields): PaperFields | undefined {
    const ids = idsOf(paper);
    for (const id of [ids.arxivId && `a:${ids.arxivId}`, ids.usenixKey && `u:${ids.usenixKey}`, ids.doi && `d:${ids.doi}`]) {
      const same = id ? this.byId.get(id) : undefined;
      if (same) return same;
    }
    const { key, prefix } = this.keysOf(paper.title);
    const titled = this.byTitle.get(key)?.find((p) => this.sameVenue(p, paper));
    if (titled) return titled;
    // Titles cut with "...": on either side (the stored one, or the incoming one).
    const cut = this.truncated.find((t) => this.sameVenue(t.paper, paper) && matchesTruncated(key, t.prefix))?.paper;
    if (cut || !prefix) return cut;
    for (const [otherKey, list] of this.byTitle) {
      if (!matchesTruncated(otherKey, prefix)) continue;
      const same = list.find((p) => this.sameVenue(p, paper));
      if (same) return same;
    }
    return undefined;
  }

  /** Adds a paper, or merges it into the same paper seen before; returns the stored one. */
  add(paper: PaperFields, into?: PaperFields): PaperFields {
    const same = into ?? this.find(paper);
    if (!same) {
      this.papers.push(paper);
      this.register(paper);
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
    this.register(same);
    return same;
  }
}

function fromPaperPage(page: PaperPage, venue: string, title: string): PaperFields {
  return emptyFields({
    title: page.title || title,
    venue: page.venue || venue,
    year: splitVenueLabel(page.venue || venue).year,
    authors: page.authors,
    affiliations: page.affiliations,
    tags: page.tags,
    links: page.paperUrl && !page.links.some((l) => l.url === page.paperUrl) ? [{ label: 'Paper', url: page.paperUrl }, ...page.links] : page.links,
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
  const errors: Warning[] = [];
  /** Runs a file's parser; a file that fails is reported and contributes nothing. */
  const attempt = <T>(run: () => T): T | undefined => {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof GitBookError)) throw error;
      errors.push({ file: error.file, line: error.line, message: error.reason });
      return undefined;
    }
  };
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
    if (!label) return defaultVenue('', group);
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
    const parsed = source === undefined ? undefined : attempt(() => parsePaperPage(source, node.path));
    if (parsed) {
      page = parsed.page;
      warnings.push(...parsed.warnings);
    } else if (source !== undefined) {
      return;
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
        // No position: the paper's place is on its venue's page, read later.
        collector.add(emptyFields({ title: entry.title, venue: entry.venue, year: splitVenueLabel(entry.venue).year, topic: path, links: entry.links, note: entry.note }));
      }
    }
    for (const child of node.children) readTopic(child, path);
  };

  const readGroup = (group: VenueGroup, node: SummaryNode) => {
    text(node.path);
    for (const child of node.children) {
      // A paper titled as a year: no pages under it, and a page with front matter (its writer
      // makes sure of it) not taken for a venue's (`sniffPage`).
      const paperNamedAsYear = (c: SummaryNode) => {
        const source = files.get(c.path) ?? '';
        return !c.children.length && isPaperPage(source) && sniffPage(source) !== 'venue';
      };
      const years = child.children.filter((c) => isYearTitle(c.title) && !paperNamedAsYear(c));
      // Conferences, and series without years: the node is the venue.
      if (group === 'conference' || !years.length) {
        readVenue(child.title === NO_VENUE ? '' : child.title, group, child);
        continue;
      }
      // Journals and other groups: a series, then years, then papers.
      text(child.path);
      for (const year of child.children) {
        if (years.includes(year)) readVenue(`${child.title} ${year.title.trim()}`, group, year);
        else readPaperPage(year, venueRecord(child.title, group).label);
      }
    }
  };

  // Venue pages first, paper lists after: a paper's own venue page decides its fields and their
  // order; a paper list adds only what the paper has nowhere else.
  const lists: SummaryNode[] = [];
  const visit = (nodes: SummaryNode[]) => {
    for (const node of nodes) {
      const group = groupOf(node.title);
      if (/^paper lists?$/i.test(node.title)) lists.push(node);
      else if (group) readGroup(group, node);
      else {
        // Pages outside the groups are read by what they hold; an introduction holds no notes.
        const source = text(node.path);
        if (source !== undefined && sniffPage(source)) attempt(() => readLoosePage(node.path, source, { collector, venueRecord, warnings }));
        visit(node.children);
      }
    }
  };
  const visitLists = () => {
    for (const node of lists) {
      text(node.path);
      for (const child of node.children) readTopic(child, '');
    }
  };

  const summary = files.get('SUMMARY.md');
  if (summary !== undefined) {
    seen.add('SUMMARY.md');
    // A SUMMARY.md that cannot be read is reported; the pages are then read by their content.
    const nav = attempt(() => parseSummary(summary));
    if (nav) {
      visit(nav);
      visitLists();
    }
  }
  for (const [path, source] of files) {
    if (seen.has(path) || !/\.md$/i.test(path) || path === 'SUMMARY.md') continue;
    attempt(() => readLoosePage(path, source, { collector, venueRecord, warnings }));
  }
  return {
    library: { venues: [...venues.values()], topics: [...topics.values()], papers: collector.finish() },
    warnings,
    errors,
  };
}

/** A page SUMMARY.md does not list (or a lone .md file): recognised by what it holds. */
/** What a page is, from what it holds; null for pages that hold no notes (an introduction). */
export function sniffPage(source: string): 'venue' | 'paper-list' | 'paper' | null {
  // A paper's own front matter decides: its note may have a line a venue page has ("## Papers").
  if (hasPaperFrontMatter(source)) return 'paper';
  const lines = source.split('\n', 400);
  if (lines.some((l) => /^## Papers\s*$/.test(l) || /^Homepage\s*:/.test(l))) return 'venue';
  const paper = /^---\s*$/.test(lines[0] ?? '') || lines.some((l) => /^(## Meta Info\s*$|Presented in\b)/.test(l));
  if (paper) return 'paper';
  if (lines.some((l) => l.startsWith('* ') && splitVenue(splitTitleLine(l.slice(2)).title).venue)) return 'paper-list';
  return null;
}

/** A page SUMMARY.md does not place (or a lone .md file): read by what it holds. */
function readLoosePage(
  path: string,
  source: string,
  ctx: { collector: PaperCollector; venueRecord: (label: string, group: VenueGroup, page?: VenuePage) => VenueRecord; warnings: Warning[] },
) {
  const kind = sniffPage(source);
  if (kind === 'venue') {
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
  } else if (kind === 'paper-list') {
    const { title, entries, warnings } = parsePaperListPage(source, path);
    ctx.warnings.push(...warnings);
    for (const e of entries) {
      ctx.collector.add(emptyFields({ title: e.title, venue: e.venue, year: splitVenueLabel(e.venue).year, topic: title, links: e.links, note: e.note, position: ctx.collector.position() }));
    }
  } else if (kind === 'paper') {
    const { page, warnings } = parsePaperPage(source, path);
    ctx.warnings.push(...warnings);
    if (!page.title) throw new GitBookError(path, 1, 'not a page Paper Notes can read: no "# Title" heading');
    if (page.venue) ctx.venueRecord(page.venue, defaultVenue(page.venue).group);
    const paper = fromPaperPage(page, page.venue, page.title);
    paper.position = ctx.collector.position();
    ctx.collector.add(paper);
  } else {
    ctx.warnings.push({ file: path, line: 1, message: 'skipped: not a conference, paper or paper-list page (no Meta Info, Papers or "(Venue Year)" entries)' });
  }
}

import type { PaperFields, TopicRecord, VenueGroup, VenueRecord } from '../db/records';
import { defaultVenue, type LibraryData } from '../library/types';
import { identifiersFromLinks } from '../notes/identifiers';
import { writePaperListPage } from './paper-list-page';
import { writePaperPage } from './paper-page';
import { NO_VENUE } from '../search/facets';
import { uniqueSlugs } from './slug';
import { writeSummary, type SummaryNode } from './summary';
import { affiliationLineFits, awardIn, noteFitsVenuePage, writeVenuePage, type VenueEntryOut } from './venue-page';

const GROUP_DIRS: Record<VenueGroup, { title: string; dir: string }> = {
  conference: { title: 'Conference', dir: 'reading-notes/conference' },
  journal: { title: 'Journal', dir: 'reading-notes/journal' },
  misc: { title: 'Miscellaneous', dir: 'reading-notes/miscellaneous' },
};

const byPosition = <T extends { position?: number }>(a: T, b: T) => (a.position ?? Infinity) - (b.position ?? Infinity);
const stub = (title: string) => `# ${title}\n`;

/**
 * Whether all a paper has can sit in its entry on a venue page and be read back the same: no
 * authors, tags or summary, ids its links imply, a bullet-only note, an affiliation and award the
 * page reads back as such.
 */
export function fitsVenuePage(paper: PaperFields): boolean {
  if (paper.authors.length || paper.tags.length || paper.summary) return false;
  if (!awardFits(paper) || !affiliationFits(paper)) return false;
  const implied = identifiersFromLinks(paper.links);
  if ((paper.arxivId ?? '') !== (implied.arxivId ?? '') || (paper.usenixKey ?? '') !== (implied.usenixKey ?? '') || (paper.doi ?? '') !== (implied.doi ?? '')) return false;
  return noteFitsVenuePage(paper.note, paper.affiliations);
}

/** A paper gets a page of its own when it has no topic to be listed under, or does not fit its entry. */
export const needsOwnPage = (paper: PaperFields) => !paper.topic || !fitsVenuePage(paper);

const affiliationFits = (p: PaperFields) => !p.affiliations || affiliationLineFits(p.affiliations);
const awardFits = (p: PaperFields) => !p.award || awardIn(p.award) === p.award;

/** A paper's own page; for a paper its venue page lists, what that page says is not repeated. */
function paperPage(paper: PaperFields, venue: Pick<VenueRecord, 'homepage'>): string {
  const listed = !!paper.topic;
  const implied = identifiersFromLinks(paper.links);
  return writePaperPage({
    title: paper.title,
    tags: paper.tags,
    venue: paper.venue,
    venueUrl: venue.homepage,
    authors: paper.authors,
    affiliations: listed && affiliationFits(paper) ? '' : paper.affiliations,
    links: listed ? [] : paper.links,
    award: listed && awardFits(paper) ? '' : paper.award,
    arxivId: paper.arxivId && paper.arxivId !== implied.arxivId ? paper.arxivId : '',
    usenixKey: paper.usenixKey && paper.usenixKey !== implied.usenixKey ? paper.usenixKey : '',
    doi: paper.doi && paper.doi !== implied.doi ? paper.doi : '',
    summary: paper.summary,
    note: paper.note,
  });
}

/**
 * Papers' own pages written ahead of `writeGitBook`, while the rest of a library is still being
 * read (`readLibrary`'s `ahead`). A page is taken only for the same paper object, written with the
 * same venue homepage; any other is written afresh. A paper is not to be changed once handed over:
 * its page is what it said then.
 */
export class PaperPages {
  /** By paper handed over: its page, or null for a paper its venue page holds whole. */
  private readonly written = new Map<PaperFields, { homepage: string; text: string } | null>();

  /** Writes the own pages of these papers; `venues` are the library's (a venue not there has no homepage). */
  readonly add = (papers: PaperFields[], venues: VenueRecord[]): void => {
    const homepages = new Map(venues.map((v) => [v.label, v.homepage]));
    for (const paper of papers) {
      const homepage = homepages.get(paper.venue) ?? '';
      this.written.set(paper, needsOwnPage(paper) ? { homepage, text: paperPage(paper, { homepage }) } : null);
    }
  };

  /** `needsOwnPage`, as decided when the paper was handed over (a scan of its note, for one without authors). */
  needsOwnPage(paper: PaperFields): boolean {
    const ahead = this.written.get(paper);
    return ahead === undefined ? needsOwnPage(paper) : ahead !== null;
  }

  pageOf(paper: PaperFields, venue: VenueRecord): string {
    const ahead = this.written.get(paper);
    return ahead && ahead.homepage === venue.homepage ? ahead.text : paperPage(paper, venue);
  }
}

/**
 * Writes a library as a GitBook folder in the reading-notes site's layout: SUMMARY.md, a README
 * per group, a page per venue (`# OSDI 2024`, Meta Info, Papers by topic, References), a page per
 * paper that needs one (taken from `ahead` where it has it), and the paper-list pages. Reading the
 * result gives the library back.
 */
export function writeGitBook(library: LibraryData, ahead: PaperPages = new PaperPages()): Map<string, string> {
  const files = new Map<string, string>();
  const venues = new Map(library.venues.map((v) => [v.label, v]));
  for (const paper of library.papers) {
    if (venues.has(paper.venue)) continue;
    // Papers without a venue go under Miscellaneous, "No venue", and are read back without one.
    venues.set(paper.venue, paper.venue ? defaultVenue(paper.venue) : { ...defaultVenue(''), name: NO_VENUE, group: 'misc' });
  }
  const papersOf = new Map<string, PaperFields[]>();
  for (const paper of library.papers) {
    const list = papersOf.get(paper.venue);
    if (list) list.push(paper);
    else papersOf.set(paper.venue, [paper]);
  }

  /** A venue's page and its papers' pages, in `dir`; returns its navigation entry. */
  const writeVenue = (venue: VenueRecord, dir: string, slug: string, title: string): SummaryNode => {
    const papers = [...(papersOf.get(venue.label) ?? [])].sort(byPosition);
    const own = papers.filter((p) => ahead.needsOwnPage(p));
    const pageSlug = uniqueSlugs();
    const pages = new Map(own.map((p) => [p, `${pageSlug(p.title)}.md`]));
    const path = own.length ? `${dir}/${slug}/README.md` : `${dir}/${slug}.md`;
    const entries: VenueEntryOut[] = papers
      .filter((p) => p.topic)
      .map((p) => ({
        title: p.title,
        links: p.links,
        personalNotes: pages.get(p) ?? '',
        affiliation: affiliationFits(p) ? p.affiliations : '',
        award: awardFits(p) ? p.award : '',
        note: pages.has(p) ? '' : p.note,
        topic: p.topic,
      }));
    files.set(path, writeVenuePage({ ...venue, title, entries }));
    const children = own.map((p) => {
      const pagePath = `${dir}/${slug}/${pages.get(p)}`;
      files.set(pagePath, ahead.pageOf(p, venue));
      return { title: p.title, path: pagePath, children: [], line: 0 };
    });
    return { title, path, children, line: 0 };
  };

  const groups: SummaryNode[] = [];
  for (const group of ['conference', 'journal', 'misc'] as const) {
    const inGroup = [...venues.values()].filter((v) => v.group === group);
    if (!inGroup.length) continue;
    const { title, dir } = GROUP_DIRS[group];
    files.set(`${dir}/README.md`, stub(title));
    const slugs = uniqueSlugs();
    let children: SummaryNode[];
    if (group === 'conference') {
      children = inGroup
        .sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || byPosition(a, b) || a.label.localeCompare(b.label))
        .map((v) => writeVenue(v, dir, slugs(v.label), v.label));
    } else {
      const series = new Map<string, VenueRecord[]>();
      for (const v of inGroup) series.set(v.name, [...(series.get(v.name) ?? []), v]);
      const first = (vs: VenueRecord[]) => Math.min(...vs.map((v) => v.position ?? Infinity));
      children = [...series]
        .sort(([a, va], [b, vb]) => first(va) - first(vb) || a.localeCompare(b))
        .flatMap(([name, vs]) => {
          // A venue without a year ("arXiv", a note made from a PDF) is a node of its own, beside
          // its series' years: read back as a venue because none of its children is a year.
          const undated = vs.filter((v) => v.year === null).map((v) => writeVenue(v, dir, slugs(name), name));
          const dated = vs.filter((v) => v.year !== null).sort((a, b) => b.year! - a.year!);
          if (!dated.length) return undated;
          const seriesDir = `${dir}/${slugs(name)}`;
          files.set(`${seriesDir}/README.md`, stub(name));
          const years = dated.map((v) => writeVenue(v, seriesDir, String(v.year), String(v.year)));
          return [...undated, { title: name, path: `${seriesDir}/README.md`, children: years, line: 0 }];
        });
    }
    groups.push({ title, path: `${dir}/README.md`, children, line: 0 });
  }

  const nav: SummaryNode[] = [{ title: 'Introduction', path: 'README.md', children: [], line: 0 }];
  files.set('README.md', stub('Introduction'));
  if (library.topics.length) nav.push(writeTopics(library.topics, library.papers, files));
  if (groups.length) {
    files.set('reading-notes/README.md', stub('Reading Notes'));
    nav.push({ title: 'Reading Notes', path: 'reading-notes/README.md', children: groups, line: 0 });
  }
  files.set('SUMMARY.md', writeSummary(nav));
  return files;
}

/** The paper-list pages: one per topic, nested as the topics' paths are. */
function writeTopics(topics: TopicRecord[], papers: PaperFields[], files: Map<string, string>): SummaryNode {
  files.set('paper-list/README.md', stub('Paper List'));
  const sorted = [...topics].sort(byPosition);
  const childrenOf = (parent: string) => sorted.filter((t) => t.parent === parent);
  const inTopic = new Map<string, PaperFields[]>();
  for (const paper of papers) {
    const list = inTopic.get(paper.topic);
    if (list) list.push(paper);
    else inTopic.set(paper.topic, [paper]);
  }
  const build = (topic: TopicRecord, dir: string, slugs: (t: string) => string): SummaryNode => {
    const slug = slugs(topic.name);
    const children = childrenOf(topic.path);
    const path = children.length ? `${dir}/${slug}/README.md` : `${dir}/${slug}.md`;
    const listed = [...(inTopic.get(topic.path) ?? [])].sort(byPosition);
    files.set(path, writePaperListPage(topic.name, listed));
    const inner = uniqueSlugs();
    return { title: topic.name, path, children: children.map((c) => build(c, `${dir}/${slug}`, inner)), line: 0 };
  };
  const slugs = uniqueSlugs();
  return { title: 'Paper List', path: 'paper-list/README.md', children: childrenOf('').map((t) => build(t, 'paper-list', slugs)), line: 0 };
}

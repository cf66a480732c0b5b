import type { Link } from '../db/records';
import { arxivIdYear, canonicalArxivId } from '../sources/arxiv';
import { escapeText, splitTitleLine, unescapeText, writeMarkers } from './inline';
import { readEntries, toLines } from './lines';
import type { Warning } from './venue-page';

/** One paper on a paper-list page: `* Title (Venue) \[[Paper](…)] \[[arXiv](…)]`, notes nested. */
export interface PaperListEntry {
  line: number;
  title: string;
  venue: string;
  links: Link[];
  note: string;
}

const VENUE_SUFFIX = /\s*\(([^()]*\b(?:19|20)\d\d)\)$/;
// The site's own lists link the venue to its page, "([OSDI 2022](../../reading-notes/conference/osdi-2022/))",
// or name a preprint by its arXiv id, "(arXiv:2502.11101)".
const LINKED_VENUE_SUFFIX = /\s*\(\[([^[\]]*\b(?:19|20)\d\d)\]\([^()\s]*\)\)$/;
const ARXIV_SUFFIX = /\s*\(arXiv:\s*([^()\s]+)\)$/i;
/** A title written with its last bracket escaped, "(Extended Version 2021\)": it ends there, no venue after it. */
const ESCAPED_END = /(?:^|[^\\])(?:\\\\)*\\\)$/;

/** The title, venue and any link a list entry's title (the line without its links) ends with; no venue: ''. */
export function splitVenue(title: string): { title: string; venue: string; link?: Link } {
  const linked = LINKED_VENUE_SUFFIX.exec(title) ?? VENUE_SUFFIX.exec(title);
  if (linked) return { title: title.slice(0, linked.index).trim(), venue: linked[1]!.trim() };
  const arxiv = ARXIV_SUFFIX.exec(title);
  const id = arxiv && canonicalArxivId(arxiv[1]!);
  if (!id) return { title, venue: '' };
  const year = arxivIdYear(id);
  return { title: title.slice(0, arxiv!.index).trim(), venue: year ? `arXiv ${year}` : 'arXiv', link: { label: 'arXiv', url: `https://arxiv.org/abs/${id}` } };
}

/** Reads a paper-list page: its heading's entries, and the notes nested under each. */
export function parsePaperListPage(text: string, file: string): { title: string; entries: PaperListEntry[]; warnings: Warning[] } {
  const lines = toLines(text);
  const warnings: Warning[] = [];
  let title = '';
  const body: string[] = [];
  let start = 1;
  lines.forEach((line, i) => {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      if (heading[1] === '#' && !title) title = unescapeText(heading[2]!);
      // Sub-headings group entries on some pages; the entries are what counts.
      body.push('');
      return;
    }
    if (!body.length) start = i + 1;
    body.push(line);
  });
  const { entries, stray } = readEntries(body, start);
  for (const s of stray) warnings.push({ file, line: s.line, message: `text outside any paper entry: "${s.text.trim().slice(0, 60)}"` });
  return {
    title,
    warnings,
    entries: entries.map((entry) => {
      const split = splitTitleLine(entry.text);
      const { title, venue, link } = ESCAPED_END.test(split.written) ? { title: split.title, venue: '', link: undefined } : splitVenue(split.title);
      const note = entry.body.join('\n').trimEnd();
      const links = [...(split.titleUrl ? [{ label: '', url: split.titleUrl }] : []), ...split.links];
      return {
        line: entry.line,
        title,
        venue,
        links: link && !links.some((l) => l.url === link.url) ? [...links, link] : links,
        note: note ? note + '\n' : '',
      };
    }),
  };
}

/** A paper-list page: the topic's name, then one line per paper (notes stay on the venue pages). */
export function writePaperListPage(title: string, entries: { title: string; venue: string; links: Link[] }[]): string {
  const lines = [`# ${escapeText(title)}`];
  if (entries.length) {
    lines.push('');
    for (const e of entries) {
      const links = e.links.filter((l) => l.label);
      // A venue the reader would not take for one ("arXiv", no year) stays off the list: it is on
      // the paper's venue page, and the list entry would read back as another paper's title.
      const venue = e.venue && splitVenue(`x (${e.venue})`).venue === e.venue ? ` (${escapeText(e.venue)})` : '';
      // A title that would read as ending in a venue, "(Extended Version 2021)", has its last bracket escaped.
      const title = splitVenue(e.title).venue ? `${escapeText(e.title).slice(0, -1)}\\)` : escapeText(e.title);
      lines.push(`* ${title}${venue}${links.length ? ' ' + writeMarkers(links) : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}

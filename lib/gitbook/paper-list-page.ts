import type { Link } from '../db/records';
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
      const venue = VENUE_SUFFIX.exec(split.title);
      const note = entry.body.join('\n').trimEnd();
      return {
        line: entry.line,
        title: venue ? split.title.slice(0, venue.index).trim() : split.title,
        venue: venue ? venue[1]!.trim() : '',
        links: [...(split.titleUrl ? [{ label: '', url: split.titleUrl }] : []), ...split.links],
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
      lines.push(`* ${escapeText(e.title)}${e.venue ? ` (${escapeText(e.venue)})` : ''}${links.length ? ' ' + writeMarkers(links) : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}

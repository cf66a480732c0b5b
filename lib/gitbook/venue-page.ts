import type { Link } from '../db/records';
import { escapeText, readLink, splitTitleLine, unescapeText, unescapeUrl, writeLink, writeMarkers } from './inline';
import { bulletText, indent, indentOf, isBlank, readEntries, toLines } from './lines';

/** A problem the reader skipped over, by line: shown in import previews, fatal for the catalog. */
export interface Warning {
  file: string;
  line: number;
  message: string;
}

/** One paper as a conference page lists it. */
export interface VenueEntry {
  line: number;
  title: string;
  /** Markers after the title (`\[[Paper](…)]`), the title's own link first with an empty label. */
  links: Link[];
  /** The per-paper page a `\[[Personal Notes](…)]` marker points to, relative to this page. */
  personalNotes: string;
  affiliation: string;
  award: string;
  /** The note bullets, dedented, without affiliation and award. */
  note: string;
  /** The `###` section it sits in. */
  topic: string;
}

/** A conference page: `# OSDI 2024`, Meta Info, Papers by topic, References. */
export interface VenuePage {
  title: string;
  homepage: string;
  paperList: string;
  acceptanceRate: string;
  /** The References section's Markdown, as written. */
  references: string;
  entries: VenueEntry[];
}

const PERSONAL_NOTES = /^personal notes?$/i;
const AWARD = /^(?:\*\*|__)?([\w ,&'-]*\bAwards?\b[\w ,&'-]*?)(?:\*\*|__)?$/;

/** Whether a bullet reads as an award ("Best Paper Award"): such bullets go to the award field. */
export const awardIn = (text: string): string | null => {
  const match = AWARD.exec(text.trim());
  return match && match[1]!.length <= 80 ? match[1]!.trim() : null;
};

/** Whether a bullet reads as our one-line affiliations ("MSR India & GaTech") rather than a note. */
function looksLikeAffiliation(text: string): boolean {
  const t = text.trim();
  return !!t && t.length <= 200 && !/[.:;!?]$/.test(t) && !/: |[`*_[\]<>]/.test(t) && !awardIn(t);
}

/** Whether an affiliation, as its bullet is written (`escapeText`: longer by its escapes), reads back as one. */
export const affiliationLineFits = (affiliation: string): boolean => looksLikeAffiliation(escapeText(affiliation));

/** Splits a paper's nested lines into its affiliation (the first bullet), award bullets and the note. */
function readBody(body: string[]): Pick<VenueEntry, 'affiliation' | 'award' | 'note'> {
  const segments: string[][] = [];
  for (const line of body) {
    if (!isBlank(line) && indentOf(line) === 0) segments.push([line]);
    else if (segments.length) segments.at(-1)!.push(line);
  }
  const single = (segment: string[]) => (segment.filter((l) => !isBlank(l)).length === 1 ? bulletText(segment[0]!) : null);
  let affiliation = '';
  let award = '';
  const first = segments[0] && single(segments[0]);
  if (first !== null && first !== undefined && looksLikeAffiliation(first)) {
    affiliation = unescapeText(first);
    segments.shift();
  }
  const kept = segments.filter((segment) => {
    const text = single(segment);
    const found = text === null ? null : awardIn(text);
    if (found) award = award ? `${award} & ${found}` : found;
    return !found;
  });
  const note = kept.flat().join('\n').trimEnd();
  return { affiliation, award, note: note ? note + '\n' : '' };
}

const HEADING = /^(#{1,6})\s+(.*?)\s*$/;
const headingText = (text: string) => unescapeText(text.replace(/<a\b[^>]*>\s*<\/a>/gi, '').replace(/\s+#+$/, ''));
/** A heading's text, escaped; a "#" run at its end ("Serving #") too, which would otherwise close the heading. */
const writeHeadingText = (text: string) => escapeText(text).replace(/(^|\s)#(#*)$/, '$1\\#$2');

/** The URL in "Homepage: [u](u)" or "Homepage: u". */
function metaValue(rest: string): string {
  const value = rest.trim();
  const link = value.startsWith('[') ? readLink(value, 0) : null;
  return link && link.end === value.length ? unescapeUrl(link.url) : unescapeUrl(value);
}

/**
 * Reads a conference page. Content it does not understand is skipped and reported as a warning
 * with its line; nothing throws on odd Markdown.
 */
export function parseVenuePage(text: string, file: string): { page: VenuePage; warnings: Warning[] } {
  const lines = toLines(text);
  const warnings: Warning[] = [];
  const warn = (line: number, message: string) => warnings.push({ file, line, message });
  const page: VenuePage = { title: '', homepage: '', paperList: '', acceptanceRate: '', references: '', entries: [] };
  let mode: 'top' | 'meta' | 'rate' | 'papers' | 'references' | 'other' = 'top';
  let topic = '';
  let block: { start: number; lines: string[] } = { start: 1, lines: [] };
  const references: string[] = [];

  const flushPapers = () => {
    if (mode !== 'papers') return;
    const { entries, stray } = readEntries(block.lines, block.start);
    for (const s of stray) warn(s.line, `text outside any paper entry: "${s.text.trim().slice(0, 60)}"`);
    const add = (entry: (typeof entries)[number], entryTopic: string) => {
      const { title, titleUrl, links } = splitTitleLine(entry.text);
      // A group of papers within the topic ("* LLM Training", its papers a level deeper, each with
      // its own affiliation line): no links, and every item under it has items of its own.
      const group = !titleUrl && !links.length ? readEntries(entry.body, entry.line + 1) : null;
      if (group && !group.stray.length && group.entries.length && group.entries.every((e) => e.body.some((l) => l.trim()))) {
        for (const paper of group.entries) add(paper, entryTopic ? `${entryTopic} / ${title}` : title);
        return;
      }
      // Our marker points at a page of the folder; a web link so labelled is a link like any other.
      const personal = links.find((l) => PERSONAL_NOTES.test(l.label) && !/^[a-z][a-z0-9+.-]*:/i.test(l.url));
      page.entries.push({
        line: entry.line,
        title,
        links: [...(titleUrl ? [{ label: '', url: titleUrl }] : []), ...links.filter((l) => l !== personal)],
        personalNotes: personal?.url ?? '',
        ...readBody(entry.body),
        topic: entryTopic,
      });
    };
    for (const entry of entries) add(entry, topic);
  };

  lines.forEach((line, i) => {
    const number = i + 1;
    const heading = indentOf(line) === 0 ? HEADING.exec(line) : null;
    if (heading && !(mode === 'references' && heading[1]!.length > 2)) {
      flushPapers();
      block = { start: number + 1, lines: [] };
      const level = heading[1]!.length;
      const name = headingText(heading[2]!);
      if (level === 1) {
        if (page.title) warn(number, `a second title "${name}"`);
        else page.title = name;
        mode = 'top';
      } else if (level === 2) {
        mode = /^meta info$/i.test(name) ? 'meta' : /^papers$/i.test(name) ? 'papers' : /^references$/i.test(name) ? 'references' : 'other';
        if (mode === 'other') warn(number, `section "${name}" is not one a conference page has; skipped`);
        topic = '';
      } else if ((mode === 'meta' || mode === 'rate') && /^acceptance rate$/i.test(name)) {
        mode = 'rate';
      } else if (mode === 'papers' || (mode === 'top' && level === 3)) {
        mode = 'papers';
        topic = name;
      } else if (mode !== 'other') {
        warn(number, `heading "${name}" skipped`);
      }
      return;
    }
    if (mode === 'papers') {
      block.lines.push(line);
    } else if (mode === 'references') {
      references.push(line);
    } else if (!isBlank(line)) {
      const meta = /^(homepage|paper list|acceptance rate)\s*:\s*(.*)$/i.exec(line.trim());
      const key = meta?.[1]!.toLowerCase();
      if (meta && (mode === 'meta' || (mode === 'rate' && key !== 'acceptance rate'))) {
        if (key === 'homepage') page.homepage = metaValue(meta[2]!);
        else if (key === 'paper list') page.paperList = metaValue(meta[2]!);
        else page.acceptanceRate = unescapeText(meta[2]!);
      } else if (mode === 'rate') {
        // One line, or a bullet per submission cycle ("* Summer: 12.7% (65 / 510)"): joined.
        page.acceptanceRate = [page.acceptanceRate, unescapeText(line.trim().replace(/^[*-]\s+/, ''))].filter(Boolean).join('; ');
      } else if (mode !== 'other') warn(number, `line skipped: "${line.trim().slice(0, 60)}"`);
    }
  });
  flushPapers();
  page.references = references.join('\n').replace(/^\s*\n/, '').trimEnd();
  if (!page.title) warn(1, 'no "# Title" heading');
  return { page, warnings };
}

/** What a paper contributes to its venue's page, when written. */
export type VenueEntryOut = Omit<VenueEntry, 'line'>;

function writeEntry(entry: VenueEntryOut): string[] {
  const own = entry.links.find((l) => l.label === '');
  const title = own ? writeLink(escapeText(entry.title), own.url) : escapeText(entry.title);
  const markers = [...entry.links.filter((l) => l !== own), ...(entry.personalNotes ? [{ label: 'Personal Notes', url: entry.personalNotes }] : [])];
  const head = `* ${title}${markers.length ? ' ' + writeMarkers(markers) : ''}`;
  const body = [
    ...(entry.affiliation ? [`* ${escapeText(entry.affiliation)}`] : []),
    ...(entry.note ? entry.note.replace(/\n$/, '').split('\n') : []),
    ...(entry.award ? [`* ${entry.award}`] : []),
  ];
  return [head, ...indent(body, '  ')];
}

/** A conference page in our layout; sections without content are left out. */
export function writeVenuePage(page: Omit<VenuePage, 'entries'> & { entries: VenueEntryOut[] }): string {
  const blocks: string[][] = [[`# ${writeHeadingText(page.title)}`]];
  const meta = [
    page.homepage && `Homepage: ${writeLink(page.homepage, page.homepage)}`,
    page.paperList && `Paper list: ${writeLink(page.paperList, page.paperList)}`,
    ...(page.acceptanceRate ? ['### Acceptance Rate', escapeText(page.acceptanceRate)] : []),
  ].filter(Boolean) as string[];
  if (meta.length) blocks.push(['## Meta Info', ...meta.flatMap((m) => ['', m])]);
  if (page.entries.length) {
    const papers: string[] = ['## Papers'];
    let topic: string | null = null;
    for (const entry of page.entries) {
      if (entry.topic !== topic) {
        topic = entry.topic;
        if (topic) papers.push('', `### ${writeHeadingText(topic)}`);
        papers.push('');
      }
      papers.push(...writeEntry(entry));
    }
    blocks.push(papers);
  }
  if (page.references) blocks.push(['## References', '', page.references]);
  return blocks.map((b) => b.join('\n')).join('\n\n') + '\n';
}

/**
 * Whether a note can sit under its paper on the conference page and be read back the same: only
 * bullets, two spaces a level, no blank lines, no bullet that would read as affiliation or award.
 */
export function noteFitsVenuePage(note: string, affiliation: string): boolean {
  if (affiliation && !affiliationLineFits(affiliation)) return false;
  if (!note) return true;
  if (!affiliation) return false;
  const lines = note.replace(/\n$/, '').split('\n');
  let level = -1;
  for (const line of lines) {
    const match = /^((?: {2})*)\* (\S.*)$/.exec(line);
    if (!match || /\s$/.test(line)) return false;
    const depth = match[1]!.length / 2;
    if (depth > level + 1) return false;
    if (depth === 0 && awardIn(match[2]!)) return false;
    level = depth;
  }
  return true;
}

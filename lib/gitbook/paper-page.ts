import type { Link } from '../db/records';
import { GitBookError } from './errors';
import { escapeText, readLink, splitTitleLine, unescapeText, unescapeUrl, writeLink, writeMarkers } from './inline';
import { isBlank, toLines } from './lines';
import { paperOfLink } from '../notes/identifiers';
import type { Warning } from './venue-page';

/** A per-paper note page: front matter with tags, `# Title`, Meta Info lines, then the note. */
export interface PaperPage {
  title: string;
  tags: string[];
  /** From "Presented in [VENUE](url)." */
  venue: string;
  venueUrl: string;
  /** The site's own pages link the paper there instead ("Presented in [ASPLOS 2024](arXiv URL)."). */
  paperUrl?: string;
  authors: string[];
  affiliations: string;
  links: Link[];
  arxivId: string;
  usenixKey: string;
  doi: string;
  summary: string;
  award: string;
  note: string;
}

const META_LINE = /^(Presented in|Authors|Affiliations|Links|arXiv|USENIX|DOI|Summary|Award)\b\s*:?\s*(.*)$/;
/**
 * Written before a note whose first line would otherwise read as Meta Info ("Summary: …") or as
 * the Meta Info heading; invisible in GitBook, skipped by the reader.
 */
const NOTE_START = '<!-- paper-notes: note -->';
const needsNoteStart = (note: string) => {
  // The reader skips blank lines before the note: its first line with text is what it would see.
  const first = note.split('\n').find((line) => line.trim())?.trim() ?? '';
  return META_LINE.test(first) || /^## Meta Info\s*$/i.test(first) || first === NOTE_START;
};

/** A description that gives tags: ours, "Tags: a, b"; the site's own pages, "#a #b". */
const TAGS = /^tags\s*:\s*(.*)$/i;
const HASHTAGS = /^#\S+(?:\s+#\S+)*$/;

/** Reads `description:` from YAML front matter: plain, quoted, or folded over indented lines. */
function readDescription(lines: string[]): string {
  const at = lines.findIndex((l) => /^description\s*:/.test(l));
  if (at < 0) return '';
  let value = lines[at]!.replace(/^description\s*:\s*/, '');
  if (/^[>|][+-]?$/.test(value.trim())) {
    const folded: string[] = [];
    for (let i = at + 1; i < lines.length && /^\s+\S/.test(lines[i]!); i++) folded.push(lines[i]!.trim());
    value = folded.join(' ');
  } else if (/^'.*'$/.test(value.trim())) {
    value = value.trim().slice(1, -1).replace(/''/g, "'");
  } else if (/^".*"$/.test(value.trim())) {
    value = value.trim().slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  }
  return value.trim();
}

/**
 * "A, B": authors; the site's own pages follow some with their affiliation in italics, "Hong Zhang
 * (_UWaterloo_), Yupeng Tang, Anurag Khandelwal (_Yale_)": the names without it, the affiliations in order.
 */
function readAuthors(value: string): { authors: string[]; affiliations: string[] } {
  const authors: string[] = [];
  const affiliations: string[] = [];
  for (const part of value.split(/\s*,\s*(?![^()]*\))/)) {
    // Only an italic affiliation is one: "Wei Wang (Tsinghua)" may be how a name is written.
    const [, name, affiliation] = /^(.*?)\s*(?:\(\s*([_*][^()]*[_*])\s*\))?$/.exec(part.trim())!;
    if (name) authors.push(name);
    const plain = affiliation?.replace(/^[_*]+|[_*]+$/g, '').trim();
    if (plain && !affiliations.includes(plain)) affiliations.push(plain);
  }
  return { authors, affiliations };
}

function linkValue(value: string): { text: string; url: string } {
  const link = value.startsWith('[') ? readLink(value, 0) : null;
  return link ? { text: unescapeText(link.text), url: unescapeUrl(link.url) } : { text: unescapeText(value), url: '' };
}

/**
 * Reads a per-paper page. Front matter left open is an error (with its line); unknown Meta Info
 * lines end the Meta Info and belong to the note.
 */
export function parsePaperPage(text: string, file: string): { page: PaperPage; warnings: Warning[] } {
  const warnings: Warning[] = [];
  let lines = toLines(text);
  let offset = 0;
  const page: PaperPage = {
    title: '', tags: [], venue: '', venueUrl: '', authors: [], affiliations: '', links: [],
    arxivId: '', usenixKey: '', doi: '', summary: '', award: '', note: '',
  };
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1);
    if (end < 0) throw new GitBookError(file, 1, 'front matter opened with "---" is never closed');
    const description = readDescription(lines.slice(1, end));
    const tags = TAGS.exec(description);
    if (tags) page.tags = tags[1]!.split(',').map((t) => t.trim()).filter(Boolean);
    // The site's own pages give tags as hashtags: "#model_serving_system #workload_unpredictability".
    else if (HASHTAGS.test(description)) page.tags = description.split(/\s+/).map((t) => t.slice(1));
    else if (description) page.summary = description;
    offset = end + 1;
    lines = lines.slice(end + 1);
  }
  let i = lines.findIndex((l) => !isBlank(l));
  if (i >= 0 && /^# /.test(lines[i]!)) {
    page.title = unescapeText(lines[i]!.slice(2));
    i++;
  } else {
    warnings.push({ file, line: offset + Math.max(i, 0) + 1, message: 'no "# Title" heading' });
    i = Math.max(i, 0);
  }
  while (i < lines.length && isBlank(lines[i]!)) i++;
  if (/^## Meta Info\s*$/i.test(lines[i] ?? '')) {
    i++;
    for (;;) {
      let j = i;
      while (j < lines.length && isBlank(lines[j]!)) j++;
      const match = j < lines.length ? META_LINE.exec(lines[j]!) : null;
      if (!match) break;
      i = j + 1;
      const [, key, rawValue] = match;
      const value = rawValue!.trim();
      switch (key) {
        case 'Presented in': {
          const venue = linkValue(value.replace(/\.$/, ''));
          page.venue = venue.text;
          if (paperOfLink(venue.url) || /\.pdf(?:[?#]|$)/i.test(venue.url)) page.paperUrl = venue.url;
          else page.venueUrl = venue.url;
          break;
        }
        case 'Authors': {
          const { authors, affiliations } = readAuthors(unescapeText(value));
          page.authors = authors;
          page.affiliations ||= affiliations.join(' & ');
          break;
        }
        case 'Affiliations':
          page.affiliations = unescapeText(value);
          break;
        case 'Links':
          page.links = splitTitleLine(value).links;
          break;
        case 'arXiv':
          page.arxivId = linkValue(value).text;
          break;
        case 'USENIX':
          page.usenixKey = linkValue(value).text;
          break;
        case 'DOI':
          page.doi = linkValue(value).text;
          break;
        case 'Summary':
          page.summary = unescapeText(value);
          break;
        case 'Award':
          page.award = unescapeText(value);
          break;
      }
    }
  }
  while (i < lines.length && isBlank(lines[i]!)) i++;
  if (lines[i] === NOTE_START) i++;
  const note = lines.slice(i).join('\n').trimEnd();
  page.note = note ? note + '\n' : '';
  return { page, warnings };
}

const quoteYaml = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A navigation title that names a year of a series (`IEEE TCC` → `2021`). */
export const isYearTitle = (title: string) => /^(19|20)\d\d$/.test(title.trim());

/** A page that opens with front matter: a paper's (venue pages have none). */
export const isPaperPage = (source: string) => /^---\s*$/.test(source.split('\n', 1)[0]!);

/**
 * A page that opens with front matter as `writePaperPage` writes it, empty or giving tags: a
 * paper's, whatever its note holds. A venue page with front matter has some other description.
 */
export function hasPaperFrontMatter(source: string): boolean {
  if (!isPaperPage(source)) return false;
  const lines = source.split('\n', 400).map((l) => l.trimEnd());
  const end = lines.indexOf('---', 1);
  if (end < 0) return false;
  const description = readDescription(lines.slice(1, end));
  return end === 1 || TAGS.test(description) || HASHTAGS.test(description);
}

/** A per-paper page in our layout; Meta Info lines only for what the paper has. */
export function writePaperPage(page: PaperPage): string {
  const blocks: string[] = [];
  // A paper titled as a year would read as a year of its series in SUMMARY.md: front matter,
  // empty if it has no tags, marks its page as a paper's (`isPaperPage`).
  if (page.tags.length) blocks.push(['---', `description: ${quoteYaml(`Tags: ${page.tags.join(', ')}`)}`, '---'].join('\n'));
  else if (isYearTitle(page.title)) blocks.push('---\n---');
  blocks.push(`# ${escapeText(page.title)}`);
  const meta = [
    page.venue && `Presented in ${page.venueUrl ? writeLink(escapeText(page.venue), page.venueUrl) : escapeText(page.venue)}.`,
    page.authors.length && `Authors: ${escapeText(page.authors.join(', '))}`,
    page.affiliations && `Affiliations: ${escapeText(page.affiliations)}`,
    page.links.length && `Links: ${writeMarkers(page.links)}`,
    page.arxivId && `arXiv: ${writeLink(escapeText(page.arxivId), `https://arxiv.org/abs/${page.arxivId}`)}`,
    page.usenixKey && `USENIX: ${escapeText(page.usenixKey)}`,
    page.doi && `DOI: ${writeLink(escapeText(page.doi), `https://doi.org/${page.doi}`)}`,
    page.summary && `Summary: ${escapeText(page.summary)}`,
    page.award && `Award: ${escapeText(page.award)}`,
  ].filter(Boolean) as string[];
  if (meta.length) blocks.push('## Meta Info', ...meta);
  if (page.note) blocks.push((needsNoteStart(page.note) ? NOTE_START + '\n' : '') + page.note.trimEnd());
  return blocks.join('\n\n') + '\n';
}

import type { PageKind, PaperRef } from '../paper';
import { texToText } from './tex';

const HOST = /^(?:www\.|export\.|browse\.)?arxiv\.org$/;

// New-style ids: YYMM.NNNN from 2007-04 to 2014-12, YYMM.NNNNN from 2015-01 on.
const NEW_ID = /^(\d\d)(\d\d)\.(\d{4,5})$/;
// Old-style ids: archive[.subject-class]/YYMMNNN, from 1991 to 2007.
const OLD_ID = /^([a-z]+(?:-[a-z]+)?)(?:\.[a-z]{2,}(?:-[a-z]+)?)?\/(\d\d)(\d\d)\d{3}$/i;
const PATH = /^\/(abs|pdf|html|format)\/((?:[a-z-]+(?:\.[a-z-]+)?\/)?[\d.]+?)(?:v(\d{1,3}))?(\.pdf)?(\/.*)?$/i;
const KINDS: Record<string, PageKind> = { abs: 'abstract', pdf: 'pdf', html: 'html', format: 'format' };

/** Canonical arXiv id (no version, old style without subject class), or null when not an id. */
export function canonicalArxivId(raw: string): string | null {
  const id = raw.trim();
  const fresh = NEW_ID.exec(id);
  if (fresh) {
    const yymm = +(fresh[1]! + fresh[2]!);
    const month = +fresh[2]!;
    const valid = fresh[3]!.length === 4 ? yymm >= 704 && yymm <= 1412 : yymm >= 1501;
    return valid && month >= 1 && month <= 12 ? id : null;
  }
  const old = OLD_ID.exec(id);
  if (old) {
    const yy = +old[2]!;
    const month = +old[3]!;
    const inRange = yy >= 91 || yy <= 7;
    return inRange && month >= 1 && month <= 12 ? id.toLowerCase().replace(/\.[a-z-]+\//, '/') : null;
  }
  return null;
}

/** The arXiv paper an URL points at (abstract, PDF, HTML or format page), or null. */
export function parseArxivUrl(url: URL): PaperRef | null {
  if (!HOST.test(url.hostname)) return null;
  const match = PATH.exec(url.pathname);
  if (!match) return null;
  const [, section, rawId, version, pdfSuffix, rest] = match;
  const kind = KINDS[section!.toLowerCase()]!;
  if (pdfSuffix && kind !== 'pdf') return null;
  // Only the HTML version has pages below the paper; elsewhere allow a trailing slash.
  if (rest && rest !== '/' && kind !== 'html') return null;
  const arxivId = canonicalArxivId(rawId!);
  if (!arxivId) return null;
  const ref: PaperRef = { key: `arxiv:${arxivId}`, source: 'arxiv', kind, url: url.href, arxivId };
  if (version) ref.version = +version;
  return ref;
}

/** Converts arXiv's "Last, First" author form to "First Last". */
export function arxivAuthorName(name: string): string {
  return name.replace(/^([^,]+),\s*(.+)$/, '$2 $1');
}

/**
 * The year an arXiv id was given: its first two digits ("2403.02310", "cs/0112017"), the year of
 * the paper's first version, as the abstract page's date says. Pages without a date (the HTML
 * version, PDFs) get the same year.
 */
export function arxivIdYear(id: string): string | undefined {
  const yy = /(?:^|\/)(\d\d)\d\d/.exec(id)?.[1];
  return yy ? `${+yy >= 91 ? 19 : 20}${yy}` : undefined;
}

/**
 * A report of an arXiv page with its title as plain text: the abstract page's `citation_title` is
 * the TeX its authors typed (`H$_2$O`, `Gr\"obner`), which neither matched a note titled the
 * plain way nor read well in the panel or a note created there. Reports of other sources, and of
 * the HTML version (whose title is the rendered text: "from $1 to $2" is no formula), as they are.
 */
export function withPlainTitle<T extends PaperRef & { title?: string }>(paper: T): T {
  if (paper.source !== 'arxiv' || paper.kind !== 'abstract' || !paper.title) return paper;
  const title = texToText(paper.title);
  return title === paper.title ? paper : { ...paper, title };
}

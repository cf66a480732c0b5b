import { detectFromUrl } from '../detect-url';
import type { PaperFields } from '../db/records';
import type { DetectedPaper } from '../paper';
import { normaliseUrl } from './url';

/** DOIs compare case-insensitively and are written without a resolver prefix. */
export function normaliseDoi(doi: string): string {
  return doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, '').toLowerCase();
}

/** The normalised URLs a detected paper was seen at (the page and its PDF). */
export function pageUrls(paper: DetectedPaper): string[] {
  return [...new Set([paper.url, paper.pdfUrl].flatMap((u) => (u ? [normaliseUrl(u)] : [])).filter((u): u is string => !!u))];
}

/**
 * A USENIX key in the form its presentation page gives it: keys read from PDF names are made so
 * (`parseUsenixUrl`); notes stored before may hold one with `_`.
 */
const usenixKeyForm = (key: string) => key.replace(/_/g, '-');

/** False when a record and a page name different ids of one kind: they are different papers. */
export function identitiesAgree(fields: Pick<PaperFields, 'arxivId' | 'usenixKey' | 'doi'>, paper: DetectedPaper): boolean {
  if (fields.arxivId && paper.arxivId && fields.arxivId !== paper.arxivId) return false;
  if (fields.usenixKey && paper.usenixKey && usenixKeyForm(fields.usenixKey) !== usenixKeyForm(paper.usenixKey)) return false;
  if (fields.doi && paper.doi && fields.doi !== normaliseDoi(paper.doi)) return false;
  return true;
}

const MAX_URLS = 50;

/** A title a note was given from its id alone, made where no title could be read (a PDF). */
const placeholderTitle = (fields: PaperFields, paper: DetectedPaper) =>
  [fields.arxivId, fields.usenixKey, paper.key].includes(fields.title);

/**
 * The identifier fields a record gains from a page it was matched to: ids it lacks, URLs it has not
 * seen; and for a note made from a PDF, the page's title (and authors, if it has none) in place of
 * its id. Null when the page adds nothing.
 */
export function identifiersFrom(fields: PaperFields, paper: DetectedPaper): Partial<PaperFields> | null {
  const changes: Partial<PaperFields> = {};
  if (paper.title && paper.title !== fields.title && placeholderTitle(fields, paper)) {
    changes.title = paper.title;
    if (!fields.authors.length && paper.authors?.length) changes.authors = paper.authors;
  }
  if (paper.arxivId && !fields.arxivId) changes.arxivId = paper.arxivId;
  if (paper.usenixKey && !fields.usenixKey) changes.usenixKey = paper.usenixKey;
  if (paper.doi && !fields.doi) changes.doi = normaliseDoi(paper.doi);
  const fresh = pageUrls(paper).filter((u) => !fields.urls.includes(u));
  if (fresh.length && fields.urls.length < MAX_URLS) changes.urls = [...fields.urls, ...fresh].slice(0, MAX_URLS);
  return Object.keys(changes).length ? changes : null;
}

/**
 * Text that cannot be an arXiv or USENIX URL once parsed: plain ASCII (no host spelled with
 * other characters that the URL parser maps to ASCII), with no escape and neither name.
 */
const cannotNamePaper = (href: string) => /^[\x20-\x7e]*$/.test(href) && !/arxiv|usenix|%/i.test(href);

/**
 * `detectFromUrl` for a note's links. Most of them are not paper pages, and parsing every URL was
 * the costliest part of reading a large import; the content script keeps the plain detection.
 */
export const paperOfLink = (url: string) => (cannotNamePaper(url) ? null : detectFromUrl(url));

/** The ids a note's links imply: an arXiv link gives the arXiv id, a USENIX paper link its key. */
export function identifiersFromLinks(links: { url: string }[]): Pick<PaperFields, 'arxivId' | 'usenixKey' | 'doi'> {
  const ids: Pick<PaperFields, 'arxivId' | 'usenixKey' | 'doi'> = {};
  for (const { url } of links) {
    const ref = paperOfLink(url);
    if (ref?.arxivId) ids.arxivId ??= ref.arxivId;
    if (ref?.usenixKey && ref.kind === 'presentation') ids.usenixKey ??= ref.usenixKey;
    const doi = /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\S+)$/i.exec(url);
    if (doi) ids.doi ??= normaliseDoi(doi[1]!);
  }
  return ids;
}

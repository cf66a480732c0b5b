import { detectPageUrl } from './detect-url';
import type { DetectedPaper, PaperMetadata } from './paper';
import { arxivAuthorName } from './sources/arxiv';
import { cleanText } from './text';
import { all, first, readCitationMeta, textOf, type CitationMeta } from './sources/highwire';

export const LIMITS = { title: 500, author: 120, abstract: 3000, url: 500, short: 200 } as const;

const stripLabel = (text: string | undefined, label: RegExp) => text?.replace(label, '').trim() || undefined;

function fromMeta(meta: CitationMeta): PaperMetadata {
  return {
    title: first(meta, 'title', LIMITS.title),
    authors: all(meta, 'author', LIMITS.author),
    affiliations: all(meta, 'author_institution', LIMITS.short),
    // USENIX gives the year as `publication_date`; arXiv the submission day as `date`.
    date: first(meta, 'publication_date', 40) ?? first(meta, 'date', 40),
    pdfUrl: first(meta, 'pdf_url', LIMITS.url),
    doi: first(meta, 'doi', LIMITS.short),
    abstract: first(meta, 'abstract', LIMITS.abstract),
    conference: first(meta, 'conference_title', LIMITS.short),
  };
}

/** Authors from the abstract page's author line or the HTML version's LaTeXML name blocks. */
function visibleArxivAuthors(doc: Document): string[] {
  const line = stripLabel(textOf(doc, '.authors', 4000), /^Authors?:\s*/);
  if (line) return line.split(/\s*,\s*|\s+and\s+/).filter(Boolean).slice(0, 100);
  const names: string[] = [];
  const blocks = doc.querySelectorAll('.ltx_authors .ltx_personname');
  // A LaTeXML name block continues with affiliation and e-mail after the first text node.
  for (let i = 0; i < blocks.length && names.length < 100; i++) {
    const name = cleanText(blocks[i]!.firstChild?.textContent ?? '', LIMITS.author);
    if (name) names.push(name);
  }
  return names;
}

/** Drops empty fields (each a string or a list) so that what is sent holds only what the page gave. */
function compact(value: PaperMetadata): PaperMetadata {
  for (const [k, v] of Object.entries(value) as [keyof PaperMetadata, string | string[] | undefined][]) {
    if (!v?.length) delete value[k];
  }
  return value;
}

/**
 * The paper shown by a document at an URL: the URL gives its identity, the page its metadata
 * (Highwire `citation_*` tags first, then the visible title, authors and abstract). Null when the
 * page is not a paper, such as a USENIX talk page or an arXiv listing.
 */
export function detectPaper(href: string, doc: Document): DetectedPaper | null {
  const ref = detectPageUrl(href);
  // arXiv's format selector has no citation tags, and its <title> and heading ("Format selector
  // for 2403.02310v2") are not the paper's: its URL is all it says of the paper.
  if (!ref || ref.kind === 'format') return ref;
  const meta = readCitationMeta(doc);
  const found = fromMeta(meta);
  const pdfLink = doc.querySelector<HTMLAnchorElement>('.field-name-field-final-paper-pdf a[href]');
  // Pages at a paper's address that show none: USENIX talks (keynotes, Enigma, PEPR), and arXiv's
  // error pages ("[2412.99999] Article not found", "No HTML for", "No file for"), whose titles
  // would be read as the paper's. An abstract page has citation tags, an HTML version LaTeXML's
  // document.
  if (!meta.has('title') && !pdfLink && !doc.querySelector(ref.source === 'arxiv' ? '.ltx_document' : 'body.node-type-paper')) return null;
  if (ref.source === 'arxiv') {
    found.authors = found.authors?.map(arxivAuthorName);
    if (!found.authors?.length) found.authors = visibleArxivAuthors(doc);
  } else {
    found.pdfUrl ??= pdfLink?.href.slice(0, LIMITS.url);
  }
  // Visible fallbacks: arXiv's heading (after a "Title:" label), the HTML version's, USENIX's page
  // title, else `<title>` ("[2403.02310] Title" on arXiv); the abstract block after its label.
  found.title ??=
    stripLabel(textOf(doc, 'h1.title, h1.ltx_title_document, h1#page-title', LIMITS.title), /^Title:\s*/) ??
    stripLabel(textOf(doc, 'title', LIMITS.title), /^\[[^\]]*\]\s*/);
  found.abstract ??= stripLabel(
    textOf(doc, 'blockquote.abstract, .ltx_abstract, .field-name-field-paper-description', LIMITS.abstract),
    /^Abstract:?\s*/,
  );
  // Only web addresses: a `javascript:` PDF link would be a trap in the panel.
  if (!/^https?:\/\//i.test(found.pdfUrl ?? '')) found.pdfUrl = undefined;
  return { ...ref, ...compact(found) };
}

import { detectFromUrl } from './detect-url';
import type { DetectedPaper } from './paper';
import { arxivIdYear } from './sources/arxiv';

export interface Link {
  label: string;
  url: string;
}

/** A USENIX key as a presentation page writes it (a PDF's name writes `_` where the page has `-`). */
const usenixKeyForm = (key: string) => key.replace(/_/g, '-');

/**
 * A USENIX paper's page: the presentation page it was seen at, if any, since older years put the
 * program's folder in its address (`/conference/osdi14/technical-sessions/presentation/chilimbi`,
 * `/conference/hotcloud16/workshop-program/presentation/burns`, as USENIX's own BibTeX gives them),
 * which the key does not say; else the address today's conferences use.
 */
function usenixPage(usenixKey: string, seenAt: string[]): string {
  for (const href of seenAt) {
    const ref = href ? detectFromUrl(href) : null;
    if (ref?.kind === 'presentation' && usenixKeyForm(ref.usenixKey!) === usenixKeyForm(usenixKey)) return `https://www.usenix.org${new URL(href).pathname.replace(/\/+$/, '')}`;
  }
  const [conf, slug] = usenixKey.split('/');
  return `https://www.usenix.org/conference/${conf}/presentation/${slug}`;
}

/**
 * Links to the places a detected paper lives (abstract, PDF, HTML version, USENIX page, DOI).
 * `seenAt`: other URLs the paper was seen at (a note's), for its USENIX page's address.
 */
export function paperLinks(paper: DetectedPaper, seenAt: string[] = []): Link[] {
  const links: Link[] = [];
  if (paper.arxivId) {
    const id = paper.arxivId;
    links.push({ label: 'arXiv', url: `https://arxiv.org/abs/${id}` }, { label: 'arXiv PDF', url: `https://arxiv.org/pdf/${id}` });
    // Old-style ids ("cs/0112017") predate the HTML versions.
    if (!id.includes('/')) links.push({ label: 'arXiv HTML', url: `https://arxiv.org/html/${id}` });
  }
  if (paper.usenixKey) {
    links.push({ label: 'USENIX', url: usenixPage(paper.usenixKey, [paper.url, ...seenAt]) });
    if (paper.pdfUrl) links.push({ label: 'PDF', url: paper.pdfUrl });
  }
  if (paper.doi) links.push({ label: 'DOI', url: `https://doi.org/${encodeURI(paper.doi)}` });
  return links.filter((link) => /^https?:\/\//.test(link.url));
}

/** "OSDI 2024", "arXiv 2024" or just the year, from what the page and URL gave. */
export function venueLine(paper: DetectedPaper): string | undefined {
  if (paper.venue) return paper.venue;
  const year = paper.date?.match(/\b(19|20)\d\d\b/)?.[0];
  if (paper.source === 'arxiv') {
    const arxivYear = year ?? (paper.arxivId ? arxivIdYear(paper.arxivId) : undefined);
    return arxivYear ? `arXiv ${arxivYear}` : 'arXiv';
  }
  return year;
}

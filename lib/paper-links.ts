import type { DetectedPaper } from './paper';
import { arxivIdYear } from './sources/arxiv';

export interface Link {
  label: string;
  url: string;
}

/** Links to the places a detected paper lives (abstract, PDF, HTML version, USENIX page, DOI). */
export function paperLinks(paper: DetectedPaper): Link[] {
  const links: Link[] = [];
  if (paper.arxivId) {
    const id = paper.arxivId;
    links.push({ label: 'arXiv', url: `https://arxiv.org/abs/${id}` }, { label: 'arXiv PDF', url: `https://arxiv.org/pdf/${id}` });
    // Old-style ids ("cs/0112017") predate the HTML versions.
    if (!id.includes('/')) links.push({ label: 'arXiv HTML', url: `https://arxiv.org/html/${id}` });
  }
  if (paper.usenixKey) {
    const [conf, slug] = paper.usenixKey.split('/');
    links.push({ label: 'USENIX', url: `https://www.usenix.org/conference/${conf}/presentation/${slug}` });
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

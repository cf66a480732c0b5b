import type { Link, PaperRecord } from '../db/records';
import type { DetectedPaper } from '../paper';
import { paperLinks, venueLine } from '../paper-links';

/** What the panel's header shows about a paper: its note's fields first, the page's after. */
export interface HeaderModel {
  title: string;
  venue?: string;
  topic?: string;
  authors: string[];
  affiliations?: string;
  tags: string[];
  award?: string;
  links: Link[];
  identifiers: { label: string; value: string }[];
  isPdf: boolean;
}

function venueWithYear(record: PaperRecord): string | undefined {
  if (!record.venue) return record.year ? String(record.year) : undefined;
  return record.year && !record.venue.includes(String(record.year)) ? `${record.venue} ${record.year}` : record.venue;
}

export function headerModel(record: PaperRecord | undefined, page: DetectedPaper | undefined): HeaderModel {
  const arxivId = record?.arxivId ?? page?.arxivId;
  const usenixKey = record?.usenixKey ?? page?.usenixKey;
  const doi = record?.doi ?? page?.doi;
  const identifiers = [
    arxivId && { label: 'arXiv', value: arxivId + (page?.arxivId === arxivId && page.version ? ` (v${page.version})` : '') },
    usenixKey && { label: 'USENIX', value: usenixKey },
    doi && { label: 'DOI', value: doi },
  ].filter((x): x is { label: string; value: string } => !!x);

  const links: Link[] = [...(record?.links ?? [])];
  const known = new Set(links.map((l) => l.url).filter(Boolean));
  const fromIds = paperLinks({ ...(page ?? { key: '', source: 'arxiv', kind: 'abstract', url: '' }), arxivId, usenixKey, doi }, record?.urls);
  for (const link of fromIds) if (!known.has(link.url)) links.push(link), known.add(link.url);

  return {
    title: record?.title ?? page?.title ?? arxivId ?? usenixKey ?? 'Untitled paper',
    venue: record ? venueWithYear(record) : page && venueLine(page),
    topic: record?.topic || undefined,
    authors: record?.authors.length ? record.authors : (page?.authors ?? []),
    affiliations: record?.affiliations || page?.affiliations?.join(' & ') || undefined,
    tags: record?.tags ?? [],
    award: record?.award || undefined,
    links: links.filter((l) => !l.url || /^https?:\/\//i.test(l.url)),
    identifiers,
    isPdf: page?.kind === 'pdf',
  };
}

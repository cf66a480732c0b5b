/** Where a paper page lives. */
export type PaperSource = 'arxiv' | 'usenix';

/** Which kind of page of that source the URL points at. */
export type PageKind = 'abstract' | 'html' | 'pdf' | 'format' | 'presentation';

/** A paper's identity, derived from its URL alone. */
export interface PaperRef {
  /** `arxiv:<id without version>` or `usenix:<conf><yy>/<slug>`. */
  key: string;
  source: PaperSource;
  kind: PageKind;
  /** The URL it was read from (as given). */
  url: string;
  /** arXiv id in canonical form, no version: `2403.02310`, `math/0309136`. */
  arxivId?: string;
  /** arXiv version number when the URL names one. */
  version?: number;
  /** USENIX key without prefix: `osdi24/agrawal`. */
  usenixKey?: string;
  /** Venue label as our notes write it: "OSDI 2024". */
  venue?: string;
  year?: number;
}

/** What a page adds to the URL's identity. All strings bounded and normalised. */
export interface PaperMetadata {
  title?: string;
  authors?: string[];
  affiliations?: string[];
  /** As the page gives it: "2024/05/20" or "2022". */
  date?: string;
  pdfUrl?: string;
  doi?: string;
  abstract?: string;
  /** `citation_conference_title`, e.g. "18th USENIX Symposium on ... (OSDI 24)". */
  conference?: string;
}

export type DetectedPaper = PaperRef & PaperMetadata;

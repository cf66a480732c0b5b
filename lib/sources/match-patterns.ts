/** The hosts the extension may read, in the manifest's match-pattern form: arXiv and USENIX only. */
export const HOSTS = ['*://*.arxiv.org/*', '*://*.usenix.org/*'];

/**
 * Where the content script runs: the pages that can show a paper (see arxiv.ts and usenix.ts).
 * Listings, searches, programs and every other page of these hosts get no script at all; PDFs
 * have none to run and are known from their URL.
 */
export const PAPER_PAGES = [
  '*://*.arxiv.org/abs/*',
  '*://*.arxiv.org/html/*',
  '*://*.arxiv.org/format/*',
  // Both `/conference/osdi24/presentation/x` and the older `…/technical-sessions/presentation/x`.
  '*://*.usenix.org/conference/*/presentation/*',
];

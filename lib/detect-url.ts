import type { PaperRef } from './paper';
import { parseArxivUrl } from './sources/arxiv';
import { parseUsenixPage, parseUsenixUrl, usenixVenue } from './sources/usenix';

function webUrl(href: string): URL | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
}

/** The paper an URL names, from the URL alone; null for anything that is not a paper. */
export function detectFromUrl(href: string): PaperRef | null {
  const url = webUrl(href);
  return url && (parseArxivUrl(url) ?? parseUsenixUrl(url));
}

/**
 * As `detectFromUrl`, for the pages the content script runs on: USENIX PDFs, which run no script,
 * are left out, and with them their parsing from every paper page's script.
 */
export function detectPageUrl(href: string): PaperRef | null {
  const url = webUrl(href);
  return url && (parseArxivUrl(url) ?? parseUsenixPage(url));
}

/** The reference with the venue and year that a USENIX key names ("OSDI 2024", 2024). */
export function withVenue<T extends PaperRef>(ref: T): T {
  const venue = ref.usenixKey && !ref.venue ? usenixVenue(ref.usenixKey) : null;
  return venue ? { ...ref, ...venue } : ref;
}

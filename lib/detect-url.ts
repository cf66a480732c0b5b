import type { PaperRef } from './paper';
import { parseArxivUrl } from './sources/arxiv';
import { parseUsenixUrl, usenixVenue } from './sources/usenix';

/** The paper an URL names, from the URL alone; null for anything that is not a paper. */
export function detectFromUrl(href: string): PaperRef | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return parseArxivUrl(url) ?? parseUsenixUrl(url);
}

/** The reference with the venue and year that a USENIX key names ("OSDI 2024", 2024). */
export function withVenue<T extends PaperRef>(ref: T): T {
  const venue = ref.usenixKey && !ref.venue ? usenixVenue(ref.usenixKey) : null;
  return venue ? { ...ref, ...venue } : ref;
}

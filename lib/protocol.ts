import { detectFromUrl } from './detect-url';
import type { DetectedPaper } from './paper';

/**
 * Every message the extension sends itself, by direction. Receivers parse with `parseMessage`
 * and ignore what does not parse.
 */
export type ContentToBackground = { type: 'paper-found'; paper: DetectedPaper };
export type PageToBackground =
  | { type: 'refresh-badges' }
  | { type: 'sync-catalog' };
export type Message = ContentToBackground | PageToBackground;

/** The parts of `runtime.MessageSender` the rule looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

const STRING_LIMITS: Record<string, number> = {
  key: 300,
  source: 10,
  kind: 20,
  url: 2000,
  arxivId: 40,
  usenixKey: 200,
  venue: 100,
  title: 500,
  date: 40,
  pdfUrl: 500,
  doi: 200,
  abstract: 3000,
  conference: 200,
};
/** Chromium's longest URL (2 MB): past it no tab shows a page, nor may a report name one. */
const MAX_PAGE_URL = 2 * 1024 * 1024;
const NUMBER_FIELDS = ['version', 'year'];
const LIST_FIELDS = ['authors', 'affiliations'];
const MAX_LIST = 100;
const MAX_LIST_ITEM = 200;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function isDetectedPaper(x: unknown): x is DetectedPaper {
  if (!isRecord(x)) return false;
  for (const [field, value] of Object.entries(x)) {
    if (Object.hasOwn(STRING_LIMITS, field)) {
      if (typeof value !== 'string' || value.length > STRING_LIMITS[field]!) return false;
    } else if (NUMBER_FIELDS.includes(field)) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 9999) return false;
    } else if (LIST_FIELDS.includes(field)) {
      if (!Array.isArray(value) || value.length > MAX_LIST) return false;
      if (!value.every((v) => typeof v === 'string' && v.length <= MAX_LIST_ITEM)) return false;
    } else {
      return false;
    }
  }
  if (x.pdfUrl !== undefined && !/^https?:\/\//i.test(x.pdfUrl as string)) return false;
  const ref = typeof x.url === 'string' ? detectFromUrl(x.url) : null;
  // Identity always comes from the URL; the page may only add metadata to it.
  return !!ref && ref.key === x.key && ref.source === x.source && ref.kind === x.kind;
}

/**
 * A page URL past the limit without its query and fragment: a link to a passage (`#:~:text=…`) or
 * a long query string made the report fail the check, and the page went unrecognised. A paper's
 * identity comes from its URL's path, and its query and fragment are never stored (`normaliseUrl`).
 * Done here rather than in the content script, which has no bytes to spare.
 */
function withShortUrl(paper: unknown): unknown {
  if (!isRecord(paper) || typeof paper.url !== 'string') return paper;
  const { url } = paper;
  if (url.length <= STRING_LIMITS.url! || url.length > MAX_PAGE_URL) return paper;
  return { ...paper, url: url.replace(/[?#][^]*$/, '') };
}

/** The message, if it has one of the expected shapes; null otherwise. */
export function parseMessage(x: unknown): Message | null {
  if (!isRecord(x)) return null;
  switch (x.type) {
    case 'paper-found': {
      const paper = withShortUrl(x.paper);
      return Object.keys(x).length === 2 && isDetectedPaper(paper) ? { type: x.type, paper } : null;
    }
    case 'refresh-badges':
    case 'sync-catalog':
      return Object.keys(x).length === 1 ? { type: x.type } : null;
    default:
      return null;
  }
}

/**
 * Who may send what: only this extension's own contexts; a content-script message must come
 * from a tab whose URL is the paper it reports, and page messages from an extension page.
 */
export function isAllowedSender(message: Message, sender: SenderInfo, ownId: string, ownOrigin: string): boolean {
  if (sender.id !== ownId) return false;
  if (message.type === 'paper-found') {
    const tabUrl = sender.tab?.url ?? sender.url;
    if (sender.tab?.id === undefined || !tabUrl) return false;
    return detectFromUrl(tabUrl)?.key === message.paper.key;
  }
  return !!sender.url?.startsWith(ownOrigin);
}

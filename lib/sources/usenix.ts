import type { PaperRef } from '../paper';

const HOST = /^(?:www\.)?usenix\.org$/;

// `/conference/<conf><yy>/presentation/<slug>`; older years have the program's folder in between:
// `technical-sessions/` (conferences), `workshop-program/` (HotOS, HotCloud, WOOT), `conference-program/`
// (LISA), `program/` (HotStorage 2017).
const PRESENTATION = /^\/conference\/([a-z]+)(\d\d|\d{4})\/(?:(?:technical-sessions|(?:workshop-|conference-)?program)\/)?presentation\/([a-z0-9][\w-]*)\/?$/i;
// `/system/files/<code><yy>-[paper-]<slug>[_N].pdf`, older under `/system/files/conference/<conf><yy>/`.
const PDF = /^\/system\/files\/(?:conference\/[a-z]+\d+\/)?([a-z]+?)(\d\d|\d{4})[-_](?:paper[-_])?([a-z0-9][\w-]*?)(?:_\d+)?\.pdf$/i;
// Whole words of the name: an author's slug may start like one (`nsdi22-fuller.pdf`).
const NOT_A_PAPER = /^(?:slides|poster|full|proceedings|front|interior|errata|cover)(?:[-_]|$)/i;

const CONFERENCE_LABELS: Record<string, string> = {
  osdi: 'OSDI',
  nsdi: 'NSDI',
  atc: 'ATC',
  fast: 'FAST',
  usenixsecurity: 'USENIX Security',
  soups: 'SOUPS',
  woot: 'WOOT',
  hotos: 'HotOS',
  hotcloud: 'HotCloud',
  hotstorage: 'HotStorage',
  hotedge: 'HotEdge',
  lisa: 'LISA',
  opml: 'OpML',
  cset: 'CSET',
  foci: 'FOCI',
};
// PDF file names abbreviate some conference codes.
const PDF_CODES: Record<string, string> = { sec: 'usenixsecurity' };

/**
 * Venue and year in the labels our notes use, from a USENIX key or conference code:
 * "osdi24/agrawal" → { venue: "OSDI 2024", year: 2024 }; "soups2019" → "SOUPS 2019".
 */
export function usenixVenue(usenixKey: string): { venue: string; year: number } | null {
  const match = /^([a-z]+?)(\d\d|\d{4})(?:\/|$)/.exec(usenixKey);
  if (!match) return null;
  const [, code, yy] = match;
  const year = yy!.length === 4 ? +yy! : +yy! + (+yy! < 70 ? 2000 : 1900);
  // Own keys only: a code such as "constructor" is not `Object.prototype.constructor`.
  return { venue: `${(Object.hasOwn(CONFERENCE_LABELS, code!) && CONFERENCE_LABELS[code!]) || code!.toUpperCase()} ${year}`, year };
}

// Kept free of venue labels: this runs in the content script, where every byte is paid per page.
function ref(url: URL, kind: 'presentation' | 'pdf', conf: string, yy: string, slug: string): PaperRef {
  const usenixKey = `${conf.toLowerCase()}${yy}/${slug.toLowerCase()}`;
  return { key: `usenix:${usenixKey}`, source: 'usenix', kind, url: url.href, usenixKey };
}

/** The USENIX paper a presentation page shows, or null: all the content script needs (a PDF runs none). */
export function parseUsenixPage(url: URL): PaperRef | null {
  const page = HOST.test(url.hostname) ? PRESENTATION.exec(url.pathname) : null;
  return page ? ref(url, 'presentation', page[1]!, page[2]!, page[3]!) : null;
}

/** The USENIX paper an URL points at (presentation page or paper PDF), or null. */
export function parseUsenixUrl(url: URL): PaperRef | null {
  const page = parseUsenixPage(url);
  if (page || !HOST.test(url.hostname)) return page;
  const pdf = PDF.exec(url.pathname);
  if (!pdf || NOT_A_PAPER.test(pdf[3]!)) return null;
  // The file name writes with `_` what the presentation page's slug writes with `-`
  // (`osdi20-zhao_hanyu.pdf`, `presentation/zhao-hanyu`): the key is the page's.
  const code = pdf[1]!.toLowerCase();
  return ref(url, 'pdf', (Object.hasOwn(PDF_CODES, code) && PDF_CODES[code]) || pdf[1]!, pdf[2]!, pdf[3]!.replace(/_/g, '-'));
}

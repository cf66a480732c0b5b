import type { PaperFields } from '../db/records';

/**
 * The longest text each field holds. A backup restores exactly what a write accepts (both read
 * these), so every note kept can be backed up and restored; a note is ~2 MB, a hundred times the
 * longest reading note of the site.
 */
export const MAX_CHARS = {
  note: 2_000_000,
  title: 2000,
  affiliations: 2000,
  summary: 2000,
  venue: 500,
  topic: 500,
  award: 500,
  /** An author, a tag, a URL of the paper. */
  item: 2000,
  linkLabel: 500,
  linkUrl: 4000,
  /** arXiv id, USENIX key, DOI. */
  id: 500,
} as const;

const TEXTS = ['note', 'title', 'affiliations', 'summary', 'venue', 'topic', 'award'] as const;

/** A field longer than `MAX_CHARS` allows: nothing was written. */
export class FieldTooLongError extends Error {
  constructor(title: string, field: string, max: number) {
    super(`the ${field} of “${title.slice(0, 80)}” is longer than ${max.toLocaleString('en')} characters`);
    this.name = 'FieldTooLongError';
  }
}

/** Throws `FieldTooLongError` for the first field of a paper over its limit. */
export function checkLengths(fields: PaperFields): void {
  const fail = (field: string, max: number) => {
    throw new FieldTooLongError(fields.title, field, max);
  };
  for (const name of TEXTS) if ((fields[name]?.length ?? 0) > MAX_CHARS[name]) fail(name, MAX_CHARS[name]);
  for (const [name, list] of [['author', fields.authors], ['tag', fields.tags], ['URL', fields.urls]] as const) {
    if (list.some((item) => item.length > MAX_CHARS.item)) fail(`${name} list`, MAX_CHARS.item);
  }
  for (const name of ['arxivId', 'usenixKey', 'doi'] as const) if ((fields[name]?.length ?? 0) > MAX_CHARS.id) fail(name, MAX_CHARS.id);
  if (fields.links.some((l) => l.label.length > MAX_CHARS.linkLabel || l.url.length > MAX_CHARS.linkUrl)) fail('links', MAX_CHARS.linkUrl);
}

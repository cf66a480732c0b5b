import type { PaperFields, PaperIndexFields } from '../db/records';
import { hashHex } from './hash';
import { closeTitleKeys } from './title';

/**
 * Exact keys a paper is found by: a letter for what the key is, then its value. They are kept,
 * hashed, in the postings (kind "k"), beside the close-title keys, instead of one index of the
 * papers store each: every index entry was a write of its own in a bulk write.
 */
export const KEY = { id: 'i', arxiv: 'a', usenix: 'u', doi: 'd', url: 'l', title: 't', truncated: 'p', start: 's' } as const;

/**
 * The start shared by a title and every title cut with "..." that may stand for it: its first two
 * words and the first letter of its third (a truncated title has at least three words, the third
 * perhaps cut short; `truncatedPrefix`).
 */
export function startKey(normalised: string): string {
  const words = normalised.split(' ');
  return words.length < 3 ? '' : `${words[0]} ${words[1]} ${words[2]!.slice(0, 1)}`;
}

export type KeyedFields = Pick<PaperFields, 'arxivId' | 'usenixKey' | 'doi' | 'urls'> & Pick<PaperIndexFields, 'titleKey' | 'titlePrefix'> & { id?: string };

/**
 * Every exact key of a paper, unhashed; `doi` as stored (normalised). A paper is found by its own
 * id ("i": papers are kept by number, `lib/db/shelves.ts`). Every title is found by its
 * start ("s": an imported title cut with "..." finds the whole one); a title cut with "..." is
 * also found by the start of the whole titles it may stand for ("p": the page of one finds it).
 */
export function paperKeys(paper: KeyedFields): string[] {
  const keys: string[] = [];
  if (paper.id) keys.push(KEY.id + paper.id);
  if (paper.arxivId) keys.push(KEY.arxiv + paper.arxivId);
  if (paper.usenixKey) keys.push(KEY.usenix + paper.usenixKey);
  if (paper.doi) keys.push(KEY.doi + paper.doi);
  for (const url of paper.urls) keys.push(KEY.url + url);
  if (paper.titleKey) {
    keys.push(KEY.title + paper.titleKey);
    const start = startKey(paper.titleKey);
    if (start) keys.push(KEY.start + start);
  }
  if (paper.titlePrefix) keys.push(KEY.truncated + startKey(paper.titlePrefix));
  return keys;
}

/**
 * A key as the postings hold it: its letter, then the hash of the whole key. A key only ever
 * shares a hash with a key of its own kind, so a key many papers hold (a common title start)
 * cannot crowd an arXiv id out of the papers read for a hash. A shared hash only proposes a paper:
 * `paperKeys` decides. Letters and hex digits only: key rows are packed with `;`, `:` and `,`.
 */
export const hashKey = (key: string) => key[0] + hashHex(key);

/** The letter of close-title keys, which share the key rows. */
const CLOSE = 'c';

/** A title's close-title keys as the postings hold them (`closeTitleKeys`). */
export const closeKeyTerms = (normalisedTitle: string) => closeTitleKeys(normalisedTitle).map((hash) => CLOSE + hash);

/** The keys a whole title finds the notes whose title is its start, cut with "...", by. */
export const truncatedKeys = (normalisedTitle: string) => (startKey(normalisedTitle) ? [KEY.truncated + startKey(normalisedTitle)] : []);

/** The keys a title cut with "..." (its normalised prefix) finds the whole titles it may stand for by. */
export const startKeys = (prefix: string) => (startKey(prefix) ? [KEY.start + startKey(prefix)] : []);

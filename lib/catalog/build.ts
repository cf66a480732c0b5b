import { GitBookError } from '../gitbook/errors';
import { readGitBook } from '../gitbook/read';
import { slugify } from '../gitbook/slug';
import { canonicalJson, contentHash } from './hash';
import { catalogRows } from './rows';
import type { Catalog } from './types';

/**
 * The catalog from its GitBook folder, read by the same model that import uses. Strict: any
 * warning (a line the reader skipped, a missing page) fails with its file and line, and so do two
 * papers with one id.
 */
export function buildCatalog(files: Map<string, string>): Catalog {
  const { library, warnings, errors } = readGitBook(files);
  const first = errors[0] ?? warnings[0];
  if (first) throw new GitBookError(first.file, first.line, first.message);
  const ids = new Map<string, string>();
  const papers = library.papers.map((fields) => {
    const id = `cat:${slugify(fields.venue || 'no-venue')}/${slugify(fields.title)}`;
    if (ids.has(id)) throw new GitBookError('SUMMARY.md', 0, `two papers would share the catalog id ${id}: "${ids.get(id)}" and "${fields.title}"`);
    ids.set(id, fields.title);
    return { id, hash: contentHash(canonicalJson(fields)), fields };
  });
  const venues = library.venues;
  const topics = library.topics;
  const rows = catalogRows(papers);
  return { hash: contentHash(canonicalJson({ papers: papers.map((p) => [p.id, p.hash]), venues, topics })), papers, venues, topics, rows };
}

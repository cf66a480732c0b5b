import { strToU8, zipSync } from 'fflate';
import type { LibraryData } from '../library/types';
import { writeGitBook, type PaperPages } from '../gitbook/write';

/** Past this much text a library is stored in its zip uncompressed: deflate would take seconds. */
export const COMPRESS_BELOW = 4 * 1024 * 1024;

/**
 * A GitBook folder as a .zip (deterministic: files in path order, fixed dates). Small libraries
 * are compressed; large ones stored, since deflating 15 MB of Markdown in the page takes over a
 * second where storing takes a fifth of one (measured by `npm run bench`).
 */
export function zipFolder(files: Map<string, string>, root = 'paper-notes'): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const mtime = new Date('2000-01-01T00:00:00Z');
  let size = 0;
  for (const path of [...files.keys()].sort()) {
    const bytes = strToU8(files.get(path)!);
    size += bytes.length;
    entries[`${root}/${path}`] = [bytes, { mtime }];
  }
  return zipSync(entries, { level: size < COMPRESS_BELOW ? 6 : 0 });
}

/** `ahead`: pages written while the library was read (`readLibrary`). */
export const exportZip = (library: LibraryData, ahead?: PaperPages) => zipFolder(writeGitBook(library, ahead));

const FILE_MARK = /^<!-- paper-notes file: (.+) -->$/;
/**
 * A page's own line that looks like a file mark (a note quoting one) is written with one more
 * backslash before it, and read with one fewer: only the marks this export wrote split the file.
 */
const ESCAPED_MARK = /^(\\*)(<!-- paper-notes file: .+ -->)$/gm;
const UNESCAPED_MARK = /^\\(\\*<!-- paper-notes file: .+ -->)$/;

/**
 * The whole library as one Markdown file: the GitBook folder's pages in navigation order, each
 * after a `<!-- paper-notes file: path -->` line, so that import can split it back into the folder.
 */
export function exportSingleMarkdown(library: LibraryData, ahead?: PaperPages): string {
  const files = writeGitBook(library, ahead);
  const order = ['SUMMARY.md', ...[...(files.get('SUMMARY.md') ?? '').matchAll(/\]\(([^)]+\.md)\)/g)].map((m) => m[1]!)];
  const paths = [...new Set([...order.filter((p) => files.has(p)), ...[...files.keys()].sort()])];
  // Only a page that has the mark's text can hold a line that looks like a mark.
  const escaped = (page: string) => (page.includes('<!-- paper-notes file: ') ? page.replace(ESCAPED_MARK, '\\$1$2') : page);
  return paths.map((path) => `<!-- paper-notes file: ${path} -->\n\n${escaped(files.get(path)!)}`).join('\n');
}

/** Whether a file's first line (enough of its start) marks a single-file export. */
export const isSingleMarkdown = (start: string) => FILE_MARK.test(start.replace(/\r?\n[^]*$/, ''));

/** The folder inside a single-file export, or null when the text is an ordinary Markdown page. */
export function splitSingleMarkdown(text: string): Map<string, string> | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (!FILE_MARK.test(lines[0] ?? '')) return null;
  const files = new Map<string, string>();
  let path = '';
  let body: string[] = [];
  const flush = () => {
    // Each page was written as the mark line, a blank line, then the page (which ends in a newline).
    if (path) files.set(path, body.join('\n').replace(/^\n/, ''));
  };
  for (const line of lines) {
    const mark = FILE_MARK.exec(line);
    if (mark) {
      flush();
      path = mark[1]!;
      body = [];
    } else body.push(line.replace(UNESCAPED_MARK, '$1'));
  }
  flush();
  return files;
}

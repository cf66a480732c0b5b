import { unzipSync } from 'fflate';
import { BackupError, parseBackup, type Backup } from '../backup/json';
import { isSingleMarkdown, splitSingleMarkdown } from '../export/files';
import { readGitBook } from '../gitbook/read';
import type { Warning } from '../gitbook/venue-page';
import type { LibraryData } from '../library/types';

/**
 * A file handed to import: its path (inside a picked folder, or its name) and its bytes. `size`,
 * when given, is the file's size on disk: a file import will refuse or skip (`needsBytes`) is
 * handed over without its bytes.
 */
export interface ImportFile {
  path: string;
  bytes: Uint8Array;
  size?: number;
}

/**
 * Files an import leaves out without a word, in a picked folder as in a zip: hidden ones inside it
 * (`.git`, a GitHub-synced GitBook's `.github` and `.gitbook` folders, macOS's `__MACOSX` and `._`
 * files) and images. The first part of a path is the picked folder or file itself, which the user
 * chose by name: read even when its name starts with a dot.
 */
export const isIgnoredPath = (path: string) => /\/(__MACOSX\/|\.)/.test(path) || /\.(png|jpe?g|gif|svg|webp)$/i.test(path);

/** The largest file of its kind an import reads (a single-file export may be the largest .md). */
function limitFor(path: string): number | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return LIMITS.json;
  if (lower.endsWith('.zip')) return LIMITS.zip;
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return LIMITS.unzipped;
  return null;
}

/**
 * Whether an import needs to read this file's bytes: not for a file it ignores or skips, nor for
 * one too large to import (read, a picked `.git` folder or a stray video would fill the page's memory).
 */
export function needsBytes(path: string, size: number): boolean {
  const limit = limitFor(path);
  return !isIgnoredPath(path) && limit !== null && size <= limit;
}

export const LIMITS = {
  /**
   * A Markdown page. The largest real reading-notes page is a few tens of KB; a paper's page holds
   * a note of up to 2,000,000 characters (`MAX_CHARS`), 6 MB in UTF-8 at most.
   */
  markdown: 8 * 1024 * 1024,
  /** A JSON backup: 50,000 notes take about 25 MB. */
  json: 100 * 1024 * 1024,
  zip: 50 * 1024 * 1024,
  /** What a zip may unpack to, in all. */
  unzipped: 200 * 1024 * 1024,
};

export interface ReadImport {
  library: LibraryData;
  /** The backup, when the import is a JSON backup: papers keep ids, dates and origin. */
  backup?: Backup;
  warnings: Warning[];
  /** Files that cannot be imported, each in full: nothing of them is in `library`. */
  errors: Warning[];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const NOT_TEXT = 'not UTF-8 text (binary data, or text in another encoding): save it as UTF-8 to import it';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a file in UTF-8; null for binary data or another encoding. */
function decode(bytes: Uint8Array): string | null {
  try {
    const text = UTF8.decode(bytes);
    return text.includes('\u0000') ? null : text;
  } catch {
    return null;
  }
}

/** Drops the one folder every path starts with ("my-notes/SUMMARY.md" → "SUMMARY.md"). */
function stripCommonRoot(files: Map<string, string>): Map<string, string> {
  const paths = [...files.keys()];
  const first = paths[0]?.split('/')[0];
  if (!first || !paths.every((p) => p.startsWith(`${first}/`))) return files;
  return new Map([...files].map(([p, t]) => [p.slice(first.length + 1), t]));
}

/**
 * Reads what the user picked or dropped: a GitBook folder or Markdown files, a .zip of a folder,
 * a single-file export, or a JSON backup. Each file that cannot be read (binary, too large, a
 * damaged zip, a backup of an unknown version, broken front matter…) is an error naming it; the
 * rest is read.
 */
export function readImportFiles(files: ImportFile[]): ReadImport {
  const errors: Warning[] = [];
  const warnings: Warning[] = [];
  const folder = new Map<string, string>();
  let backup: Backup | undefined;
  const fail = (file: string, message: string, line = 0) => errors.push({ file, line, message });

  for (const { path, bytes, size = bytes.length } of files) {
    const lower = path.toLowerCase();
    if (isIgnoredPath(path)) continue;
    if (lower.endsWith('.json')) {
      if (size > LIMITS.json) {
        fail(path, `too large to import (${mb(size)}; a backup may be ${mb(LIMITS.json)})`);
        continue;
      }
      const text = decode(bytes);
      if (text === null) {
        fail(path, NOT_TEXT);
        continue;
      }
      try {
        if (backup) throw new BackupError('only one JSON backup can be imported at a time');
        backup = parseBackup(text);
      } catch (error) {
        fail(path, error instanceof BackupError ? error.message : String(error));
      }
    } else if (lower.endsWith('.zip')) {
      if (size > LIMITS.zip) {
        fail(path, `too large to import (${mb(size)}; a zip may be ${mb(LIMITS.zip)})`);
        continue;
      }
      readZip(path, bytes, folder, fail);
    } else if (lower.endsWith('.md') || lower.endsWith('.markdown')) {
      // A single-file export holds a whole folder (16 MB at 10,000 notes): it may be as large as
      // a zip's pages together, each of its pages as large as a page.
      // Handed over without its bytes (`needsBytes`): larger than even a single-file export may be.
      const single = size > bytes.length || isSingleMarkdown(new TextDecoder().decode(bytes.subarray(0, 1024)));
      if (size > (single ? LIMITS.unzipped : LIMITS.markdown)) {
        fail(path, `too large to import (${mb(size)}; ${single ? `a single-file export may be ${mb(LIMITS.unzipped)}` : `a Markdown page may be ${mb(LIMITS.markdown)}`})`);
        continue;
      }
      const text = decode(bytes);
      if (text === null) {
        fail(path, NOT_TEXT);
        continue;
      }
      const split = splitSingleMarkdown(text);
      if (!split) folder.set(path, text);
      for (const [p, t] of split ?? []) {
        if (t.length > LIMITS.markdown) fail(`${path}/${p}`, `too large to import (a Markdown page may be ${mb(LIMITS.markdown)})`);
        else folder.set(p, t);
      }
    } else {
      warnings.push({ file: path, line: 0, message: 'skipped: not a .md, .zip or .json file' });
    }
  }

  if (backup && folder.size) fail('(selection)', 'a JSON backup is imported on its own, without Markdown files');
  if (backup) return { library: backup, backup, warnings, errors };
  const book = readGitBook(stripCommonRoot(folder));
  return { library: book.library, warnings: [...warnings, ...book.warnings], errors: [...errors, ...book.errors] };
}

function readZip(path: string, bytes: Uint8Array, folder: Map<string, string>, fail: (file: string, message: string) => void) {
  let total = 0;
  let tooBig = false;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (!/\.(md|markdown)$/i.test(file.name) || /(^|\/)(__MACOSX|\.)/.test(file.name)) return false;
        total += file.originalSize;
        if (file.originalSize > LIMITS.markdown || total > LIMITS.unzipped) tooBig = true;
        return !tooBig;
      },
    });
  } catch (error) {
    fail(path, `the zip file is damaged or incomplete (${(error as Error).message})`);
    return;
  }
  if (tooBig) {
    fail(path, `the zip unpacks to more than Paper Notes imports (a page may be ${mb(LIMITS.markdown)}, all pages ${mb(LIMITS.unzipped)})`);
    return;
  }
  const pages = new Map<string, string>();
  for (const [name, content] of Object.entries(entries)) {
    const text = decode(content);
    // Named and left out; the zip's other pages are still read.
    if (text === null) fail(`${path}/${name}`, NOT_TEXT);
    else pages.set(name, text);
  }
  for (const [p, t] of stripCommonRoot(pages)) folder.set(p, t);
}

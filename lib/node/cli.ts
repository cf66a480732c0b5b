import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseBackup, toBackup, BackupError } from '../backup/json';
import { readGitBook } from '../gitbook/read';
import type { Warning } from '../gitbook/venue-page';
import { writeGitBook } from '../gitbook/write';
import { readImportFiles, type ImportFile } from '../import/sources';
import { readMarkdownFolder } from './read-folder';

const USAGE = `Usage:
  paper-notes import <dir|files...> --out backup.json   read GitBook folders, .md, .zip or a backup into a JSON backup
  paper-notes export <backup.json> --out <dir>          write a JSON backup as a GitBook folder
  paper-notes check <dir>                               check a GitBook folder; exit 1 with file:line on errors`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}
const console_: Io = { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') };

const where = (w: Warning) => `${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`;

/** Files under the arguments: folders walked (paths relative to the folder), files as named. */
function collect(args: string[]): ImportFile[] {
  const files: ImportFile[] = [];
  for (const arg of args) {
    const path = resolve(arg);
    if (statSync(path).isDirectory()) {
      const walk = (dir: string) => {
        for (const name of readdirSync(dir).sort()) {
          const full = join(dir, name);
          if (statSync(full).isDirectory()) walk(full);
          else files.push({ path: relative(path, full).split(sep).join('/'), bytes: readFileSync(full) });
        }
      };
      walk(path);
    } else files.push({ path: arg.split(sep).at(-1)!, bytes: readFileSync(path) });
  }
  return files;
}

function option(args: string[], name: string): { value: string | undefined; rest: string[] } {
  const at = args.indexOf(name);
  if (at < 0) return { value: undefined, rest: args };
  return { value: args[at + 1], rest: [...args.slice(0, at), ...args.slice(at + 2)] };
}

/** Runs a command; returns the exit code. */
export async function main(argv: string[], io: Io = console_): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === 'import') {
      const { value: out, rest } = option(args, '--out');
      if (!out || !rest.length) throw new UsageError('import needs files or folders and --out backup.json');
      const read = readImportFiles(collect(rest));
      for (const w of read.warnings) io.err(`warning: ${where(w)}`);
      for (const e of read.errors) io.err(`error: ${where(e)}`);
      if (read.errors.length) return 1;
      writeFileSync(out, JSON.stringify(toBackup(read.library), null, 2) + '\n');
      io.out(`${read.library.papers.length} papers, ${read.library.venues.length} venues → ${out}`);
      return 0;
    }
    if (command === 'export') {
      const { value: out, rest } = option(args, '--out');
      if (!out || rest.length !== 1) throw new UsageError('export needs one backup.json and --out <dir>');
      const backup = parseBackup(readFileSync(rest[0]!, 'utf8'));
      const files = writeGitBook(backup);
      for (const [path, text] of files) {
        mkdirSync(dirname(join(out, path)), { recursive: true });
        writeFileSync(join(out, path), text);
      }
      io.out(`${backup.papers.length} papers → ${files.size} files in ${out}`);
      return 0;
    }
    if (command === 'check') {
      if (args.length !== 1) throw new UsageError('check needs one folder');
      const { library, warnings, errors } = readGitBook(readMarkdownFolder(resolve(args[0]!)));
      for (const problem of [...errors, ...warnings]) io.err(where(problem));
      const papers = library.papers;
      io.out(
        [
          `venues: ${library.venues.length}`,
          `papers: ${papers.length}`,
          `notes: ${papers.filter((p) => p.note.trim()).length}`,
          `arXiv ids: ${papers.filter((p) => p.arxivId).length}`,
          `USENIX keys: ${papers.filter((p) => p.usenixKey).length}`,
        ].join('\n'),
      );
      return errors.length || warnings.length ? 1 : 0;
    }
    throw new UsageError(command ? `unknown command "${command}"` : 'no command');
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`paper-notes: ${error.message}\n${USAGE}`);
      return 2;
    }
    io.err(`paper-notes: ${error instanceof BackupError ? `backup: ${error.message}` : (error as Error).message}`);
    return 1;
  }
}

class UsageError extends Error {}

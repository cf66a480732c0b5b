import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '@/lib/node/cli';
import { readMarkdownFolder } from '@/lib/node/read-folder';

const ROOT = resolve(import.meta.dirname, '..', '..', '..', '..');
const CATALOG = join(ROOT, 'assets', 'catalog');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'paper-notes-cli-'));
  dirs.push(dir);
  return dir;
};
function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('paper-notes command line', () => {
  it('checks a GitBook folder and counts venues, papers, notes, arXiv ids and USENIX keys', async () => {
    const { code, out } = await run('check', CATALOG);
    expect(code).toBe(0);
    expect(out).toBe('venues: 86\npapers: 89\nnotes: 17\narXiv ids: 0\nUSENIX keys: 0');
  });

  it('exits non-zero with file:line on errors', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'SUMMARY.md'), '# Table of contents\n\n* [OSDI 2024](osdi-2024.md)\n');
    writeFileSync(join(dir, 'osdi-2024.md'), '# OSDI 2024\n\n## Papers\n\n### A\n\n* Paper\n  * X\nstray\n\n## Notes\n');
    const { code, err } = await run('check', dir);
    expect(code).toBe(1);
    expect(err).toContain('osdi-2024.md:9: text outside any paper entry: "stray"');
    expect(err).toContain('osdi-2024.md:11: section "Notes" is not one a conference page has; skipped');
  });

  it('imports a folder into a backup and exports it back to the same folder', async () => {
    const dir = temp();
    const backup = join(dir, 'backup.json');
    expect((await run('import', CATALOG, '--out', backup)).code).toBe(0);
    const json = JSON.parse(readFileSync(backup, 'utf8'));
    expect(json).toMatchObject({ format: 'paper-notes-backup', version: 1 });
    expect(json.papers[0]).toEqual(
      expect.objectContaining({ title: expect.any(String), venue: 'OSDI 2024', year: 2024, topic: 'Large Language Models (LLMs)', authors: [], tags: [], links: expect.any(Array), note: expect.any(String) }),
    );
    const out = join(dir, 'book');
    expect((await run('export', backup, '--out', out)).code).toBe(0);
    expect(readMarkdownFolder(out)).toEqual(readMarkdownFolder(CATALOG));
  });

  it('refuses a backup of an unknown version with a clear message', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ format: 'paper-notes-backup', version: 2, papers: [] }));
    const { code, err } = await run('export', join(dir, 'b.json'), '--out', join(dir, 'x'));
    expect(code).toBe(1);
    expect(err).toContain('backup version 2 is not one this version of Paper Notes reads');
  });

  it('explains its usage', async () => {
    const { code, err } = await run('frobnicate');
    expect(code).toBe(2);
    expect(err).toContain('unknown command "frobnicate"');
    expect(err).toContain('paper-notes check <dir>');
  });

  it('runs as `npx paper-notes` in the clone', () => {
    const dir = temp();
    mkdirSync(join(dir, 'empty'));
    const out = execFileSync('npx', ['--no-install', 'paper-notes', 'check', CATALOG], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toContain('papers: 89');
  }, 30_000);
});

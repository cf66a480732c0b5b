import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalog } from '@/lib/catalog/build';
import { catalogModule } from '@/lib/node/catalog-plugin';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const SUMMARY = '# Table of contents\n\n* [Reading Notes](reading-notes/README.md)\n  * [Conference](reading-notes/conference/README.md)\n    * [OSDI 2024](reading-notes/conference/osdi-2024.md)\n';

describe('catalog build', () => {
  it('fails on a malformed catalog, naming file and line', () => {
    const broken = new Map([
      ['SUMMARY.md', SUMMARY],
      ['reading-notes/conference/osdi-2024.md', '# OSDI 2024\n\n## Papers\n\n### LLMs\n\n* A paper\n  * Somewhere\nstray text in the list\n'],
    ]);
    expect(() => buildCatalog(broken)).toThrow('reading-notes/conference/osdi-2024.md:9: text outside any paper entry');
  });

  it('fails when SUMMARY.md names a page that is not there', () => {
    expect(() => buildCatalog(new Map([['SUMMARY.md', SUMMARY]]))).toThrow('SUMMARY.md:5: page reading-notes/conference/osdi-2024.md is missing');
  });

  it('fails the build itself: the plugin’s module throws the same error', () => {
    const dir = folder({ 'SUMMARY.md': '# Table of contents\n\nnot a list item\n' });
    const plugin = catalogModule(dir);
    expect(() => plugin.load(plugin.resolveId('virtual:paper-notes-catalog')!)).toThrow(/SUMMARY\.md:3: expected a "\* \[Title\]\(page\.md\)" item/);
  });

  it('merges one paper listed twice, and rejects two papers that would share an id', () => {
    const page = (a: string, b: string) =>
      new Map([
        ['SUMMARY.md', SUMMARY],
        ['reading-notes/conference/osdi-2024.md', `# OSDI 2024\n\n## Papers\n\n### A\n\n* ${a}\n  * X\n\n### B\n\n* ${b}\n  * Y\n`],
      ]);
    expect(buildCatalog(page('Same Title', 'Same Title!')).papers).toHaveLength(1);
    const long = 'A very long title about scheduling deep learning jobs on shared GPU clusters with many';
    expect(() => buildCatalog(page(`${long} tenants`, `${long} users`))).toThrow(/two papers would share the catalog id/);
  });

  it('gives the module the catalog hash and size', () => {
    const dir = folder({ 'SUMMARY.md': SUMMARY, 'reading-notes/conference/osdi-2024.md': '# OSDI 2024\n\n## Papers\n\n### A\n\n* A paper\n  * X\n' });
    const plugin = catalogModule(dir);
    expect(plugin.load(plugin.resolveId('virtual:paper-notes-catalog')!)).toMatch(/CATALOG_HASH = "[0-9a-f]{16}";\nexport const CATALOG_PAPERS = 1;/);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const importsOf = (file: string) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]!);

/** Every project file the content script pulls in, following relative and `@/` imports. */
function dependencyGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.') && !spec.startsWith('@/')) {
        packages.add(spec);
        continue;
      }
      const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : resolve(ROOT, dirname(file), spec);
      const target = ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((p) => {
        try {
          return statSync(p).isFile();
        } catch {
          return false;
        }
      });
      if (target) visit(relative(ROOT, target));
    }
  };
  visit(entry);
  return { files, packages };
}

describe('project conventions', () => {
  it('keeps browser APIs out of lib/ except lib/runtime/, and out of components/', () => {
    // Imported, or reached as a global (`chrome.tabs`, `browser.runtime`), comments aside.
    const usesBrowser = (file: string) =>
      importsOf(file).some((spec) => spec === 'wxt/browser' || spec === 'webextension-polyfill') ||
      /\b(chrome|browser)\.[a-z]\w*/.test(readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''));
    const offenders = [...sourceFiles('lib'), ...sourceFiles('components')].filter((file) => !file.startsWith('lib/runtime/') && usesBrowser(file));
    expect(offenders).toEqual([]);
    // The check sees a global: the runtime's own files use them.
    expect(usesBrowser('lib/runtime/background.ts')).toBe(true);
  });

  it('keeps the content script free of the database, Markdown and UI code', () => {
    const { files, packages } = dependencyGraph('entrypoints/paper-detector.ts');
    expect([...packages].sort()).toEqual(['wxt/browser', 'wxt/utils/define-unlisted-script']);
    expect([...files].filter((f) => /lib\/(db|markdown|runtime)\/|components\//.test(f))).toEqual([]);
    for (const file of files) expect(readFileSync(join(ROOT, file), 'utf8')).not.toMatch(/indexedDB|Dexie/);
    // Its types only: the module's value touches `browser.runtime` as it loads, a cost to every
    // page the script runs on, and tests get WXT's fake in its place (paper-detector.test.ts).
    expect(readFileSync(join(ROOT, 'entrypoints/paper-detector.ts'), 'utf8')).toMatch(/^import type \{[^}]*\} from 'wxt\/browser';$/m);
  });

  it('registers background listeners from one synchronous main', () => {
    const background = readFileSync(join(ROOT, 'entrypoints/background.ts'), 'utf8');
    expect(background).toMatch(/defineBackground\(\(\) => registerBackground\(\)\)/);
    expect(readFileSync(join(ROOT, 'lib/runtime/background.ts'), 'utf8')).not.toMatch(/export async function registerBackground/);
  });
});

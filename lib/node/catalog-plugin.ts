import { buildCatalog } from '../catalog/build';
import type { Catalog } from '../catalog/types';
import { readMarkdownFolder } from './read-folder';

export const CATALOG_MODULE = 'virtual:paper-notes-catalog';
export const CATALOG_FILE = 'catalog.json';

let cached: { dir: string; catalog: Catalog } | undefined;

/** The catalog built from `dir` (once per build process). Throws with file and line when malformed. */
export function catalogFrom(dir: string): Catalog {
  if (cached?.dir !== dir) cached = { dir, catalog: buildCatalog(readMarkdownFolder(dir)) };
  return cached.catalog;
}

/**
 * A Vite plugin providing `virtual:paper-notes-catalog`: the bundled catalog's hash and size only.
 * The records themselves ship as `catalog.json`, read only when the hash differs from the one
 * applied, so a waking service worker never parses them for nothing.
 */
export function catalogModule(dir: string) {
  const resolved = '\0' + CATALOG_MODULE;
  return {
    name: 'paper-notes-catalog',
    resolveId: (id: string) => (id === CATALOG_MODULE ? resolved : undefined),
    load(id: string) {
      if (id !== resolved) return undefined;
      const catalog = catalogFrom(dir);
      return `export const CATALOG_HASH = ${JSON.stringify(catalog.hash)};\nexport const CATALOG_PAPERS = ${catalog.papers.length};\n`;
    },
  };
}

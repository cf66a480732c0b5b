// What `virtual:paper-notes-catalog` gives the extension's code (lib/node/catalog-plugin.ts), for
// unit tests: vitest.config.ts points the module here.
import { catalogFrom } from '@/lib/node/catalog-plugin';

const catalog = catalogFrom('assets/catalog');
export const CATALOG_HASH = catalog.hash;
export const CATALOG_PAPERS = catalog.papers.length;

// What `virtual:paper-notes-catalog` gives the extension's code (lib/node/catalog-plugin.ts), for
// unit tests: vitest.config.ts points the module here.
import { resolve } from 'node:path';
import { catalogFrom } from '@/lib/node/catalog-plugin';

export const bundledCatalog = catalogFrom(resolve(import.meta.dirname, '../../assets/catalog'));
export const CATALOG_HASH = bundledCatalog.hash;
export const CATALOG_PAPERS = bundledCatalog.papers.length;

/** Provided at build time by `catalogModule` (lib/node/catalog-plugin.ts). */
declare module 'virtual:paper-notes-catalog' {
  export const CATALOG_HASH: string;
  export const CATALOG_PAPERS: number;
}

import type { PaperFields } from '../db/records';
import { canonicalJson } from './hash';
import { CATALOG_TEXT_FIELDS, type CatalogText } from './types';

/** The catalog-written part of a record's fields. */
export function catalogText(fields: PaperFields): CatalogText {
  const text = {} as Record<string, unknown>;
  for (const name of CATALOG_TEXT_FIELDS) if (fields[name] !== undefined) text[name] = fields[name];
  return text as CatalogText;
}

export const sameText = (a: CatalogText, b: CatalogText) => canonicalJson(a) === canonicalJson(b);

import { diffComm } from 'node-diff3';
import { canonicalJson } from './hash';
import { CATALOG_TEXT_FIELDS, type CatalogText } from './types';

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Line diff of two texts: what the catalog's version removes from and adds to the user's. */
export function lineDiff(mine: string, theirs: string): DiffLine[] {
  const out: DiffLine[] = [];
  for (const part of diffComm(mine.split('\n'), theirs.split('\n'))) {
    if (part.common) out.push(...part.common.map((text) => ({ kind: 'same' as const, text })));
    else {
      out.push(...(part.buffer1 ?? []).map((text) => ({ kind: 'removed' as const, text })));
      out.push(...(part.buffer2 ?? []).map((text) => ({ kind: 'added' as const, text })));
    }
  }
  return out;
}

const show = (value: unknown) =>
  Array.isArray(value)
    ? value.map((v) => (typeof v === 'object' && v ? `${(v as { label: string }).label} ${(v as { url: string }).url}`.trim() : String(v))).join(', ')
    : value === undefined || value === null
      ? ''
      : String(value);

/** The fields, other than the note, that two versions give differently, as text. */
export function fieldChanges(mine: CatalogText, theirs: CatalogText): { field: string; mine: string; theirs: string }[] {
  return CATALOG_TEXT_FIELDS.filter((f) => f !== 'note' && f !== 'position' && canonicalJson(mine[f]) !== canonicalJson(theirs[f])).map((field) => ({
    field,
    mine: show(mine[field]),
    theirs: show(theirs[field]),
  }));
}

import type { PaperNotesDB } from './schema';
import { inTransaction } from './transaction-promise';

/** Catalog papers the user deleted: a catalog sync does not bring them back. */
const DELETED_CATALOG = 'deletedCatalogPapers';

export const deletedCatalogIds = inTransaction(async function deletedCatalogIds(db: PaperNotesDB): Promise<Set<string>> {
  return new Set(((await db.meta.get(DELETED_CATALOG))?.value as string[] | undefined) ?? []);
});

/** Replaces the list; inside a read-write transaction on meta. */
export const setDeletedCatalogIds = inTransaction(async function setDeletedCatalogIds(db: PaperNotesDB, ids: Iterable<string>): Promise<void> {
  await db.meta.put({ key: DELETED_CATALOG, value: [...new Set(ids)].sort() });
});

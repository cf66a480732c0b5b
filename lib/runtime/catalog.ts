import { browser } from 'wxt/browser';
import { CATALOG_HASH } from 'virtual:paper-notes-catalog';
import { appliedCatalogHash, catalogCurrent, syncCatalog, type SyncReport } from '../catalog/sync';
import type { Catalog } from '../catalog/types';
import { ensureTerms } from '../db/reindex';
import type { PaperNotesDB } from '../db/schema';
import { notifyNotesChanged } from './notify';

/**
 * Applies the bundled catalog if this database has not applied it yet, and rebuilds the search
 * postings if another version made them: at every start of the worker and of a panel (an update
 * applied while the extension was disabled fires no install event). Normally that is two reads,
 * with no lock and no read-write transaction to hold up another context's writes; the records are
 * loaded from the package only when needed. Contexts that find work take turns through a lock,
 * and the sync itself is idempotent in one transaction.
 */
export async function ensureCatalog(db: PaperNotesDB): Promise<SyncReport | null> {
  if (await catalogCurrent(db, CATALOG_HASH)) return null;
  const run = async () => {
    await ensureTerms(db);
    if ((await appliedCatalogHash(db)) === CATALOG_HASH) return null;
    // The extension's own packaged file, not a network request.
    // Generated at build time, so not among WXT's typed public paths.
    const response = await fetch((browser.runtime.getURL as (path: string) => string)('/catalog.json'));
    if (!response.ok) throw new Error(`The bundled catalog could not be read (${response.status}).`);
    const report = await syncCatalog(db, (await response.json()) as Catalog);
    // Whichever context applied it, open tabs' badges follow the notes it changed: a panel that
    // applies it first leaves the worker's own start nothing to apply, and so nothing to refresh.
    if (report.status === 'applied') notifyNotesChanged();
    return report;
  };
  return navigator.locks ? navigator.locks.request('paper-notes-catalog-sync', run) : run();
}

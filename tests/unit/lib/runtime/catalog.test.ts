import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { appliedCatalogHash, catalogCurrent } from '@/lib/catalog/sync';
import { TERMS_VERSION, TERMS_VERSION_KEY } from '@/lib/db/reindex';
import { ensureCatalog } from '@/lib/runtime/catalog';
import { bundledCatalog } from '../../bundled-catalog';
import { freshDb, paperCount } from '../../db-helpers';
import { fakeLocks } from '../../fake-locks';

/** The package's catalog.json, as `fetch` of the extension's own URL answers it. */
const packaged = () => vi.fn(async () => new Response(JSON.stringify(bundledCatalog)));

let locks: ReturnType<typeof fakeLocks>;
beforeEach(() => {
  locks = fakeLocks();
  vi.stubGlobal('navigator', { ...navigator, locks });
});
afterEach(() => vi.unstubAllGlobals());

describe('catalog at start', () => {
  it('applies the bundled catalog once, then only reads: no lock, no read-write transaction', async () => {
    const fetch = packaged();
    vi.stubGlobal('fetch', fetch);
    const db = freshDb();

    expect(await ensureCatalog(db)).toMatchObject({ status: 'applied', added: bundledCatalog.papers.length });
    expect(await catalogCurrent(db, bundledCatalog.hash)).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(locks.request).toHaveBeenCalledTimes(1);

    const transaction = vi.spyOn(db, 'transaction');
    expect(await ensureCatalog(db)).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(locks.request).toHaveBeenCalledTimes(1);
    expect(transaction).not.toHaveBeenCalled();
  });

  it('asks the worker to refresh open tabs’ badges once it has applied the catalog, and only then', async () => {
    vi.stubGlobal('fetch', packaged());
    const sendMessage = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const db = freshDb();
    await ensureCatalog(db);
    expect(sendMessage).toHaveBeenCalledExactlyOnceWith({ type: 'refresh-badges' });
    await ensureCatalog(db);
    expect(sendMessage).toHaveBeenCalledOnce();
  });

  it('applies the catalog once when two contexts start at once', async () => {
    vi.stubGlobal('fetch', packaged());
    const db = freshDb();
    const reports = await Promise.all([ensureCatalog(db), ensureCatalog(db)]);
    expect(reports.filter((r) => r?.status === 'applied')).toHaveLength(1);
    expect(await paperCount(db)).toBe(bundledCatalog.papers.length);
  });

  it('rebuilds postings made by another version, without reading the package again', async () => {
    const fetch = packaged();
    vi.stubGlobal('fetch', fetch);
    const db = freshDb();
    await ensureCatalog(db);
    await db.meta.put({ key: TERMS_VERSION_KEY, value: TERMS_VERSION - 1 });
    await db.terms.clear();
    expect(await catalogCurrent(db, bundledCatalog.hash)).toBe(false);

    expect(await ensureCatalog(db)).toBeNull();
    expect((await db.meta.get(TERMS_VERSION_KEY))?.value).toBe(TERMS_VERSION);
    expect(await db.terms.count()).toBeGreaterThan(0);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('says so when the packaged catalog cannot be read, and applies nothing', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 404 })));
    const db = freshDb();
    await expect(ensureCatalog(db)).rejects.toThrow('The bundled catalog could not be read (404).');
    expect(await appliedCatalogHash(db)).toBeNull();
    expect(await paperCount(db)).toBe(0);
  });
});

import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../db-helpers';

// An extension page in a Firefox private window (or with "Never remember history"): the database
// refuses to open, as Firefox 153 ESR does there.
const db = freshDb();
db.open = (() =>
  Promise.reject(
    Object.assign(new Error('A mutation operation was attempted on a database that did not allow mutations.'), { name: 'InvalidStateError' }),
  )) as unknown as typeof db.open;
vi.mock('@/lib/runtime/db', async (original) => {
  const real = await original<typeof import('@/lib/runtime/db')>();
  return { ...real, getDb: () => db, databaseProblem: (d: typeof db) => real.databaseProblem(d, () => true) };
});
vi.mock('@/lib/runtime/catalog', () => ({ ensureCatalog: async () => null }));

const { App } = await import('@/entrypoints/options/App');

afterEach(cleanup);

describe('the options page without a database (Firefox private browsing)', () => {
  it('says why, and offers no export or import that can only fail with the database’s own error', async () => {
    render(<App />);
    const notice = await screen.findByTestId('database-problem');
    expect(notice.textContent).toContain('private window');
    for (const id of ['export-zip', 'export-md', 'export-json', 'choose-files', 'choose-folder']) {
      expect((screen.getByTestId(id) as HTMLButtonElement).disabled).toBe(true);
    }
  });
});

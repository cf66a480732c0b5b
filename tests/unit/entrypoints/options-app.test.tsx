import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../db-helpers';

const db = freshDb();
vi.mock('@/lib/runtime/db', () => ({ getDb: () => db, databaseProblem: async () => null }));
vi.mock('@/lib/runtime/catalog', () => ({ ensureCatalog: async () => null }));
vi.mock('@/lib/runtime/notify', () => ({ notifyNotesChanged: () => {} }));
const failures = vi.hoisted(() => ({ next: null as Error | null }));
vi.mock('@/lib/import/apply', async (original) => {
  const real = await original<typeof import('@/lib/import/apply')>();
  return {
    ...real,
    applyImport: (...args: Parameters<typeof real.applyImport>) => {
      const failure = failures.next;
      failures.next = null;
      return failure ? Promise.reject(failure) : real.applyImport(...args);
    },
  };
});

const { App } = await import('@/entrypoints/options/App');

afterEach(cleanup);

/** Picks files as "choose files" does. */
function pick(files: File[]) {
  const input = screen.getByTestId('import-files') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

const page = () => new File(['---\ndescription: \'Tags: x\'\n---\n\n# A paper\n\n* A note\n'], 'a-paper.md', { type: 'text/markdown' });

describe('the options page’s import', () => {
  it('does not keep saying "Nothing was imported" once a retry of the import succeeds', async () => {
    render(<App />);
    pick([page()]);
    await screen.findByTestId('import-preview');
    failures.next = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    fireEvent.click(screen.getByTestId('import-apply'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Nothing was imported'));
    // The user frees some space and tries again: it works.
    fireEvent.click(screen.getByTestId('import-apply'));
    await screen.findByTestId('import-done');
    expect(screen.getByTestId('import-done').textContent).toContain('1 new');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('the options page’s focus', () => {
  it('goes back to "choose files" when the preview closes, by Cancel or by Import, rather than to the top of the page', async () => {
    render(<App />);
    for (const close of ['import-cancel', 'import-apply']) {
      pick([page()]);
      await screen.findByTestId('import-preview');
      screen.getByTestId(close).focus();
      fireEvent.click(screen.getByTestId(close));
      await waitFor(() => expect(screen.queryByTestId('import-preview')).toBeNull());
      expect(document.activeElement).toBe(screen.getByTestId('choose-files'));
    }
  });
});

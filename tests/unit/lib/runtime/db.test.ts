import { describe, expect, it } from 'vitest';
import { databaseProblem, PRIVATE_BROWSING_PROBLEM } from '@/lib/runtime/db';
import type { PaperNotesDB } from '@/lib/db/schema';

/** What Firefox throws when an extension page in private browsing opens IndexedDB. */
const firefoxPrivate = () =>
  Object.assign(new Error('A mutation operation was attempted on a database that did not allow mutations.'), { name: 'InvalidStateError' });
const failingDb = (error: Error) => ({ open: () => Promise.reject(error) }) as unknown as PaperNotesDB;

describe('databaseProblem', () => {
  it('says the database opened: no problem', async () => {
    expect(await databaseProblem({ open: async () => undefined } as unknown as PaperNotesDB, () => false)).toBeNull();
  });

  it('tells a Firefox private window to use a normal window, rather than blaming the profile’s history setting', async () => {
    const message = await databaseProblem(failingDb(firefoxPrivate()), () => true);
    expect(message).toBe(PRIVATE_BROWSING_PROBLEM);
    expect(message).toContain('private window');
    expect(message).toContain('normal window');
    // Firefox has no setting to "allow history for extensions".
    expect(message).not.toContain('allow history for extensions');
  });

  it('outside private browsing, does not send the user to a private-browsing remedy', async () => {
    const message = await databaseProblem(failingDb(firefoxPrivate()), () => false);
    expect(message).toContain('database is unavailable');
    expect(message).not.toContain('private');
  });
});

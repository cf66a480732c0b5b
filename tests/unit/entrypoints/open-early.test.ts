import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/lib/runtime/db';

describe('side panel entry', () => {
  it('starts opening the database as soon as its first module is evaluated', async () => {
    expect(getDb().isOpen()).toBe(false);
    await import('@/entrypoints/sidepanel/open-early');
    await vi.waitFor(() => expect(getDb().isOpen()).toBe(true));
  });
});

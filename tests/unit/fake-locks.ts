import { vi } from 'vitest';

/** Web Locks as the browser has them (happy-dom has none): one holder of a name at a time. */
export function fakeLocks() {
  const held = new Map<string, Promise<unknown>>();
  return {
    request: vi.fn((name: string, work: () => Promise<unknown>) => {
      const run = (held.get(name) ?? Promise.resolve()).catch(() => {}).then(work);
      held.set(name, run);
      return run;
    }),
  };
}

import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type Live<T> = { loading: true } | { loading: false; value: T; error?: undefined } | { loading: false; error: Error };

/**
 * The result of a Dexie query, kept current: it re-runs whenever a write in any extension page or
 * the worker touches what it read (Dexie carries those over a BroadcastChannel).
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ loading: true });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ loading: false, value }),
      error: (error: Error) => setState({ loading: false, error }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}

import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

export type Live<T> = { loading: true } | { loading: false; value: T; error?: undefined } | { loading: false; error: Error };

/**
 * The result of a Dexie query, kept current: it re-runs whenever a write in any extension page or
 * the worker touches what it read (Dexie carries those over a BroadcastChannel).
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[], initial?: { value: T }): Live<T> {
  // A value the caller already read shows at once; the query keeps it current from there.
  const [state, setState] = useState<Live<T>>(initial ? { loading: false, value: initial.value } : { loading: true });
  // Subscribed in a layout effect, so the query starts with the render that asks for it: a plain
  // effect waits for the next frame (marks in the panel: the note rendered ~20 ms later).
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ loading: false, value }),
      error: (error: Error) => setState({ loading: false, error }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}

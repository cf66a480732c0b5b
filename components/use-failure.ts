import { useState } from 'preact/hooks';

/**
 * Runs actions started by a click, and keeps the message of the last one that failed (cleared when
 * the next one starts), so that a failure is said in the panel instead of lost as an unhandled
 * rejection.
 */
export function useFailure(describe: (message: string) => string): [failure: string | undefined, run: (action: () => Promise<unknown>) => void] {
  const [failure, setFailure] = useState<string>();
  const run = (action: () => Promise<unknown>) => {
    setFailure(undefined);
    action().catch((error: unknown) => setFailure(describe(error instanceof Error ? error.message : String(error))));
  };
  return [failure, run];
}

import { useEffect, useState } from 'preact/hooks';
import { watchSelections } from '@/lib/runtime/pending-selection';

/** The selections kept for a page (none without a page), live. */
export function useWaitingSelections(pageKey: string | undefined): string[] {
  const [selections, setSelections] = useState<string[]>([]);
  useEffect(() => {
    setSelections([]);
    return pageKey ? watchSelections(pageKey, setSelections) : undefined;
  }, [pageKey]);
  return selections;
}

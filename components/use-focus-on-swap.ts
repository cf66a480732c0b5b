import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Focuses `target` when `shown` changes after the first render: for a control that takes the place
 * of the one just used, which took the focus away with it. Only when focus was lost that way (it is
 * on <body>): a control the user reached meanwhile, while a save was under way, keeps it.
 */
export function useFocusOnSwap(target: RefObject<HTMLElement>, shown: unknown): void {
  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body) target.current?.focus();
  }, [shown]);
}

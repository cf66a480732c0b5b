import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Focus for Show more: the first item it brought has the focus once the list holds it (the button
 * may have gone with the last of them). `count` is how many items the list shows; the function
 * returned is called, with that count, as more are asked for.
 */
export function useFocusAdded(list: RefObject<HTMLElement>, selector: string, count: number): (shown: number) => void {
  const firstNew = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (firstNew.current === null || count <= firstNew.current) return;
    list.current?.querySelectorAll<HTMLElement>(selector)[firstNew.current]?.focus();
    firstNew.current = null;
  }, [count]);
  return (shown) => {
    firstNew.current = shown;
  };
}

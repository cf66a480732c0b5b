import { useEffect, useState } from 'preact/hooks';

/**
 * A value that follows `value` at once while it is small, and once typing pauses (`delayMs`)
 * when it is large: rendering a long note's preview on every key would stall the typing.
 */
export function useSettled(value: string, { largeFrom = 20_000, delayMs = 250 } = {}): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value.length < largeFrom) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value]);
  return value.length < largeFrom ? value : settled;
}

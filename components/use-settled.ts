import { useEffect, useState } from 'preact/hooks';

/**
 * A value that follows `value` at once while it is small, and once typing pauses (`delayMs`)
 * when it is large: rendering a long note's preview on every key would stall the typing.
 */
export function useSettled(value: string, { largeFrom = 20_000, delayMs = 250 } = {}): string {
  const [settled, setSettled] = useState(value);
  const large = value.length >= largeFrom;
  useEffect(() => {
    if (!large) return;
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value]);
  // A small value is shown as it is, with no second render: `settled` may then be a pause old
  // when the value grows past the threshold, until the next pause.
  return large ? settled : value;
}

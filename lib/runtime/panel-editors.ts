/**
 * Which panels have an editor open (side panel, pop-outs, other windows): each editor holds a Web
 * Lock named after its id while it is open, and the browser lets go of it when the panel closes.
 * A draft whose editor still holds its lock is another panel's edit under way, not one left behind.
 */
const lockName = (editorId: string) => `paper-notes-editor-${editorId}`;

/** Marks an editor open until the returned function is called (or its panel closes). */
export function holdEditor(editorId: string): () => void {
  if (!navigator.locks) return () => {};
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  navigator.locks.request(lockName(editorId), () => held).catch(() => {});
  return release;
}

/**
 * Whether another panel's editor is open now; if it is, `onClosed` is called once it closes (or
 * never, once `signal` aborts).
 */
export async function editorOpen(editorId: string, onClosed: () => void, signal: AbortSignal): Promise<boolean> {
  if (!navigator.locks) return false;
  const { held = [] } = await navigator.locks.query();
  if (!held.some((lock) => lock.name === lockName(editorId))) return false;
  // Granted once the editor lets go of it: released at once, it only tells this panel so.
  navigator.locks.request(lockName(editorId), { signal }, () => onClosed()).catch(() => {});
  return true;
}

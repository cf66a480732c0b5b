import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface CreateNoteProps {
  /** Creates the note from the page; rejects with a message on failure. */
  onCreate: () => Promise<void>;
}

/** What the panel offers for a paper that has no note yet. */
export function CreateNote({ onCreate }: CreateNoteProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  // In the place of a note just deleted, whose controls took the focus away with them: the focus
  // comes here rather than to the top of the panel.
  useLayoutEffect(() => {
    if (document.hasFocus() && (!document.activeElement || document.activeElement === document.body)) button.current?.focus();
  }, []);
  const create = async () => {
    setBusy(true);
    try {
      await onCreate();
    } catch (e) {
      setError(`The note was not created: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="empty" data-testid="no-note">
      <p>No note for this paper yet.</p>
      <button type="button" class="button primary" ref={button} onClick={create} disabled={busy} data-testid="create-note">
        Create note
      </button>
      <p class="small">Title, authors, venue, identifiers and links are filled from this page.</p>
      {error && (
        <p class="small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

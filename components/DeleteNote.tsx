import { useRef, useState } from 'preact/hooks';
import { Notice } from './Notice';
import { useFocusOnSwap } from './use-focus-on-swap';

export interface DeleteNoteProps {
  /** Deletes the note; rejects with a message on failure. */
  onDelete: () => Promise<void>;
  /** The note has an unsaved edit (a draft), which goes with it and is in no snapshot. */
  unsaved?: boolean;
}

/** "Delete note", asked once more before it happens, and saying where the note can come back from. */
export function DeleteNote({ onDelete, unsaved }: DeleteNoteProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  // The question opens on its safe answer, first in the order read; deleting is one Tab further.
  useFocusOnSwap(asking ? keep : ask, asking);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await onDelete();
    } catch (e) {
      setError(`The note was not deleted: ${(e as Error).message}`);
      setBusy(false);
    }
  };
  if (!asking) {
    return (
      <div class="toolbar">
        <button type="button" class="button danger" ref={ask} onClick={() => setAsking(true)} data-testid="delete-note">
          Delete note…
        </button>
      </div>
    );
  }
  return (
    <Notice
      kind="warn"
      testId="delete-confirm"
      actions={
        <>
          <button type="button" class="button" ref={keep} onClick={() => setAsking(false)} disabled={busy} data-testid="delete-note-keep">
            Keep it
          </button>
          <button type="button" class="button danger" onClick={remove} disabled={busy} data-testid="delete-note-confirm">
            Delete note
          </button>
        </>
      }
    >
      Delete this note? Its text is kept among the last five snapshots on the options page, from
      which it can be restored.
      {unsaved && ' An unsaved edit of it is deleted with it, and is not kept.'}
      {error && (
        <p class="small" role="alert">
          {error}
        </p>
      )}
    </Notice>
  );
}

import { useState } from 'preact/hooks';

export interface QuickAddProps {
  /** Appends one bullet to the note and saves it; rejects with a message on failure. */
  onAdd: (text: string) => Promise<void>;
}

/** A one-line input that adds a bullet to the note at once (Enter or the button). */
export function QuickAdd({ onAdd }: QuickAddProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim() || busy) return;
    setBusy(true);
    const added = text;
    try {
      await onAdd(added);
      // What was typed while the bullet was being saved is the next bullet: kept.
      setText((now) => (now === added ? '' : now));
      setError(null);
    } catch (e) {
      setError(`Not added: ${(e as Error).message}. Your text is still here.`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="quick-add" onSubmit={submit}>
      <input
        type="text"
        aria-label="Quick add a bullet to the note"
        placeholder="Add a one-line note…"
        data-testid="quick-add"
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit" class="button" disabled={busy || !text.trim()}>
        Add
      </button>
      {error && (
        <p class="small" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

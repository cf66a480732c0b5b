import { Notice } from './Notice';

export interface WaitingSelectionsProps {
  /** The selections "Add selection to paper note" kept for this page. */
  selections: string[];
  /** What will add them, said to the user: "Confirm adds", "Create note adds". */
  addedBy?: string;
  /** Adds them to the note shown; absent where another button adds them. */
  onAdd?: () => void;
  onDiscard: () => void;
}

/** Selections waiting for the user's answer before they are added to a note. */
export function WaitingSelections({ selections, addedBy, onAdd, onDiscard }: WaitingSelectionsProps) {
  const what = selections.length === 1 ? 'Your selection' : `Your ${selections.length} selections`;
  return (
    <Notice
      kind="info"
      testId="waiting-selections"
      actions={
        <>
          {onAdd && (
            <button type="button" class="button primary" onClick={onAdd} data-testid="add-waiting">
              Add to this note
            </button>
          )}
          <button type="button" class="button" onClick={onDiscard} data-testid="discard-waiting">
            Discard
          </button>
        </>
      }
    >
      {what} from this page {selections.length === 1 ? 'is' : 'are'} waiting{addedBy ? `: ${addedBy} ${selections.length === 1 ? 'it' : 'them'} to the note.` : '.'}
      <blockquote class="small">{selections[selections.length - 1]}</blockquote>
    </Notice>
  );
}

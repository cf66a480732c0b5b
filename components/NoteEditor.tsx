import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MAX_CHARS } from '@/lib/notes/limits';
import { Markdown } from './Markdown';
import { Notice } from './Notice';
import { useFocusOnSwap } from './use-focus-on-swap';
import { useSettled } from './use-settled';

export interface EditValues {
  note: string;
  summary: string;
  tags: string[];
}

export interface NoteEditorProps {
  /** The edit as it stands (the autosaved draft). */
  value: EditValues;
  /** Every keystroke: the caller keeps the draft. */
  onChange: (value: EditValues) => void;
  /** Save (button, Ctrl+S or Cmd+S). */
  onSave: () => void;
  /** Leave without saving; the caller drops the draft. */
  onCancel: () => void;
  /** The edit holds changes: Cancel (or Escape) asks before it drops them. */
  changed?: boolean;
  saving: boolean;
  /** Set when the note was saved elsewhere after this edit began: nothing was overwritten. */
  conflict?: { savedAt: number; onMerge: () => void; onReload: () => void };
  /** The result of a merge that needs a look before saving. */
  mergeWarning?: string;
  error?: string;
}

const splitTags = (text: string) => [...new Set(text.split(',').map((t) => t.trim().replace(/^#/, '')).filter(Boolean))];

/** Markdown editing with a live preview, one-line summary and tags; the draft is autosaved by the caller. */
export function NoteEditor({ value, onChange, onSave, onCancel, changed, saving, conflict, mergeWarning, error }: NoteEditorProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  // Cancel with changes asks first, on its safe answer; "Keep editing" gives the note its focus back.
  const [asking, setAsking] = useState(false);
  useLayoutEffect(() => void (asking && keep.current?.focus()), [asking]);
  useFocusOnSwap(area, asking);
  // "Merge with my edit" goes away with the conflict it answered: the note, merged, has the focus.
  useFocusOnSwap(area, !!conflict);
  const cancel = () => (changed ? setAsking(true) : onCancel());
  // Focus goes to the note as the editor appears, before the user can act: a plain effect runs
  // after paint (later still on a busy machine) and took focus from a field already clicked.
  useLayoutEffect(() => area.current?.focus(), []);
  const preview = useSettled(value.note);
  // The tags field keeps what is typed ("llm, " on the way to "llm, serving"); the edit gets the
  // tags it names. A change from outside (a merge) rewrites the field.
  const [tagText, setTagText] = useState(() => value.tags.join(', '));
  useEffect(() => {
    if (splitTags(tagText).join('\n') !== value.tags.join('\n')) setTagText(value.tags.join(', '));
  }, [value.tags.join('\n')]);
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (!saving) onSave();
    }
    // Escape is Cancel (or, while it asks, Keep editing); not while an input method composes.
    if (event.key === 'Escape' && !event.isComposing) {
      event.preventDefault();
      if (asking) setAsking(false);
      else cancel();
    }
  };
  return (
    <section class="editor" onKeyDown={onKeyDown} data-testid="note-editor">
      {conflict && (
        <Notice
          kind="warn"
          testId="conflict"
          actions={
            <>
              <button type="button" class="button primary" onClick={conflict.onMerge} data-testid="conflict-merge">
                Merge with my edit
              </button>
              <button type="button" class="button" onClick={conflict.onReload} data-testid="conflict-reload">
                Reload and discard my edit
              </button>
            </>
          }
        >
          This note was saved elsewhere at {new Date(conflict.savedAt).toLocaleTimeString()} while you were editing. Nothing
          was overwritten: merge your edit into the newer version, or reload it.
        </Notice>
      )}
      {mergeWarning && <Notice kind="warn">{mergeWarning}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <label class="field">
        <span>One-line summary</span>
        <input
          type="text"
          value={value.summary}
          maxLength={MAX_CHARS.summary}
          data-testid="edit-summary"
          onInput={(e) => onChange({ ...value, summary: e.currentTarget.value })}
        />
      </label>
      <label class="field">
        <span>Tags (comma separated)</span>
        <input
          type="text"
          value={tagText}
          data-testid="edit-tags"
          onInput={(e) => {
            setTagText(e.currentTarget.value);
            onChange({ ...value, tags: splitTags(e.currentTarget.value) });
          }}
        />
      </label>
      <label class="field">
        <span>Note (Markdown)</span>
        <textarea
          ref={area}
          value={value.note}
          spellcheck
          data-testid="edit-note"
          onInput={(e) => onChange({ ...value, note: e.currentTarget.value })}
        />
      </label>
      {asking ? (
        <Notice
          kind="warn"
          testId="cancel-confirm"
          actions={
            <>
              <button type="button" class="button" ref={keep} onClick={() => setAsking(false)} data-testid="cancel-keep">
                Keep editing
              </button>
              <button type="button" class="button danger" onClick={onCancel} data-testid="cancel-discard">
                Discard my changes
              </button>
            </>
          }
        >
          Discard your unsaved changes to this note?
        </Notice>
      ) : (
        <div class="toolbar">
          <button type="button" class="button primary" disabled={saving} onClick={onSave} data-testid="save">
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" class="button" onClick={cancel} data-testid="cancel">
            Cancel
          </button>
          <span class="spacer" />
          <span class="small muted">Ctrl+S saves · Esc cancels · drafts are kept if you close the panel</span>
        </div>
      )}
      <div class="preview" aria-label="Preview">
        <Markdown markdown={preview} empty="The preview shows here." />
      </div>
    </section>
  );
}

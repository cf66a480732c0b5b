import { lazy, Suspense } from 'preact/compat';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { ReadOnly } from '@/components/read-only';
import { MatchNotice } from '@/components/MatchNotice';
import { DeleteNote } from '@/components/DeleteNote';
import { Markdown } from '@/components/Markdown';
import { NotePageActions } from '@/components/NotePageActions';
import { Notice } from '@/components/Notice';
import { PaperHeader } from '@/components/PaperHeader';
import { VenueInfo } from '@/components/VenueInfo';
import { WaitingSelections } from '@/components/WaitingSelections';
import { QuickAdd } from '@/components/QuickAdd';
import { acceptedText, catalogText } from '@/lib/catalog/merge';
import { acceptCatalogUpdate, dismissCatalogUpdate } from '@/lib/catalog/sync';
import { latestDraft } from '@/lib/db/drafts';
import { confirmMatch, rejectMatch } from '@/lib/db/matching';
import { deletePaper } from '@/lib/db/delete';
import { addBullet } from '@/lib/db/notes';
import type { PaperRecord } from '@/lib/db/records';
import type { PaperNotesDB } from '@/lib/db/schema';
import { bulletText } from '@/lib/notes/bullet';
import { headerModel } from '@/lib/notes/header';
import { venueInfo } from '@/lib/notes/venue-info';
import { describeWriteError } from '@/lib/notes/write-errors';
import type { DetectedPaper } from '@/lib/paper';
import { download } from '@/lib/runtime/download';
import { notifyNotesChanged } from '@/lib/runtime/notify';
import { editorOpen } from '@/lib/runtime/panel-editors';
import { applySelections, dropSelections } from '@/lib/runtime/pending-selection';
import { useFailure } from '@/components/use-failure';
import { useFocusOnSwap } from '@/components/use-focus-on-swap';
import { useLive } from '@/components/use-live';
import { useNoteEditing } from '../use-note-editing';
import { getPaper } from '@/lib/db/read';

// Loaded when first needed: the first paint of a note needs neither the editor, nor the diff, nor
// the GitBook writer that copies and downloads it as a page.
const NoteEditor = lazy(() => import('@/components/NoteEditor').then((m) => m.NoteEditor));
const CatalogUpdate = lazy(() => import('@/components/CatalogUpdate').then((m) => m.CatalogUpdate));
const exportPages = () => import('@/lib/export/pages');
const busy = <div aria-busy="true" />;

export interface NoteScreenProps {
  db: PaperNotesDB;
  id: string;
  /** The page's paper, when the note is shown for the current tab. */
  page?: DetectedPaper;
  /** Set when the page matched this note by a close title only. */
  fuzzy?: boolean;
  /** The record as the caller just read it: shown while the live query starts. */
  initial?: PaperRecord;
  /** Selections kept for the page, waiting for an answer (see `useWaitingSelections`). */
  waiting?: string[];
  onPopOut?: () => void;
  /** Told whether the editor holds changes not saved yet (the page screen keeps it while it does). */
  onChanged?: (changed: boolean) => void;
}

/** One note: header, rendered note, quick-add and editing; live across every open panel. */
export function NoteScreen({ db, id, page, fuzzy, initial, waiting = [], onPopOut, onChanged }: NoteScreenProps) {
  const live = useLive<PaperRecord | undefined>(() => getPaper(db, id), [id], initial && { value: initial });
  const draft = useLive(() => latestDraft(db, id), [id]);
  const record = live.loading || live.error ? undefined : live.value;
  const venueRecord = useLive(() => db.venues.get(record?.venue ?? ''), [record?.venue]);
  const venue = venueRecord.loading || venueRecord.error ? undefined : venueRecord.value;
  const info = venueInfo(venue);
  const editing = useNoteEditing(db, record);
  const [failure, run] = useFailure((message) => `Not saved: ${message}.`);
  const readOnly = useContext(ReadOnly);
  // The editor focuses its note as it opens; once it closes (Save, Cancel, Reload), Edit has focus,
  // as it has once a notice answered goes away with the button used (Confirm, Add, Discard,
  // Accept), and the notice that the note was deleted once the Delete button went with the note.
  const editButton = useRef<HTMLButtonElement>(null);
  const deleted = useRef<HTMLDivElement>(null);
  useFocusOnSwap(editButton, `${editing.editing} ${!!fuzzy} ${!!waiting.length} ${!!record?.catalogPending}`);
  useFocusOnSwap(deleted, `${!live.loading && !record} ${editing.changed}`);
  useEffect(() => onChanged?.(editing.changed), [editing.changed]);
  // The newest draft: left behind (a panel closed), or another panel's edit under way, as long
  // as that panel's editor is open: "Resume editing" would take it from under it.
  const newest = !draft.loading && !draft.error ? draft.value : null;
  const [checked, setChecked] = useState<{ key: string; open: boolean } | null>(null);
  useEffect(() => {
    if (!newest) return;
    const { key } = newest;
    const stop = new AbortController();
    editorOpen(key.slice(newest.paperId.length + 1), () => setChecked({ key, open: false }), stop.signal)
      .then((open) => !stop.signal.aborted && setChecked({ key, open }))
      .catch(() => setChecked({ key, open: false }));
    return () => stop.abort();
  }, [newest?.key]);

  if (live.loading) return <div aria-busy="true" />;
  if (live.error) return <Notice kind="error">The note could not be read: {live.error.message}</Notice>;
  if (!record) {
    return (
      <div ref={deleted} tabIndex={-1} data-testid="note-deleted">
        <Notice kind="warn">
          This note was deleted. The options page can restore it from its snapshots
          {editing.changed ? ', without the edit you had not saved here: it is below, to copy what you want to keep.' : '.'}
        </Notice>
        {/* Deleted in another panel while this one edited it: the edit was in no snapshot, and its draft went with the note. */}
        {editing.changed && (
          <>
            <label class="field">
              <span>Your unsaved edit</span>
              <textarea readOnly value={editing.values.note} data-testid="deleted-edit" />
            </label>
            <div class="toolbar">
              <button type="button" class="button" onClick={() => void editing.cancel()} data-testid="deleted-edit-discard">
                Discard my edit
              </button>
            </div>
          </>
        )}
      </div>
    );
  }

  const known = !editing.editing && newest && checked?.key === newest.key ? checked : null;
  const strayDraft = known && !known.open ? newest : null;
  const write = async (action: () => Promise<unknown>) => {
    try {
      await action();
      notifyNotesChanged();
    } catch (e) {
      throw new Error(describeWriteError(e));
    }
  };

  return (
    <article data-testid="note-screen" data-note-id={record.id} data-rev={record.rev}>
      <PaperHeader model={headerModel(record, page)} onPopOut={onPopOut} />
      {failure && <Notice kind="error">{failure}</Notice>}
      {fuzzy && page && !readOnly && (
        <MatchNotice
          noteTitle={record.title}
          onConfirm={() => run(() => write(async () => (await confirmMatch(db, record.id, page), await applySelections(db, page.key, record.id))))}
          onReject={() => run(() => write(() => rejectMatch(db, record.id, page)))}
        />
      )}
      {page && !!waiting.length && !readOnly && (
        <WaitingSelections
          selections={waiting}
          addedBy={fuzzy ? 'Confirm adds' : undefined}
          onAdd={fuzzy ? undefined : () => run(() => write(() => applySelections(db, page.key, record.id)))}
          onDiscard={() => run(() => dropSelections(page.key))}
        />
      )}
      {record.catalogPending && !editing.editing && !readOnly && (
        <Suspense fallback={busy}>
          <CatalogUpdate
            mine={catalogText(record)}
            theirs={acceptedText(record)!}
            onAccept={() => run(() => write(() => acceptCatalogUpdate(db, record.id)))}
            onDismiss={() => run(() => write(() => dismissCatalogUpdate(db, record.id)))}
          />
        </Suspense>
      )}
      {record.catalogRemoved && (
        <Notice kind="warn" testId="catalog-removed">
          This paper is no longer in the reading-notes catalog. Your edited note is kept.
        </Notice>
      )}
      {record.summary && !editing.editing && (
        <p class="summary" data-testid="note-summary">
          {record.summary}
        </p>
      )}
      {strayDraft && !readOnly && (
        <Notice
          kind="warn"
          testId="draft-notice"
          actions={
            <button type="button" class="button primary" onClick={() => editing.start(strayDraft)} data-testid="resume-draft">
              Resume editing
            </button>
          }
        >
          You have an unsaved edit of this note from {new Date(strayDraft.updatedAt).toLocaleString()}.
        </Notice>
      )}
      {known?.open && !readOnly && (
        <Notice testId="editing-elsewhere">This note is being edited in another panel: its edit is saved from there.</Notice>
      )}
      {editing.editing ? (
        <Suspense fallback={busy}>
          <NoteEditor
            value={editing.values}
            onChange={editing.change}
            onSave={editing.save}
            onCancel={editing.cancel}
            changed={editing.changed}
            saving={editing.saving}
            conflict={editing.conflict ? { savedAt: editing.conflict.updatedAt, onMerge: editing.merge, onReload: editing.reload } : undefined}
            mergeWarning={editing.mergeWarning}
            error={editing.error}
          />
        </Suspense>
      ) : (
        <>
          <div class="toolbar">
            {!readOnly && (
              <button type="button" class="button" ref={editButton} onClick={() => editing.start()} data-testid="edit-note-button">
                Edit note
              </button>
            )}
            <NotePageActions
              makePage={async () => {
                const { fileName, notePage } = await exportPages();
                return { fileName: fileName(record.title, 'md'), markdown: notePage(record, venue) };
              }}
              copy={(text) => navigator.clipboard.writeText(text)}
              save={(page) => download(page.fileName, page.markdown, 'text/markdown')}
            />
            <span class="spacer" />
            <span class="small muted">{record.origin === 'catalog' ? 'From the reading-notes catalog' : 'Your note'}</span>
          </div>
          <Markdown markdown={record.note} />
          {!readOnly && <QuickAdd onAdd={(text) => write(() => addBullet(db, record.id, bulletText(text)))} />}
          {info && <VenueInfo info={info} />}
          {!readOnly && <DeleteNote unsaved={!!newest} onDelete={() => write(() => deletePaper(db, record.id))} />}
        </>
      )}
    </article>
  );
}

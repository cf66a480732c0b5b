import { useContext, useState } from 'preact/hooks';
import { ReadOnly } from '@/components/read-only';
import { CreateNote } from '@/components/CreateNote';
import { Notice } from '@/components/Notice';
import { PaperHeader } from '@/components/PaperHeader';
import { WaitingSelections } from '@/components/WaitingSelections';
import { findPaper, type Match } from '@/lib/db/lookup';
import { createFromPage } from '@/lib/db/matching';
import type { PaperNotesDB } from '@/lib/db/schema';
import { headerModel } from '@/lib/notes/header';
import type { DetectedPaper } from '@/lib/paper';
import { notifyNotesChanged } from '@/lib/runtime/notify';
import { applySelections, dropSelections } from '@/lib/runtime/pending-selection';
import { describeWriteError } from '@/lib/notes/write-errors';
import { useFailure } from '@/components/use-failure';
import { useLive } from '@/components/use-live';
import { useWaitingSelections } from '../use-waiting-selections';
import { NoteScreen } from './NoteScreen';

export interface PageScreenProps {
  db: PaperNotesDB;
  paper: DetectedPaper;
  /**
   * The worker's lookup for the tab (null: no note), shown at once: the panel's own lookup waits for
   * the database to open, and replaces it when done. Undefined when the worker has none.
   */
  known?: Match | null;
  onPopOut?: () => void;
}

/** The current tab's paper: its note, or what the page says and "Create note". */
export function PageScreen({ db, paper, known, onPopOut }: PageScreenProps) {
  const match = useLive(() => findPaper(db, paper), [paper.key, paper.title, paper.url], known === undefined ? undefined : { value: known });
  const waiting = useWaitingSelections(paper.key);
  const [failure, run] = useFailure((message) => `The selection was not discarded: ${message}.`);
  const readOnly = useContext(ReadOnly);
  // The note whose editor holds unsaved changes: deleted meanwhile (in another panel), its screen
  // stays, to show the edit that went with it, until the user has copied or discarded it.
  const [editedId, setEditedId] = useState<string | null>(null);
  if (match.loading) return <div aria-busy="true" />;
  if (match.error) return <Notice kind="error">Notes could not be searched: {match.error.message}</Notice>;
  if (match.value || editedId) {
    const shown = match.value ?? null;
    const id = shown?.record.id ?? editedId!;
    // Keyed by note: another note is a new screen, with nothing left of this one's state.
    return (
      <NoteScreen
        key={id}
        db={db}
        id={id}
        initial={shown?.record}
        // Held after the page stopped matching it (deleted, or "Not this paper"): not the page's note.
        page={shown ? paper : undefined}
        fuzzy={shown?.by === 'fuzzy'}
        waiting={shown ? waiting : undefined}
        onPopOut={onPopOut}
        onChanged={(changed) => setEditedId((was) => (changed ? id : was === id ? null : was))}
      />
    );
  }
  const create = async () => {
    try {
      const created = await createFromPage(db, paper);
      await applySelections(db, paper.key, created.id);
      notifyNotesChanged();
    } catch (e) {
      throw new Error(describeWriteError(e));
    }
  };
  return (
    <>
      <PaperHeader model={headerModel(undefined, paper)} onPopOut={onPopOut} />
      {failure && <Notice kind="error">{failure}</Notice>}
      {!!waiting.length && !readOnly && <WaitingSelections selections={waiting} addedBy="Create note adds" onDiscard={() => run(() => dropSelections(paper.key))} />}
      {!readOnly && <CreateNote onCreate={create} />}
    </>
  );
}

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { EditValues } from '@/components/NoteEditor';
import { adoptDraft, dropDraft, saveDraft } from '@/lib/db/drafts';
import { ConflictError, overwritesChange, savePaper, type EditBase } from '@/lib/db/notes';
import type { DraftRecord, PaperFields, PaperRecord } from '@/lib/db/records';
import type { PaperNotesDB } from '@/lib/db/schema';
import { describeWriteError } from '@/lib/notes/write-errors';
import { notifyNotesChanged } from '@/lib/runtime/notify';
import { holdEditor } from '@/lib/runtime/panel-editors';

interface Session {
  values: EditValues;
  baseRev: number;
  baseNote: string;
  /** Absent when resumed from a draft kept before they were recorded. */
  baseSummary?: string;
  baseTags?: string[];
}

/** What a draft keeps of a session. */
const draftOf = (paperId: string, session: Session) => ({
  paperId,
  ...session.values,
  baseRev: session.baseRev,
  baseNote: session.baseNote,
  baseSummary: session.baseSummary,
  baseTags: session.baseTags,
});

/** Whether a session holds anything its base does not: only then is there a draft to keep. */
const changed = (session: Session) =>
  session.values.note !== session.baseNote ||
  session.values.summary !== (session.baseSummary ?? '') ||
  session.values.tags.join('\n') !== (session.baseTags ?? []).join('\n');

/** A session begun from the record as it is. */
const sessionOf = (record: PaperRecord): Session => ({
  values: { note: record.note, summary: record.summary, tags: record.tags },
  baseRev: record.rev,
  baseNote: record.note,
  baseSummary: record.summary,
  baseTags: record.tags,
});

/** The fields an edit writes. */
const EDITED: (keyof PaperFields)[] = ['note', 'summary', 'tags'];

/** What a session started from: a newer revision is a conflict only if it changed what the edit writes. */
const baseOf = (session: Session): EditBase => ({
  rev: session.baseRev,
  fields: {
    note: session.baseNote,
    ...(session.baseSummary !== undefined && { summary: session.baseSummary }),
    ...(session.baseTags !== undefined && { tags: session.baseTags }),
  },
});

export interface NoteEditing {
  editing: boolean;
  /** The edit differs from what it started from: leaving it loses something. */
  changed: boolean;
  values: EditValues;
  saving: boolean;
  conflict: PaperRecord | null;
  mergeWarning?: string;
  error?: string;
  start: (from?: DraftRecord) => Promise<void>;
  change: (values: EditValues) => void;
  save: () => Promise<void>;
  cancel: () => Promise<void>;
  merge: () => Promise<void>;
  reload: () => Promise<void>;
}

const DRAFT_DELAY_MS = 300;

/**
 * Editing one note: the edit lives in this panel and, a moment after each keystroke, in a draft
 * of this panel's own; a save names the revision it started from, so a save made elsewhere in
 * the meantime turns into a conflict to merge or reload, never into a silent overwrite.
 */
export function useNoteEditing(db: PaperNotesDB, record: PaperRecord | undefined): NoteEditing {
  const editorId = useMemo(() => crypto.randomUUID(), []);
  const [session, setSession] = useState<Session | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<PaperRecord | null>(null);
  const [mergeWarning, setMergeWarning] = useState<string>();
  const [error, setError] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  /** The draft write waiting for its delay, if any. */
  const pending = useRef<(() => void) | null>(null);
  const latest = useRef<Session | null>(null);
  latest.current = session;
  /** The note's id, still known once the note is deleted (in another panel) while it is edited here. */
  const paperId = useRef(record?.id);
  paperId.current = record?.id ?? paperId.current;

  const persist = (next: Session) => {
    if (!record) return;
    clearTimeout(timer.current);
    pending.current = null;
    // An edit typed back to where it began leaves no draft to resume.
    if (!changed(next)) {
      void dropDraft(db, record.id, editorId);
      return;
    }
    const write = () => {
      pending.current = null;
      saveDraft(db, editorId, draftOf(record.id, next)).catch((e) =>
        setError(`Your draft could not be kept: ${describeWriteError(e)}. Keep this panel open and save.`),
      );
    };
    pending.current = write;
    timer.current = setTimeout(write, DRAFT_DELAY_MS);
  };

  // Other panels tell this editor's draft, while it is open, from one left behind.
  useEffect(() => (session ? holdEditor(editorId) : undefined), [!!session]);

  // Leaving the note (the library, another tab's paper) writes a pending draft at once.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      pending.current?.();
    },
    [],
  );
  useEffect(() => {
    const flush = () => {
      const current = latest.current;
      if (current && record && changed(current)) void saveDraft(db, editorId, draftOf(record.id, current));
    };
    addEventListener('pagehide', flush);
    return () => removeEventListener('pagehide', flush);
  }, [record?.id]);

  // A save in another panel shows up here at once, not only when this panel saves: a conflict
  // when this edit changed something, else the editor simply shows the newer version.
  useEffect(() => {
    if (!session || !record || saving || conflict || !overwritesChange(record, baseOf(session), EDITED)) return;
    if (changed(session)) setConflict(record);
    else setSession(sessionOf(record));
  }, [record?.rev, session?.baseRev, saving]);

  const finish = async () => {
    clearTimeout(timer.current);
    pending.current = null;
    if (paperId.current) await dropDraft(db, paperId.current, editorId);
    setSession(null);
    setConflict(null);
    setMergeWarning(undefined);
    setError(undefined);
  };

  return {
    editing: !!session,
    changed: !!session && changed(session),
    values: session?.values ?? { note: record?.note ?? '', summary: record?.summary ?? '', tags: record?.tags ?? [] },
    saving,
    conflict,
    mergeWarning,
    error,

    async start(from) {
      if (!record) return;
      if (from) {
        const draft = await adoptDraft(db, from, editorId);
        const resumed: Session = {
          values: { note: draft.note, summary: draft.summary, tags: draft.tags },
          baseRev: draft.baseRev,
          baseNote: draft.baseNote,
          baseSummary: draft.baseSummary,
          baseTags: draft.baseTags,
        };
        setSession(resumed);
        if (overwritesChange(record, baseOf(resumed), EDITED)) setConflict(record);
        return;
      }
      setSession(sessionOf(record));
    },

    change(values) {
      if (!session) return;
      const next = { ...session, values };
      setSession(next);
      persist(next);
    },

    async save() {
      if (!session || !record) return;
      setSaving(true);
      setError(undefined);
      try {
        await savePaper(db, record.id, session.values, baseOf(session));
        await finish();
        notifyNotesChanged();
      } catch (e) {
        if (e instanceof ConflictError) setConflict(e.current);
        else setError(`Not saved: ${describeWriteError(e)}. Your edit is still here.`);
      } finally {
        setSaving(false);
      }
    },

    async cancel() {
      await finish();
    },

    async merge() {
      if (!session || !conflict) return;
      // The three-way merge is loaded only when a conflict needs it.
      const { mergeEdit } = await import('@/lib/notes/merge');
      const merged = mergeEdit({ note: session.baseNote, summary: session.baseSummary, tags: session.baseTags }, session.values, conflict);
      const next = { values: merged.values, baseRev: conflict.rev, baseNote: conflict.note, baseSummary: conflict.summary, baseTags: conflict.tags };
      setSession(next);
      persist(next);
      setConflict(null);
      const summary = merged.summaryKept ? ` Both changed the summary: yours is kept (the other reads “${conflict.summary}”).` : '';
      setMergeWarning(
        (merged.clean
          ? 'Merged: your edit now includes the version saved elsewhere. Check it, then save.'
          : 'Both versions changed the same lines: both are kept, between <<<<<<< and >>>>>>> lines. Choose, then save.') + summary,
      );
    },

    async reload() {
      await finish();
    },
  };
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { ImportPreview } from '@/components/ImportPreview';
import { SnapshotList } from '@/components/SnapshotList';
import { Notice } from '@/components/Notice';
import { toBackup } from '@/lib/backup/json';
import { listSnapshots, restoreSnapshot } from '@/lib/db/snapshots';
import { exportSingleMarkdown, exportZip } from '@/lib/export/files';
import { readForExport } from '@/lib/export/read';
import { applyImport, StalePlanError, type ImportResult, type Resolution } from '@/lib/import/apply';
import { planImport, type ImportPlan } from '@/lib/import/plan';
import { readImportFiles, type ImportFile, type ReadImport } from '@/lib/import/sources';
import { readLibrary } from '@/lib/library/from-db';
import { describeWriteError } from '@/lib/notes/write-errors';
import { ensureCatalog } from '@/lib/runtime/catalog';
import { databaseProblem, getDb } from '@/lib/runtime/db';
import { download } from '@/lib/runtime/download';
import { notifyNotesChanged } from '@/lib/runtime/notify';
import { fromDrop, fromFileList } from '@/lib/runtime/picked-files';
import { useLive } from '@/components/use-live';
import { useFocusOnSwap } from '@/components/use-focus-on-swap';

type State =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'preview'; plan: ImportPlan; read: ReadImport }
  | { step: 'applying'; plan: ImportPlan; read: ReadImport }
  | { step: 'done'; result: ImportResult };

const today = () => new Date().toISOString().slice(0, 10);

/** Export the library (GitBook .zip, one Markdown file, JSON backup) and import into it. */
export function App() {
  const db = getDb();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [resolutions, setResolutions] = useState(new Map<number, Resolution>());
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [dragging, setDragging] = useState(false);
  const snapshots = useLive(() => listSnapshots(db), []);
  const [restoring, setRestoring] = useState(false);
  const [restored, setRestored] = useState<string | null>(null);
  // Firefox gives extension pages in private browsing no database: say so, rather than letting
  // every export and import fail with the database's own error.
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    databaseProblem(db).then(setProblem);
  }, []);

  const restore = async (id: number) => {
    if (!confirm('Put the notes this change touched back as they were before it? Notes it added are removed. This restore can itself be undone from here.')) return;
    setRestoring(true);
    setError(null);
    try {
      const result = await restoreSnapshot(db, id);
      notifyNotesChanged();
      setRestored(`Restored ${result.restored} notes and removed ${result.removed}.`);
    } catch (e) {
      setError(`Nothing was restored: ${describeWriteError(e)}.`);
    } finally {
      setRestoring(false);
    }
  };

  const exportAs = async (kind: 'zip' | 'md' | 'json') => {
    setExporting(true);
    setError(null);
    try {
      if (kind === 'json') {
        download(`paper-notes-backup-${today()}.json`, JSON.stringify(toBackup(await readLibrary(db))), 'application/json');
      } else {
        const { library, ahead } = await readForExport(db);
        if (kind === 'zip') download(`paper-notes-${today()}.zip`, exportZip(library, ahead) as Uint8Array<ArrayBuffer>, 'application/zip');
        else download(`paper-notes-${today()}.md`, exportSingleMarkdown(library, ahead), 'text/markdown');
      }
    } catch (e) {
      setError(`Export failed: ${(e as Error).message}`);
    } finally {
      setExporting(false);
    }
  };

  // One pick at a time: picks and drops wait (`busy`) while a preview is read or an import runs.
  const preview = async (files: Promise<ImportFile[]>) => {
    setState({ step: 'reading' });
    setError(null);
    setResolutions(new Map());
    setSkipInvalid(false);
    try {
      const picked = await files;
      if (!picked.length) throw new Error('nothing was picked');
      // Right after an install or update the worker may still be applying the bundled catalog: the
      // preview waits for it (a sync that lands between preview and import makes the plan stale).
      await ensureCatalog(db);
      const read = readImportFiles(picked);
      setState({ step: 'preview', plan: await planImport(db, read), read });
    } catch (e) {
      setError(`The files could not be read: ${(e as Error).message}`);
      setState({ step: 'idle' });
    }
  };
  const busy = state.step === 'reading' || state.step === 'applying' || !!problem;
  const filesInput = useRef<HTMLInputElement>(null);
  const chooseFiles = useRef<HTMLButtonElement>(null);
  // Cancel and Import take the preview, and the focus with it, away: focus goes back to where an import starts.
  useFocusOnSwap(chooseFiles, state.step === 'preview' || state.step === 'applying');
  const folderInput = useRef<HTMLInputElement>(null);
  // The input is emptied once read, so that picking the same file again (after fixing it, or to
  // preview again) is a change too.
  const picked = (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) void preview(fromFileList(files));
  };

  const apply = async (plan: ImportPlan, read: ReadImport) => {
    setState({ step: 'applying', plan, read });
    // A retry that succeeds must not leave the last attempt's "Nothing was imported" on screen.
    setError(null);
    try {
      const result = await applyImport(db, plan, resolutions);
      notifyNotesChanged();
      setState({ step: 'done', result });
    } catch (e) {
      // The same files, compared again with the notes as they are now: importing the old preview
      // would only fail again. Choices for conflicts stay with their papers (items keep their order).
      const fresh = e instanceof StalePlanError ? await planImport(db, read).catch(() => null) : null;
      setState({ step: 'preview', plan: fresh ?? plan, read });
      setError(
        fresh
          ? 'Nothing was imported: your notes changed since the preview (a note was saved, added or deleted). The preview below is made again from the same files: check it, then import.'
          : `Nothing was imported: ${describeWriteError(e)}.`,
      );
    }
  };

  return (
    <main class="panel options">
      <h1>Paper Notes</h1>
      {problem && (
        <Notice kind="error" testId="database-problem">
          {problem}
        </Notice>
      )}
      {error && (
        <Notice kind="error" testId="options-error">
          {error}
        </Notice>
      )}

      <section>
        <h2>Export</h2>
        <p class="small muted">Your notes leave the browser only as files you save.</p>
        <div class="toolbar">
          <button type="button" class="button" disabled={exporting || !!problem} onClick={() => exportAs('zip')} data-testid="export-zip">
            GitBook folder (.zip)
          </button>
          <button type="button" class="button" disabled={exporting || !!problem} onClick={() => exportAs('md')} data-testid="export-md">
            One Markdown file
          </button>
          <button type="button" class="button" disabled={exporting || !!problem} onClick={() => exportAs('json')} data-testid="export-json">
            JSON backup
          </button>
        </div>
      </section>

      <section>
        <h2>Import</h2>
        <p class="small muted">A GitBook folder or .md files, a .zip of them, or a JSON backup. You see what changes before anything is written.</p>
        <div
          class={`drop ${dragging ? 'over' : ''}`}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            if (e.dataTransfer && !busy) void preview(fromDrop(e.dataTransfer));
          }}
        >
          Drop a folder or files here, or{' '}
          <button ref={chooseFiles} type="button" class="button" disabled={busy} onClick={() => filesInput.current?.click()} data-testid="choose-files">
            choose files
          </button>{' '}
          <button type="button" class="button" disabled={busy} onClick={() => folderInput.current?.click()} data-testid="choose-folder">
            choose a folder
          </button>
          <input ref={filesInput} type="file" multiple accept=".md,.markdown,.zip,.json" hidden data-testid="import-files" onChange={(e) => picked(e.currentTarget)} />
          <input
            type="file"
            hidden
            data-testid="import-folder"
            ref={(el) => {
              folderInput.current = el;
              el?.setAttribute('webkitdirectory', '');
            }}
            onChange={(e) => picked(e.currentTarget)}
          />
        </div>
        {state.step === 'reading' && <p aria-busy="true">Reading…</p>}
        {(state.step === 'preview' || state.step === 'applying') && (
          <ImportPreview
            plan={state.plan}
            resolutions={resolutions}
            onResolve={(index, r) => setResolutions(new Map(resolutions).set(index, r))}
            skipInvalid={skipInvalid}
            onSkipInvalid={setSkipInvalid}
            onApply={() => apply(state.plan, state.read)}
            onCancel={() => setState({ step: 'idle' })}
            busy={state.step === 'applying'}
          />
        )}
        {state.step === 'done' && (
          <Notice kind="info" testId="import-done">
            Imported: {state.result.added} new, {state.result.updated} updated, {state.result.kept} of your notes kept as they were
            {state.result.removed > 0 && `, ${state.result.removed} deleted as in the backup`}.
          </Notice>
        )}
      </section>

      <section>
        <h2>Snapshots</h2>
        <p class="small muted">Before each catalog sync, import and deletion, the notes it changes are kept; the last five can be restored.</p>
        {restored && <Notice testId="restored">{restored}</Notice>}
        {!snapshots.loading && !snapshots.error && <SnapshotList snapshots={snapshots.value} onRestore={restore} busy={restoring} />}
      </section>
    </main>
  );
}

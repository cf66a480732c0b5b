import { useEffect, useState } from 'preact/hooks';

/** A note as a per-paper Markdown page. */
export interface NotePage {
  fileName: string;
  markdown: string;
}

export interface NotePageActionsProps {
  /** Writes the page (the writer is loaded on first use, so this can fail). */
  makePage: () => Promise<NotePage>;
  copy: (text: string) => Promise<void>;
  save: (page: NotePage) => void;
}

/** An error's message as the end of a sentence of ours. */
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\.+$/, '');

/** Copy and download of the note as a page, each saying what happened. */
export function NotePageActions({ makePage, copy, save }: NotePageActionsProps) {
  const [done, setDone] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(''), 4000);
    return () => clearTimeout(timer);
  }, [done]);

  const run = (action: (page: NotePage) => Promise<string> | string, failed: string) => async () => {
    setBusy(true);
    setDone('');
    setError('');
    try {
      let page: NotePage;
      try {
        page = await makePage();
      } catch (e) {
        setError(`The page could not be written (${reason(e)}). Reload the panel and try again.`);
        return;
      }
      try {
        setDone(await action(page));
      } catch (e) {
        setError(`${failed}: ${reason(e)}.`);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        class="button"
        data-testid="copy-markdown"
        title="Copy this note as a per-paper Markdown page"
        disabled={busy}
        onClick={run(async (page) => {
          await copy(page.markdown);
          return 'Copied as Markdown.';
        }, 'Not copied')}
      >
        Copy Markdown
      </button>
      <button
        type="button"
        class="button"
        data-testid="download-page"
        disabled={busy}
        onClick={run((page) => {
          save(page);
          return `Saving ${page.fileName}.`;
        }, 'Not saved')}
      >
        Download .md
      </button>
      {/* Always present, so that screen readers announce what is written into it. */}
      <span class="small" role="status" data-testid="page-action-done">
        {done}
      </span>
      {error && (
        <span class="small" role="alert" data-testid="page-action-error">
          {error}
        </span>
      )}
    </>
  );
}

import { useEffect, useState } from 'preact/hooks';

/** A note as a per-paper Markdown page. */
export interface NotePage {
  fileName: string;
  markdown: string;
}

export interface NotePageActionsProps {
  /** Writes the page (the writer may be loaded on first use, so this can fail). */
  makePage: () => Promise<NotePage>;
  copy: (text: string) => Promise<void>;
  save: (page: NotePage) => void;
}

type Outcome = { ok: true; text: string } | { ok: false; text: string };

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Copy and download of the note as a page, each saying what happened. */
export function NotePageActions({ makePage, copy, save }: NotePageActionsProps) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useEffect(() => {
    if (!outcome?.ok) return;
    const timer = setTimeout(() => setOutcome(null), 4000);
    return () => clearTimeout(timer);
  }, [outcome]);

  const run = (action: (page: NotePage) => Promise<string> | string, failed: string) => async () => {
    let page: NotePage;
    try {
      page = await makePage();
    } catch (e) {
      // Only if the extension was updated or removed while this panel was open.
      setOutcome({ ok: false, text: `The page could not be written (${reason(e)}). Reload the panel and try again.` });
      return;
    }
    try {
      setOutcome({ ok: true, text: await action(page) });
    } catch (e) {
      setOutcome({ ok: false, text: `${failed}: ${reason(e)}.` });
    }
  };

  return (
    <>
      <button
        type="button"
        class="button"
        data-testid="copy-markdown"
        title="Copy this note as a per-paper Markdown page"
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
        onClick={run((page) => {
          save(page);
          return `Saving ${page.fileName}.`;
        }, 'Not saved')}
      >
        Download .md
      </button>
      {outcome && (
        <span class="small" role={outcome.ok ? 'status' : 'alert'} data-testid="page-action-outcome">
          {outcome.text}
        </span>
      )}
    </>
  );
}

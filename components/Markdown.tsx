import { useMemo } from 'preact/hooks';
import { createRenderer, type Rendered } from '@/lib/markdown/render';

let render: ((markdown: string) => Rendered) | undefined;

export interface MarkdownProps {
  /** The Markdown to show; rendered with marked, then sanitised with DOMPurify. */
  markdown: string;
  /** Shown when the Markdown is empty. */
  empty?: string;
  testId?: string;
}

/** The one place Markdown reaches the DOM: marked, then DOMPurify, then `innerHTML`. */
export function Markdown({ markdown, empty = 'No notes yet.', testId = 'note-body' }: MarkdownProps) {
  const rendered = useMemo(() => {
    render ??= createRenderer(window);
    return markdown.trim() ? render(markdown) : null;
  }, [markdown]);
  if (!rendered) return <p class="note note-empty">{empty}</p>;
  if ('plain' in rendered) {
    return (
      <div class="note">
        <p class="notice warn">{rendered.reason}</p>
        <pre>{rendered.plain}</pre>
      </div>
    );
  }
  return <div class="note" data-testid={testId} dangerouslySetInnerHTML={{ __html: rendered.html }} />;
}

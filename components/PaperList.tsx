import { useRef, useState } from 'preact/hooks';
import type { PaperRecord } from '@/lib/db/records';
import { useFocusAdded } from './use-focus-added';

export interface PaperListProps {
  papers: PaperRecord[];
  /** Opens a paper's note. */
  onOpen: (id: string) => void;
  /** Which field to show under each title. */
  detail?: 'venue' | 'topic';
  /** A paper to have among those shown however far down it is (the one opened last). */
  reveal?: string | null;
  /** How many to show at first (as many as the list showed before, say). */
  startShown?: number;
  /** Told how many are shown after Show more. */
  onShow?: (shown: number) => void;
}

/** Papers shown at a time: a venue of thousands (arXiv) would otherwise be built all at once, and again at each change. */
export const LIST_PAGE = 200;

/** Papers as a list of titles that open their notes, a page at a time. */
export function PaperList({ papers, onOpen, detail = 'topic', reveal, startShown = LIST_PAGE, onShow }: PaperListProps) {
  const [shown, setShown] = useState(() => {
    const at = reveal ? papers.findIndex((paper) => paper.id === reveal) : -1;
    return Math.max(startShown, Math.ceil((at + 1) / LIST_PAGE) * LIST_PAGE);
  });
  const list = useRef<HTMLUListElement>(null);
  const focusAdded = useFocusAdded(list, '[data-testid=open-paper]', Math.min(shown, papers.length));
  if (!papers.length) return <p class="small muted">No papers.</p>;
  const rest = papers.length - shown;
  return (
    <>
      <ul class="results" ref={list}>
        {papers.slice(0, shown).map((paper) => (
          <li key={paper.id}>
            <button type="button" class="link-button" onClick={() => onOpen(paper.id)} data-testid="open-paper" data-paper={paper.id}>
              {paper.title}
            </button>
            <div class="meta">
              {[detail === 'venue' ? paper.venue : paper.topic, paper.note.trim() ? '' : 'no note text'].filter(Boolean).join(' · ')}
            </div>
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <button
          type="button"
          class="link-button small"
          onClick={() => {
            focusAdded(shown);
            setShown(shown + LIST_PAGE);
            onShow?.(shown + LIST_PAGE);
          }}
          data-testid="more-papers"
        >
          Show {Math.min(rest, LIST_PAGE).toLocaleString('en')} more of {papers.length.toLocaleString('en')}
        </button>
      )}
    </>
  );
}

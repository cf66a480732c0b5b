import type { PaperRecord } from '@/lib/db/records';

export interface PaperListProps {
  papers: PaperRecord[];
  /** Opens a paper's note. */
  onOpen: (id: string) => void;
  /** Which field to show under each title. */
  detail?: 'venue' | 'topic';
}

/** Papers as a list of titles that open their notes. */
export function PaperList({ papers, onOpen, detail = 'topic' }: PaperListProps) {
  if (!papers.length) return <p class="small muted">No papers.</p>;
  return (
    <ul class="results">
      {papers.map((paper) => (
        <li key={paper.id}>
          <button type="button" class="link-button" onClick={() => onOpen(paper.id)} data-testid="open-paper">
            {paper.title}
          </button>
          <div class="meta">
            {[detail === 'venue' ? paper.venue : paper.topic, paper.note.trim() ? '' : 'no note text'].filter(Boolean).join(' · ')}
          </div>
        </li>
      ))}
    </ul>
  );
}

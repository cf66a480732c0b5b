import type { DetectedPaper } from '@/lib/paper';
import { paperLinks, venueLine } from '@/lib/paper-links';

export interface PaperHeaderProps {
  /** The paper the tab shows, as detected. */
  paper: DetectedPaper;
  /** Opens this panel pinned to the tab in a window of its own; absent when already pinned. */
  onPopOut?: () => void;
}

const IDENTIFIER_LABELS: [keyof DetectedPaper, string][] = [
  ['arxivId', 'arXiv'],
  ['usenixKey', 'USENIX'],
  ['doi', 'DOI'],
];

/** Title, authors, venue, identifiers and links of the detected paper. */
export function PaperHeader({ paper, onPopOut }: PaperHeaderProps) {
  const venue = venueLine(paper);
  return (
    <header class="paper" data-testid="paper-header" data-paper-key={paper.key}>
      <div class="paper-kicker">
        {venue && <span data-testid="paper-venue">{venue}</span>}
        {paper.kind === 'pdf' && <span class="chip">PDF</span>}
        {onPopOut && (
          <button type="button" class="link-button" onClick={onPopOut} title="Open this panel in its own window">
            Pop out
          </button>
        )}
      </div>
      <h1 data-testid="paper-title">{paper.title ?? paper.arxivId ?? paper.usenixKey}</h1>
      {!!paper.authors?.length && <p class="authors" data-testid="paper-authors">{paper.authors.join(', ')}</p>}
      <dl class="identifiers">
        {IDENTIFIER_LABELS.filter(([field]) => paper[field]).map(([field, label]) => (
          <div key={field}>
            <dt>{label}</dt>
            <dd data-testid={`id-${field}`}>
              {String(paper[field])}
              {field === 'arxivId' && paper.version ? ` (v${paper.version})` : ''}
            </dd>
          </div>
        ))}
      </dl>
      <nav class="links" aria-label="Paper links">
        {paperLinks(paper).map((link) => (
          <a key={link.url} href={link.url} target="_blank" rel="noopener noreferrer">
            {link.label}
          </a>
        ))}
      </nav>
    </header>
  );
}

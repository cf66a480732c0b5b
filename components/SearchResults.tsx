import type { PaperRecord } from '@/lib/db/records';
import { snippet } from '@/lib/search/highlight';
import { Highlight } from './Highlight';

export interface SearchResultsProps {
  hits: PaperRecord[];
  total: number;
  tokens: string[];
  onOpen: (id: string) => void;
}

/** Search hits with the query's words marked in title, details and an excerpt of the note. */
export function SearchResults({ hits, total, tokens, onOpen }: SearchResultsProps) {
  if (!hits.length) return <p class="small muted" data-testid="search-empty">No paper matches.</p>;
  return (
    <>
      <p class="small muted" data-testid="search-count">
        {total === hits.length ? `${total} papers` : `${hits.length} of ${total} papers`}
      </p>
      <ul class="results" data-testid="search-results">
        {hits.map((paper) => {
          const details = [paper.venue, paper.topic, paper.authors.slice(0, 3).join(', '), paper.tags.map((t) => `#${t}`).join(' ')]
            .filter(Boolean)
            .join(' · ');
          const excerpt = paper.summary || paper.note ? snippet(`${paper.summary} ${paper.note}`, tokens) : '';
          return (
            <li key={paper.id}>
              <button type="button" class="link-button" onClick={() => onOpen(paper.id)} data-testid="search-hit">
                <Highlight text={paper.title} tokens={tokens} />
              </button>
              <div class="meta">
                <Highlight text={details} tokens={tokens} />
              </div>
              {excerpt && (
                <div class="snippet">
                  <Highlight text={excerpt} tokens={tokens} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

import { useRef } from 'preact/hooks';
import type { PaperRecord } from '@/lib/db/records';
import { hitDetails } from '@/lib/search/hit-details';
import { snippet } from '@/lib/search/highlight';
import { Highlight } from './Highlight';
import { useFocusAdded } from './use-focus-added';

export interface SearchResultsProps {
  hits: PaperRecord[];
  total: number;
  tokens: string[];
  onOpen: (id: string) => void;
  /** Asks for more hits, where fewer are shown than match (offered as Show more). */
  onMore?: () => void;
}

const count = (n: number) => n.toLocaleString('en');

/** What a search found, as said above its hits: "1 paper", "50 of 10,000 papers". */
export function searchCount(shown: number, total: number): string {
  const papers = `${count(total)} ${total === 1 ? 'paper' : 'papers'}`;
  return shown < total ? `${count(shown)} of ${papers}` : papers;
}

/** Search hits with the query's words marked in title, details and an excerpt of the note. */
export function SearchResults({ hits, total, tokens, onOpen, onMore }: SearchResultsProps) {
  const list = useRef<HTMLUListElement>(null);
  const focusAdded = useFocusAdded(list, '[data-testid=search-hit]', hits.length);
  if (!hits.length) return null;
  return (
    <>
      <ul class="results" data-testid="search-results" ref={list}>
        {hits.map((paper) => {
          const details = hitDetails(paper, tokens);
          const excerpt = paper.summary || paper.note ? snippet(`${paper.summary} ${paper.note}`, tokens) : '';
          return (
            <li key={paper.id}>
              <button type="button" class="link-button" onClick={() => onOpen(paper.id)} data-testid="search-hit" data-paper={paper.id}>
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
      {onMore && hits.length < total && (
        <button
          type="button"
          class="link-button small"
          onClick={() => {
            focusAdded(hits.length);
            onMore();
          }}
          data-testid="search-more"
        >
          Show more ({count(total - hits.length)} not shown)
        </button>
      )}
    </>
  );
}

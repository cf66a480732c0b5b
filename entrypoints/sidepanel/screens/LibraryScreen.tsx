import { useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { PaperList } from '@/components/PaperList';
import { SearchResults } from '@/components/SearchResults';
import { GROUP_LABELS, listTopics, listVenues, papersInTopic, papersInVenue, type VenueSummary } from '@/lib/db/library';
import type { PaperNotesDB } from '@/lib/db/schema';
import { download } from '@/lib/runtime/download';
import { searchPapers } from '@/lib/db/search';
import { useFailure } from '@/components/use-failure';
import { useLive } from '@/components/use-live';

export interface LibraryScreenProps {
  db: PaperNotesDB;
  onOpen: (id: string) => void;
}

type Browse = 'venue' | 'topic';

/** Every note: searched, or browsed by venue (newest first) and by topic, as the reading-notes site does. */
export function LibraryScreen({ db, onOpen }: LibraryScreenProps) {
  const [query, setQuery] = useState('');
  const [browse, setBrowse] = useState<Browse>('venue');
  return (
    <section data-testid="library">
      <div class="search">
        <input
          type="search"
          placeholder="Search titles, authors, venues, topics, tags and notes"
          aria-label="Search notes"
          data-testid="search"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      {query.trim() ? (
        <Search db={db} query={query} onOpen={onOpen} />
      ) : (
        <>
          <div class="tabs" role="tablist">
            {(['venue', 'topic'] as const).map((b) => (
              <button key={b} type="button" role="tab" aria-selected={browse === b} onClick={() => setBrowse(b)}>
                {b === 'venue' ? 'By venue' : 'By topic'}
              </button>
            ))}
          </div>
          {browse === 'venue' ? <Venues db={db} onOpen={onOpen} /> : <Topics db={db} onOpen={onOpen} />}
        </>
      )}
    </section>
  );
}

function Search({ db, query, onOpen }: { db: PaperNotesDB; query: string; onOpen: (id: string) => void }) {
  const result = useLive(() => searchPapers(db, query), [query]);
  if (result.loading) return <div aria-busy="true" />;
  if (result.error) return <Notice kind="error">Search failed: {result.error.message}</Notice>;
  return <SearchResults {...result.value} onOpen={onOpen} />;
}

function Venues({ db, onOpen }: { db: PaperNotesDB; onOpen: (id: string) => void }) {
  const venues = useLive(() => listVenues(db), []);
  if (venues.loading) return <div aria-busy="true" />;
  if (venues.error) return <Notice kind="error">{venues.error.message}</Notice>;
  const groups = Object.entries(GROUP_LABELS).map(([group, label]) => ({ label, venues: venues.value.filter((v) => v.group === group) }));
  return (
    <div data-testid="venues">
      {groups
        .filter((g) => g.venues.length)
        .map((g) => (
          <div key={g.label}>
            <h2 class="small muted">{g.label}</h2>
            {g.venues.map((venue) => (
              <Venue key={venue.label} db={db} venue={venue} onOpen={onOpen} />
            ))}
          </div>
        ))}
      {!venues.value.length && <p class="muted">No notes yet. Open a paper on arXiv or USENIX to write the first one.</p>}
    </div>
  );
}

function Venue({ db, venue, onOpen }: { db: PaperNotesDB; venue: VenueSummary; onOpen: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const [failure, run] = useFailure((message) => `Not downloaded: ${message}.`);
  return (
    <details class="group" onToggle={(e) => setOpen(e.currentTarget.open)} data-venue={venue.label}>
      <summary>
        {venue.label} <span class="muted small">({venue.count})</span>
      </summary>
      {open && (
        <>
          <button
            type="button"
            class="link-button small"
            data-testid="download-venue"
            title="Its conference page; a .zip with the pages of notes that need their own"
            onClick={() =>
              run(async () => {
                // The writers (and the zip) are loaded on first use.
                const { venueDownload } = await import('@/lib/export/pages');
                const file = venueDownload(await db.venues.get(venue.label), venue.label, await papersInVenue(db, venue.label));
                download(file.fileName, file.contents, file.type);
              })
            }
          >
            Download as a conference page
          </button>
          {failure && <Notice kind="error">{failure}</Notice>}
          <Papers load={() => papersInVenue(db, venue.label)} deps={[venue.label]} onOpen={onOpen} detail="topic" />
        </>
      )}
    </details>
  );
}

function Topics({ db, onOpen }: { db: PaperNotesDB; onOpen: (id: string) => void }) {
  const topics = useLive(() => listTopics(db), []);
  if (topics.loading) return <div aria-busy="true" />;
  if (topics.error) return <Notice kind="error">{topics.error.message}</Notice>;
  return (
    <div data-testid="topics">
      {topics.value.map(({ topic, count }) => (
        <TopicGroup key={topic} db={db} topic={topic} count={count} onOpen={onOpen} />
      ))}
    </div>
  );
}

function TopicGroup({ db, topic, count, onOpen }: { db: PaperNotesDB; topic: string; count: number; onOpen: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="group" onToggle={(e) => setOpen(e.currentTarget.open)} data-topic={topic}>
      <summary>
        {topic.split('/').join(' › ')} <span class="muted small">({count})</span>
      </summary>
      {open && <Papers load={() => papersInTopic(db, topic)} deps={[topic]} onOpen={onOpen} detail="venue" />}
    </details>
  );
}

function Papers(props: { load: () => ReturnType<typeof papersInVenue>; deps: unknown[]; onOpen: (id: string) => void; detail: 'venue' | 'topic' }) {
  const papers = useLive(props.load, props.deps);
  if (papers.loading) return <div aria-busy="true" />;
  if (papers.error) return <Notice kind="error">{papers.error.message}</Notice>;
  return <PaperList papers={papers.value} onOpen={props.onOpen} detail={props.detail} />;
}

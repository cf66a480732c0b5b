import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { TabList, tabPanel, type Tab } from '@/components/TabList';
import { PaperList } from '@/components/PaperList';
import { searchCount, SearchResults } from '@/components/SearchResults';
import { NO_VENUE } from '@/lib/search/facets';
import { GROUP_LABELS, listTags, listTopics, listVenues, papersInTopic, papersInVenue, papersWithTag, type VenueSummary } from '@/lib/db/library';
import type { PaperNotesDB } from '@/lib/db/schema';
import { download } from '@/lib/runtime/download';
import { SEARCH_PAGE, searchPapers, type SearchResult } from '@/lib/db/search';
import { MAX_QUERY_TOKENS } from '@/lib/search/tokens';
import { useFailure } from '@/components/use-failure';
import { useLive, type Live } from '@/components/use-live';

export interface LibraryScreenProps {
  db: PaperNotesDB;
  onOpen: (id: string) => void;
}

type Browse = 'venue' | 'topic' | 'tag';
const BROWSE_TABS: Tab<Browse>[] = [
  { key: 'venue', label: 'By venue', testId: 'browse-venue' },
  { key: 'topic', label: 'By topic', testId: 'browse-topic' },
  { key: 'tag', label: 'By tag', testId: 'browse-tag' },
];

/** Search hits asked for at a time. */
const HITS_PAGE = SEARCH_PAGE;

/**
 * What the library shows, kept while a note opened from it is shown in its place (the screen is
 * unmounted): the query, the tab, the groups open, and the paper opened, to come back to.
 */
interface LibraryView {
  query: string;
  browse: Browse;
  /** How many search hits are asked for. */
  limit: number;
  /** The groups open: `venue:OSDI 2024`, `topic:…`, `tag:…`. */
  open: Set<string>;
  /** How many papers a group shows, where Show more was asked for. */
  shown: Map<string, number>;
  /** The paper last opened, and how far down the viewport its button stood. */
  opened: { id: string; top: number } | null;
}

/** One per database (the panel has one; each test its own), for as long as the panel is open. */
const views = new WeakMap<PaperNotesDB, LibraryView>();

function viewOf(db: PaperNotesDB): LibraryView {
  let view = views.get(db);
  if (!view) views.set(db, (view = { query: '', browse: 'venue', limit: HITS_PAGE, open: new Set(), shown: new Map(), opened: null }));
  return view;
}

/** The button that opens a paper's note, in a list or the search results. */
const paperButton = (root: Element, id: string) => [...root.querySelectorAll<HTMLElement>('[data-paper]')].find((button) => button.dataset.paper === id);

/** Every note: searched, or browsed by venue (newest first), by topic, as the reading-notes site does, and by tag. */
export function LibraryScreen({ db, onOpen }: LibraryScreenProps) {
  const view = viewOf(db);
  const [query, setQuery] = useState(view.query);
  const [browse, setBrowse] = useState<Browse>(view.browse);
  const [limit, setLimit] = useState(view.limit);
  const section = useRef<HTMLElement>(null);
  const searching = !!query.trim();
  // Each result with the query it answers: while the next is read, the last one stays on screen.
  const result = useLive(() => searchPapers(db, query, limit).then((found) => ({ ...found, query })), [query, limit]);
  view.query = query;
  view.browse = browse;
  view.limit = limit;

  // Back from a note: the paper's button where it stood, once its list has loaded, and focused
  // (the note's ← Library button went with the note).
  useLayoutEffect(() => {
    const root = section.current;
    if (!root || !view.opened) return;
    const restore = () => {
      const opened = view.opened;
      const button = opened && paperButton(root, opened.id);
      if (!opened || !button) return !opened;
      view.opened = null;
      // Unless the focus is elsewhere: on the panel's Library tab, reached with the arrow keys.
      const active = document.activeElement;
      if (!active || active === document.body || root.contains(active)) button.focus({ preventScroll: true });
      window.scrollBy(0, button.getBoundingClientRect().top - opened.top);
      return true;
    };
    if (restore()) return;
    const observer = new MutationObserver(() => restore() && observer.disconnect());
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);

  const open = (id: string) => {
    const button = section.current && paperButton(section.current, id);
    view.opened = { id, top: button?.getBoundingClientRect().top ?? 0 };
    onOpen(id);
  };
  return (
    <section data-testid="library" ref={section}>
      <h1 class="visually-hidden">Library</h1>
      <div class="search">
        <input
          type="search"
          placeholder="Search titles, authors, venues, topics, tags and notes"
          aria-label="Search notes"
          data-testid="search"
          value={query}
          onInput={(e) => {
            view.opened = null;
            setQuery(e.currentTarget.value);
            setLimit(HITS_PAGE);
          }}
        />
      </div>
      {/* Always there, so that screen readers announce what a query finds as it changes. */}
      <div role="status" class="small muted" data-testid="search-status">
        {searching && <SearchStatus result={result} />}
      </div>
      {searching ? (
        <Search result={result} onOpen={open} onMore={() => setLimit((n) => n + HITS_PAGE)} />
      ) : (
        <>
          <div class="tabs">
            <TabList
              id="browse"
              label="Browse the library"
              tabs={BROWSE_TABS}
              selected={browse}
              onSelect={(key) => {
                view.opened = null;
                setBrowse(key);
              }}
            />
          </div>
          <div {...tabPanel('browse', browse)}>
            {browse === 'venue' ? <Venues db={db} onOpen={open} /> : browse === 'topic' ? <Topics db={db} onOpen={open} /> : <Tags db={db} onOpen={open} />}
          </div>
        </>
      )}
    </section>
  );
}

type Answer = Live<SearchResult & { query: string }>;

function SearchStatus({ result }: { result: Answer }) {
  // Nothing to say before the first answer (the last one is the browsing's empty query).
  if (result.loading || result.error || !result.value.query.trim()) return null;
  const { hits, total, tokens, unsearched } = result.value;
  if (!tokens.length) return <span data-testid="search-empty">Type a word of two letters or more.</span>;
  return (
    <>
      {total ? <span data-testid="search-count">{searchCount(hits.length, total)}</span> : <span data-testid="search-empty">No paper matches.</span>}
      {unsearched.length > 0 && (
        <span data-testid="search-unsearched">
          {' '}
          Only the first {MAX_QUERY_TOKENS} words are searched: not{' '}
          {unsearched.length > 3 ? `the ${unsearched.length.toLocaleString('en')} after them` : unsearched.join(', ')}.
        </span>
      )}
    </>
  );
}

function Search({ result, onOpen, onMore }: { result: Answer; onOpen: (id: string) => void; onMore: () => void }) {
  if (result.loading || (!result.error && !result.value.query.trim())) return <div aria-busy="true" />;
  if (result.error) return <Notice kind="error">Search failed: {result.error.message}</Notice>;
  return <SearchResults hits={result.value.hits} total={result.value.total} tokens={result.value.tokens} onOpen={onOpen} onMore={onMore} />;
}

/**
 * Whether a group is open, kept in the library's view while a note is shown. A group opened or
 * closed by the user ends the wait for the paper opened last (gone from its group, say): listed in
 * the group just opened, it would take the focus from there.
 */
function useOpen(view: LibraryView, key: string): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(view.open.has(key));
  return [
    open,
    (now: boolean) => {
      if (now === open) return;
      view.opened = null;
      if (now) view.open.add(key);
      else view.open.delete(key);
      setOpen(now);
    },
  ];
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
  const [open, setOpen] = useOpen(viewOf(db), `venue:${venue.label}`);
  const [failure, run] = useFailure((message) => `Not downloaded: ${message}.`);
  return (
    <details class="group" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-venue={venue.label}>
      <summary>
        {venue.label || NO_VENUE} <span class="muted small">({venue.count.toLocaleString('en')})</span>
      </summary>
      {open && (
        <>
          {/* Papers without a venue have no conference page of their own. */}
          {venue.label && <button
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
          </button>}
          {failure && <Notice kind="error">{failure}</Notice>}
          <Papers db={db} id={`venue:${venue.label}`} load={() => papersInVenue(db, venue.label)} deps={[venue.label]} onOpen={onOpen} detail="topic" />
        </>
      )}
    </details>
  );
}

function Topics({ db, onOpen }: { db: PaperNotesDB; onOpen: (id: string) => void }) {
  const topics = useLive(() => listTopics(db), []);
  if (topics.loading) return <div aria-busy="true" />;
  if (topics.error) return <Notice kind="error">{topics.error.message}</Notice>;
  if (!topics.value.length) return <p class="muted" data-testid="topics">No note has a topic yet.</p>;
  return (
    <div data-testid="topics">
      {topics.value.map(({ topic, count }) => (
        <FacetGroup key={topic} db={db} id={`topic:${topic}`} value={topic} label={topic.split('/').join(' › ')} count={count} load={() => papersInTopic(db, topic)} deps={[topic]} onOpen={onOpen} detail="venue" />
      ))}
    </div>
  );
}

function Tags({ db, onOpen }: { db: PaperNotesDB; onOpen: (id: string) => void }) {
  const tags = useLive(() => listTags(db), []);
  if (tags.loading) return <div aria-busy="true" />;
  if (tags.error) return <Notice kind="error">{tags.error.message}</Notice>;
  if (!tags.value.length) return <p class="muted" data-testid="tags">No note has tags yet. Add them when you edit a note.</p>;
  return (
    <div data-testid="tags">
      {tags.value.map(({ tag, count }) => (
        // Keyed case ignored, as tags are listed: the spelling shown may change with the notes.
        <FacetGroup key={tag.toLowerCase()} db={db} id={`tag:${tag.toLowerCase()}`} value={tag} label={`#${tag}`} count={count} load={() => papersWithTag(db, tag)} deps={[tag]} onOpen={onOpen} detail="venue" />
      ))}
    </div>
  );
}

/** A topic or a tag: its papers read when it is opened. */
function FacetGroup(props: {
  db: PaperNotesDB;
  id: string;
  value: string;
  label: string;
  count: number;
  load: () => ReturnType<typeof papersInVenue>;
  deps: unknown[];
  onOpen: (id: string) => void;
  detail: 'venue';
}) {
  const [open, setOpen] = useOpen(viewOf(props.db), props.id);
  return (
    <details class="group" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-facet={props.value}>
      <summary>
        {props.label} <span class="muted small">({props.count.toLocaleString('en')})</span>
      </summary>
      {open && <Papers db={props.db} id={props.id} load={props.load} deps={props.deps} onOpen={props.onOpen} detail={props.detail} />}
    </details>
  );
}

/** A group's papers, as many shown as it showed before. */
function Papers(props: { db: PaperNotesDB; id: string; load: () => ReturnType<typeof papersInVenue>; deps: unknown[]; onOpen: (id: string) => void; detail: 'venue' | 'topic' }) {
  const papers = useLive(props.load, props.deps);
  if (papers.loading) return <div aria-busy="true" />;
  if (papers.error) return <Notice kind="error">{papers.error.message}</Notice>;
  const view = viewOf(props.db);
  return (
    <PaperList
      papers={papers.value}
      onOpen={props.onOpen}
      detail={props.detail}
      reveal={view.opened?.id}
      startShown={view.shown.get(props.id)}
      onShow={(shown) => view.shown.set(props.id, shown)}
    />
  );
}

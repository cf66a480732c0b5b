import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import { closeTitleKeys, prefixKey } from '../match/title';
import { indexedTerms } from '../notes/derive';
import { postingsOf, rebuildTerms, replacePostings, shelfPages, storePages, TERMS_VERSION, TERMS_VERSION_KEY } from './reindex';
import { newShelves, SHELF, shelve, type ShelfRow, type ShelfTable } from './shelves';
import { TermChanges, type IndexedTerms, type TermRow } from '../search/terms';
import type { DraftRecord, MetaRecord, PaperRecord, TopicRecord, VenueRecord } from './records';
import type { SnapshotRecord } from './snapshots';

/**
 * Schema versions, oldest first. Append a version for every change; never edit one that has
 * shipped: browsers hold databases at each of them. Every upgrade has a test that opens a
 * database made at the version before, with data in it.
 */
export const SCHEMA_VERSIONS: { version: number; stores: Record<string, string | null>; upgrade?: (tx: Transaction) => Promise<void> }[] = [
  {
    version: 1,
    stores: {
      papers: '&id, titleKey, prefixKey, *titleWords, venue, topic, updatedAt, arxivId, usenixKey, doi, *urls, *searchTokens',
      venues: '&label, group',
      topics: '&path',
      drafts: '&key, paperId',
      meta: '&key',
    },
  },
  {
    // The bundled catalog: its records are found by catalog id at each sync.
    version: 2,
    stores: {
      papers: '&id, titleKey, prefixKey, *titleWords, venue, topic, updatedAt, arxivId, usenixKey, doi, *urls, *searchTokens, catalogId',
    },
  },
  {
    // Full-text and title-word search move from multi-entry indexes (one index entry per word of
    // every note, too slow to write in bulk) to postings rows keyed by term; papers get a number.
    version: 3,
    stores: {
      papers: '&id, titleKey, prefixKey, venue, topic, updatedAt, arxivId, usenixKey, doi, *urls, catalogId, &seq',
      terms: '&k',
    },
    upgrade: async (tx) => {
      const papers = tx.table<PaperRecord, string>('papers');
      const changes = new TermChanges();
      let seq = 0;
      const numbered = (await papers.toArray()).map((record) => {
        const next = { ...record, seq: seq++ };
        changes.change(next.seq, null, record as PaperRecord & IndexedTerms);
        return next;
      });
      await papers.bulkPut(numbered);
      await tx.table<TermRow, string>('terms').bulkPut(changes.apply([]).filter((row): row is TermRow => !!row));
      await tx.table('meta').put({ key: 'seq', value: seq });
    },
  },
  {
    // Words are no longer stored in each record (half its size) but derived at each write, and
    // full-text rows group terms by three letters: the postings are rebuilt from the fields.
    version: 4,
    stores: {},
    upgrade: async (tx) => {
      const papers = tx.table<PaperRecord & Partial<IndexedTerms>, string>('papers');
      const terms = tx.table<TermRow, string>('terms');
      const changes = new TermChanges();
      const stripped = (await papers.toArray()).map(({ searchTokens, titleWords, ...record }) => {
        void searchTokens, titleWords;
        if (record.seq !== undefined) changes.change(record.seq, null, indexedTerms(record));
        return record;
      });
      await papers.bulkPut(stripped);
      await terms.clear();
      await terms.bulkPut(changes.apply([]).filter((row): row is TermRow => !!row));
      await tx.table('meta').put({ key: TERMS_VERSION_KEY, value: TERMS_VERSION });
    },
  },
  {
    // Before each catalog sync and import, the records it changes are kept, the last five.
    version: 5,
    stores: { snapshots: '++id, createdAt' },
  },
  {
    // Close titles are found in one index read of keys derived from each title, instead of by
    // counting shared title words in the postings (which grew with the library).
    version: 6,
    stores: {
      papers: '&id, titleKey, prefixKey, venue, topic, updatedAt, arxivId, usenixKey, doi, *urls, catalogId, &seq, *closeKeys',
    },
    upgrade: async (tx) => {
      await tx
        .table<PaperRecord, string>('papers')
        .toCollection()
        .modify((record: PaperRecord & { closeKeys?: unknown }) => {
          record.closeKeys = closeTitleKeys(record.titleKey);
        });
    },
  },
  {
    // Close-title keys move from a multi-entry index (ten index entries per paper, each a write of
    // its own in a bulk import) to postings rows, three keys per paper.
    version: 7,
    stores: {
      papers: '&id, titleKey, prefixKey, venue, topic, updatedAt, arxivId, usenixKey, doi, *urls, catalogId, &seq',
    },
    upgrade: async (tx) => {
      const papers = tx.table<PaperRecord & { closeKeys?: unknown }, string>('papers');
      const stripped = (await papers.toArray()).map(({ closeKeys, ...record }) => {
        void closeKeys;
        return record;
      });
      await papers.bulkPut(stripped);
      await replacePostings(tx.table('terms'), tx.table('meta'), postingsOf(stripped));
    },
  },
  {
    // Truncated titles are keyed by their first three words, not four: a title cut after three
    // words, or within its fourth, is found too. Only records with a truncated title have one.
    version: 8,
    stores: {},
    upgrade: async (tx) => {
      await tx
        .table<PaperRecord, string>('papers')
        .where('prefixKey')
        .above('')
        .modify((record: PaperRecord & { prefixKey?: string }) => {
          if (record.titlePrefix) record.prefixKey = prefixKey(record.titlePrefix);
        });
    },
  },
  {
    // Venue, topic and catalog link move from indexes of the papers store (an index entry per paper
    // each, a third of a bulk write's time) to facet postings; `updatedAt` had no reader left.
    version: 9,
    stores: {
      papers: '&id, titleKey, prefixKey, arxivId, usenixKey, doi, *urls, &seq',
    },
    upgrade: async (tx) => {
      await rebuildTerms({ terms: tx.table('terms'), meta: tx.table('meta') }, storePages(tx.table('papers')));
    },
  },
  {
    // The keys a paper is looked up by (arXiv id, USENIX key, DOI, URLs, title, truncated title)
    // move from indexes of the papers store to hashed key postings (`lib/match/keys.ts`): five index
    // entries or more per paper, each a write of its own in a bulk write. Only the numbers stay.
    version: 10,
    stores: {
      papers: '&id, &seq',
    },
    upgrade: async (tx) => {
      await rebuildTerms({ terms: tx.table('terms'), meta: tx.table('meta') }, storePages(tx.table('papers')));
    },
  },
  {
    // Papers move to shelves, `SHELF` to a stored row by number (`lib/db/shelves.ts`): a bulk
    // write's cost is its number of puts. A paper is found by id through the key postings ("i").
    version: 11,
    stores: { shelves: '&n' },
    upgrade: async (tx) => {
      const papers = tx.table<PaperRecord, string>('papers');
      const shelves = tx.table<ShelfRow, number>('shelves');
      const meta = tx.table<MetaRecord, string>('meta');
      const last = (await papers.orderBy('seq').last())?.seq ?? -1;
      // A page of whole shelves at a time: 50,000 notes are ~65 MB.
      const page = SHELF * 64;
      let copied = 0;
      for (let from = 0; from <= last; from += page) {
        const numbered = await papers.where('seq').between(from, from + page, true, false).toArray();
        copied += numbered.length;
        await shelves.bulkAdd(newShelves(numbered));
      }
      // The next number stays past every paper's: a shelf is written whole, and a number given
      // twice would put a new paper over one kept there.
      let next = Math.max(((await meta.get('seq'))?.value as number | undefined) ?? 0, last + 1);
      // A paper with no number (none is known since schema 3 numbered them) is numbered, not left behind.
      if (copied < (await papers.count())) {
        const unnumbered = await papers.filter((record) => record.seq === undefined).toArray();
        await shelve(shelves, unnumbered.map((record) => ({ ...record, seq: next++ })), [], Infinity);
      }
      await meta.put({ key: 'seq', value: next });
      await rebuildTerms({ terms: tx.table('terms'), meta }, shelfPages(shelves));
    },
  },
  {
    // The papers store, emptied into the shelves by version 11.
    version: 12,
    stores: { papers: null },
  },
];

export const DB_NAME = 'paper-notes';

export class PaperNotesDB extends Dexie {
  shelves!: ShelfTable;
  venues!: EntityTable<VenueRecord, 'label'>;
  topics!: EntityTable<TopicRecord, 'path'>;
  drafts!: EntityTable<DraftRecord, 'key'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  terms!: EntityTable<TermRow, 'k'>;
  snapshots!: EntityTable<SnapshotRecord, 'id'>;

  /** `upTo` opens the schema as it was at an older version: for migration tests only. */
  constructor(name = DB_NAME, options?: DexieOptions & { upTo?: number }) {
    super(name, options);
    for (const step of SCHEMA_VERSIONS) {
      if (options?.upTo !== undefined && step.version > options.upTo) break;
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}

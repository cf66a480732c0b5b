import type { CatalogText } from '../catalog/types';

/** A link as our notes write it: `\[[Paper](url)]`. An empty URL is a marker whose address is unknown. */
export interface Link {
  label: string;
  url: string;
}

/** Where a record came from: the bundled catalog, the user (created or imported). */
export type Origin = 'catalog' | 'user';

/** What a paper record says: the fields a user, the catalog or an import decide. */
export interface PaperFields {
  title: string;
  /** Venue label, as our notes write it: "OSDI 2024", "arXiv 2023". */
  venue: string;
  year: number | null;
  /** The section the paper sits in, e.g. "Large Language Models (LLMs)". */
  topic: string;
  authors: string[];
  /** One line, as our notes write it: "MSR India & GaTech". */
  affiliations: string;
  tags: string[];
  links: Link[];
  award: string;
  /** arXiv id without version. */
  arxivId?: string;
  /** `osdi24/agrawal`. */
  usenixKey?: string;
  doi?: string;
  /** Every page URL seen for the paper, normalised (no query, fragment or version). */
  urls: string[];
  /** The note, in Markdown. */
  note: string;
  /** A one-line summary. */
  summary: string;
  /** Place on its venue's page (catalog and imports keep page order); absent for notes made here. */
  position?: number;
}

/** Fields kept so that a record is found and compared fast; always derived from `PaperFields`. */
export interface PaperIndexFields {
  titleKey: string;
  /** For titles truncated with "...": the prefix, normalised. */
  titlePrefix?: string;
}

export interface PaperRecord extends PaperFields, PaperIndexFields {
  id: string;
  /** The paper's number in the search postings (schema 3); given by the first write. */
  seq?: number;
  createdAt: number;
  updatedAt: number;
  /** Incremented by every write; a save names the revision it started from. */
  rev: number;
  origin: Origin;
  /** Page keys (`arxiv:…`) the user said are not this paper, so a title match is not proposed again. */
  rejected?: string[];
  /** For records of the bundled catalog (schema 2): the catalog's id for the paper. */
  catalogId?: string;
  /** The catalog text this record was based on: the base of the three-way merge at each sync. */
  catalogBase?: CatalogVersion;
  /** A newer catalog text the user has not taken yet (both sides changed): "catalog update available". */
  catalogPending?: Required<CatalogVersion>;
  /** The catalog dropped this paper; kept because the user had edited it. */
  catalogRemoved?: boolean;
}

/** One version of a catalog record's text; `fields` is left out while the record's text is that version's. */
export interface CatalogVersion {
  hash: string;
  fields?: CatalogText;
}

export type VenueGroup = 'conference' | 'journal' | 'misc';

export interface VenueRecord {
  /** "OSDI 2024", "IEEE Transactions on Cloud Computing 2021", "arXiv 2024". */
  label: string;
  /** "OSDI", "IEEE Transactions on Cloud Computing", "arXiv". */
  name: string;
  year: number | null;
  group: VenueGroup;
  homepage: string;
  paperList: string;
  /** As our notes write it: "19.2% (= 53 / 276)". */
  acceptanceRate: string;
  /** The page's References section, in Markdown. */
  references: string;
  /** Place in the navigation (catalog and imports keep it); absent for venues made here. */
  position?: number;
  /** The details as the catalog last gave them: a catalog update changes only those still so. */
  catalogBase?: VenueDetails;
}

/** A venue's details: what the catalog gives, and what an import may fill in. */
export const VENUE_DETAILS = ['homepage', 'paperList', 'acceptanceRate', 'references'] as const;
export type VenueDetails = Pick<VenueRecord, (typeof VENUE_DETAILS)[number]>;

/** A topic: a section of a conference page or a paper-list category ("Systems for ML/Model Serving"). */
export interface TopicRecord {
  path: string;
  name: string;
  parent: string;
  /** Place in the navigation. */
  position?: number;
}

/**
 * An unsaved edit, kept beside the saved record so that closing the panel loses nothing. Each
 * editor (panel) has its own, so that two panels editing one note never overwrite each other.
 */
export interface DraftRecord {
  /** `<paper id>|<editor id>`. */
  key: string;
  paperId: string;
  note: string;
  summary: string;
  tags: string[];
  /** The revision the edit started from. */
  baseRev: number;
  /** The note text at that revision: the base of a three-way merge. */
  baseNote: string;
  /** The summary and tags at that revision (absent from drafts kept before they were recorded). */
  baseSummary?: string;
  baseTags?: string[];
  updatedAt: number;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

import { MAX_CHARS } from '../notes/limits';
import type { CatalogVersion, Link, Origin, PaperFields, TopicRecord, VenueDetails, VenueGroup, VenueRecord } from '../db/records';
import type { CatalogText } from '../catalog/types';
import type { LibraryData } from '../library/types';
import { normaliseDoi } from '../notes/identifiers';

export const BACKUP_FORMAT = 'paper-notes-backup';
export const BACKUP_VERSION = 1;

/** One paper in a backup: its fields, plus what a restore needs to put it back as it was. */
export interface BackupPaper extends PaperFields {
  id?: string;
  origin?: Origin;
  createdAt?: number;
  updatedAt?: number;
  catalogId?: string;
  catalogBase?: CatalogVersion;
}

/** The JSON backup, version 1 (documented in the README). */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  venues: VenueRecord[];
  topics: TopicRecord[];
  papers: BackupPaper[];
  /** Catalog papers the user deleted: a restore elsewhere does not bring them back. Absent when none. */
  deletedCatalogIds?: string[];
}

export function toBackup(library: LibraryData & { papers: BackupPaper[] }, now = new Date()): Backup {
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), venues: library.venues, topics: library.topics, papers: library.papers };
  if (library.deletedCatalogIds?.length) backup.deletedCatalogIds = library.deletedCatalogIds;
  return backup;
}

/** A backup that cannot be read, with the reason in words (and where). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const GROUPS: VenueGroup[] = ['conference', 'journal', 'misc'];

function text(value: unknown, where: string, max: number = MAX_CHARS.note): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new BackupError(`${where} must be text`);
  if (value.length > max) throw new BackupError(`${where} is longer than ${max} characters`);
  return value;
}

/**
 * Text of a one-line field (a title, a tag): line breaks, which no form of ours can type and the
 * GitBook pages cannot hold there, folded into spaces.
 */
function line(value: unknown, where: string, max: number): string {
  return text(value, where, max).replace(/[ \t]*[\r\n\u2028\u2029]+[ \t]*/g, ' ');
}

function texts(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new BackupError(`${where} must be a list`);
  return value.map((v, i) => line(v, `${where}[${i}]`, MAX_CHARS.item));
}

function year(value: unknown, where: string): number | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1000 || value > 9999) throw new BackupError(`${where} must be a year`);
  return value;
}

function links(value: unknown, where: string): Link[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new BackupError(`${where} must be a list`);
  return value.map((l, i) => {
    if (!isObject(l)) throw new BackupError(`${where}[${i}] must be {label, url}`);
    return { label: line(l.label, `${where}[${i}].label`, MAX_CHARS.linkLabel), url: line(l.url, `${where}[${i}].url`, MAX_CHARS.linkUrl) };
  });
}

const normalisedDoi = (doi: string | undefined) => (doi ? normaliseDoi(doi) || undefined : undefined);

function optional(value: unknown, where: string): string | undefined {
  const t = line(value, where, MAX_CHARS.id);
  return t || undefined;
}

/** The fields a catalog version of a paper says (`catalogText`), read and checked. */
function readCatalogText(raw: Record<string, unknown>, at: string): CatalogText {
  const fields: CatalogText = {
    title: line(raw.title, `${at}.title`, MAX_CHARS.title).trim(),
    venue: line(raw.venue, `${at}.venue`, MAX_CHARS.venue),
    year: year(raw.year, `${at}.year`),
    topic: line(raw.topic, `${at}.topic`, MAX_CHARS.topic),
    authors: texts(raw.authors, `${at}.authors`),
    affiliations: line(raw.affiliations, `${at}.affiliations`, MAX_CHARS.affiliations),
    tags: texts(raw.tags, `${at}.tags`),
    links: links(raw.links, `${at}.links`),
    award: line(raw.award, `${at}.award`, MAX_CHARS.award),
    note: text(raw.note, `${at}.note`),
    summary: line(raw.summary, `${at}.summary`, MAX_CHARS.summary),
  };
  if (typeof raw.position === 'number' && Number.isFinite(raw.position)) fields.position = raw.position;
  return fields;
}

/**
 * The catalog version a record was based on: without it, a restored catalog note could not be
 * told from the catalog's text, and the next catalog sync would take it for untouched.
 */
function readCatalogBase(raw: unknown, at: string): CatalogVersion {
  if (!isObject(raw)) throw new BackupError(`${at} must be an object`);
  const hash = text(raw.hash, `${at}.hash`, 200);
  if (!hash) throw new BackupError(`${at} has no hash`);
  if (raw.fields === undefined) return { hash };
  if (!isObject(raw.fields)) throw new BackupError(`${at}.fields must be an object`);
  return { hash, fields: readCatalogText(raw.fields, `${at}.fields`) };
}

function readPaper(raw: unknown, i: number): BackupPaper {
  const at = `papers[${i}]`;
  if (!isObject(raw)) throw new BackupError(`${at} must be an object`);
  const fields = readCatalogText(raw, at);
  if (!fields.title) throw new BackupError(`${at} has no title`);
  const paper: BackupPaper = {
    ...fields,
    arxivId: optional(raw.arxivId, `${at}.arxivId`),
    usenixKey: optional(raw.usenixKey, `${at}.usenixKey`),
    // As every other way in stores it, so that lookups by a page's DOI find it.
    doi: normalisedDoi(optional(raw.doi, `${at}.doi`)),
    urls: texts(raw.urls, `${at}.urls`),
  };
  if (raw.id !== undefined) paper.id = text(raw.id, `${at}.id`, 300);
  if (raw.origin === 'catalog' || raw.origin === 'user') paper.origin = raw.origin;
  if (typeof raw.createdAt === 'number') paper.createdAt = raw.createdAt;
  if (typeof raw.updatedAt === 'number') paper.updatedAt = raw.updatedAt;
  if (raw.catalogId !== undefined) paper.catalogId = text(raw.catalogId, `${at}.catalogId`, 300);
  if (raw.catalogBase !== undefined) paper.catalogBase = readCatalogBase(raw.catalogBase, `${at}.catalogBase`);
  return paper;
}

function readVenue(raw: unknown, i: number): VenueRecord {
  const at = `venues[${i}]`;
  if (!isObject(raw)) throw new BackupError(`${at} must be an object`);
  const label = line(raw.label, `${at}.label`, 500).trim();
  if (!label) throw new BackupError(`${at} has no label`);
  const group = GROUPS.includes(raw.group as VenueGroup) ? (raw.group as VenueGroup) : 'conference';
  const venue: VenueRecord = {
    label,
    name: line(raw.name, `${at}.name`, 500) || label,
    year: year(raw.year, `${at}.year`),
    group,
    ...venueDetails(raw, at),
  };
  if (typeof raw.position === 'number') venue.position = raw.position;
  if (raw.catalogBase !== undefined) venue.catalogBase = readVenueDetails(raw.catalogBase, `${at}.catalogBase`);
  return venue;
}

/** A venue's details, read and checked: its own, or what the catalog last gave it (`catalogBase`). */
function venueDetails(raw: Record<string, unknown>, at: string): VenueDetails {
  return {
    homepage: line(raw.homepage, `${at}.homepage`, 4000),
    paperList: line(raw.paperList, `${at}.paperList`, 4000),
    acceptanceRate: line(raw.acceptanceRate, `${at}.acceptanceRate`, 500),
    references: text(raw.references, `${at}.references`),
  };
}

function readVenueDetails(raw: unknown, at: string): VenueDetails {
  if (!isObject(raw)) throw new BackupError(`${at} must be an object`);
  return venueDetails(raw, at);
}

function readTopic(raw: unknown, i: number): TopicRecord {
  const at = `topics[${i}]`;
  if (!isObject(raw)) throw new BackupError(`${at} must be an object`);
  const path = line(raw.path, `${at}.path`, 1000).trim();
  if (!path) throw new BackupError(`${at} has no path`);
  const topic: TopicRecord = { path, name: line(raw.name, `${at}.name`, 500) || path.split('/').at(-1)!, parent: line(raw.parent, `${at}.parent`, 1000) };
  if (typeof raw.position === 'number') topic.position = raw.position;
  return topic;
}

/**
 * Reads a JSON backup, checking every field: an unknown format or version, a malformed field or
 * two papers with one id is an error naming the place, and nothing is returned.
 */
export function parseBackup(source: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    throw new BackupError(`not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(raw) || raw.format !== BACKUP_FORMAT) throw new BackupError(`not a Paper Notes backup (no "format": "${BACKUP_FORMAT}")`);
  if (raw.version !== BACKUP_VERSION) {
    throw new BackupError(`backup version ${JSON.stringify(raw.version)} is not one this version of Paper Notes reads (it reads version ${BACKUP_VERSION}); update the extension`);
  }
  if (!Array.isArray(raw.papers)) throw new BackupError('"papers" must be a list');
  const papers = raw.papers.map(readPaper);
  const ids = new Set<string>();
  papers.forEach((p, i) => {
    if (!p.id) return;
    if (ids.has(p.id)) throw new BackupError(`papers[${i}] repeats the id ${p.id}`);
    ids.add(p.id);
  });
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: typeof raw.exportedAt === 'string' ? raw.exportedAt : '',
    venues: Array.isArray(raw.venues) ? raw.venues.map(readVenue) : [],
    topics: Array.isArray(raw.topics) ? raw.topics.map(readTopic) : [],
    papers,
  };
  if (raw.deletedCatalogIds !== undefined) {
    if (!Array.isArray(raw.deletedCatalogIds)) throw new BackupError('"deletedCatalogIds" must be a list');
    const deleted = raw.deletedCatalogIds.map((id, i) => line(id, `deletedCatalogIds[${i}]`, 300)).filter(Boolean);
    if (deleted.length) backup.deletedCatalogIds = [...new Set(deleted)];
  }
  return backup;
}

import { hashKey, KEY, paperKeys } from '../match/keys';
import { seqsOfTerms } from './postings';
import type { PaperRecord } from './records';
import type { PaperNotesDB } from './schema';
import { papersBySeq } from './shelves';
import { inTransaction } from './transaction-promise';

/**
 * The papers holding each of these exact keys (`paperKeys`), at most `each` per key: the key rows
 * of the postings, all read at once, then the papers they name, all at once. A hash two keys
 * share only proposes a paper; each is checked against the paper's own keys.
 */
export const papersWithKeys = inTransaction(async function papersWithKeys(db: PaperNotesDB, keys: string[], each: number): Promise<Map<string, PaperRecord[]>> {
  const byHash = new Map<string, string[]>();
  for (const key of new Set(keys)) {
    const hash = hashKey(key);
    byHash.set(hash, [...(byHash.get(hash) ?? []), key]);
  }
  const seqs = await seqsOfTerms(db, 'k', [...byHash.keys()], each);
  const records = new Map((await papersBySeq(db.shelves, [...new Set([...seqs.values()].flat())])).map((r) => [r.seq!, r]));
  const keysOf = new Map<PaperRecord, Set<string>>();
  const holds = (record: PaperRecord, key: string) => {
    let own = keysOf.get(record);
    if (!own) keysOf.set(record, (own = new Set(paperKeys(record))));
    return own.has(key);
  };
  const out = new Map<string, PaperRecord[]>();
  for (const [hash, numbers] of seqs) {
    const found = numbers.map((seq) => records.get(seq)).filter((r): r is PaperRecord => !!r);
    for (const key of byHash.get(hash)!) {
      const holding = found.filter((record) => holds(record, key));
      if (holding.length) out.set(key, holding);
    }
  }
  return out;
});

/** Papers read for one id's hash at most: only a hash two ids share puts a second one there. */
const PER_ID = 8;

/** The papers with these ids, in their order (undefined for an id no paper has): two rounds of reads. */
export const getPapers = inTransaction(async function getPapers(db: PaperNotesDB, ids: string[]): Promise<(PaperRecord | undefined)[]> {
  if (!ids.length) return [];
  const found = await papersWithKeys(db, ids.map((id) => KEY.id + id), PER_ID);
  return ids.map((id) => found.get(KEY.id + id)?.[0]);
});

export const getPaper = inTransaction(async function getPaper(db: PaperNotesDB, id: string): Promise<PaperRecord | undefined> {
  return (await getPapers(db, [id]))[0];
});

import type { Catalog } from '../../lib/catalog/types';
import { canonicalJson, contentHash } from '../../lib/catalog/hash';
import type { PaperFields, VenueRecord } from '../../lib/db/records';
import type { LibraryData } from '../../lib/library/types';
import { catalogRows } from '../../lib/catalog/rows';
import { emptyFields } from '../../lib/notes/derive';

/** A small deterministic PRNG (mulberry32), so that every run measures the same library. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONSONANTS = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'st', 'pr', 'tr', 'gr', 'sch'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ea', 'io'];
const VOCABULARY_SIZE = 30_000;

/**
 * A vocabulary of pseudo-words drawn from consonant-vowel syllables, used with Zipf frequencies
 * (a few words very common, most rare), as words are in real notes: so that the search index sees
 * the spread of word starts and the skew of word counts that real text has.
 */
const vocabulary = (() => {
  const rand = random(99);
  const seen = new Set<string>();
  while (seen.size < VOCABULARY_SIZE) {
    const syllables = 2 + Math.floor(rand() * 3);
    let word = '';
    for (let i = 0; i < syllables; i++) word += CONSONANTS[Math.floor(rand() * CONSONANTS.length)]! + VOWELS[Math.floor(rand() * VOWELS.length)]!;
    if (rand() < 0.3) word += CONSONANTS[Math.floor(rand() * 17)]!;
    seen.add(word);
  }
  const words = [...seen];
  let total = 0;
  const cumulative = words.map((_, rank) => (total += 1 / Math.pow(rank + 1, 1.07)));
  return { words, cumulative, total };
})();
const CONFERENCES = ['OSDI', 'NSDI', 'ATC', 'SOSP', 'EuroSys', 'ASPLOS', 'FAST', 'SIGCOMM', 'MLSys', 'SoCC', 'HotOS', 'ISCA', 'SC', 'VLDB', 'ICML', 'NeurIPS'];
const TOPICS = ['Large Language Models (LLMs)', 'Resource Allocation', 'Job Scheduling', 'Model Serving', 'Storage', 'Networking', 'Memory Disaggregation', 'Compilers'];
const NAMES = ['Amey', 'Ying', 'Hanyu', 'Zhenhua', 'Jörg', 'Lucía', 'Wei', 'Priya', 'Omar', 'Sofia', 'Chen', 'Rafael', 'Aiko', 'Noah'];
const SURNAMES = ['Agrawal', 'Sheng', 'Zhao', 'Han', 'Müller', 'García', 'Zhang', 'Patel', 'Haddad', 'Rossi', 'Li', 'Silva', 'Sato', 'Kim'];

/** `count` words drawn with Zipf frequencies from the vocabulary. */
export function words(rand: () => number, count: number): string[] {
  const { words: list, cumulative, total } = vocabulary;
  return Array.from({ length: count }, () => {
    const target = rand() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return list[low]!;
  });
}

const pick = <T>(rand: () => number, list: T[]) => list[Math.floor(rand() * list.length)]!;
const title = (rand: () => number, i: number) => {
  const w = words(rand, 5 + Math.floor(rand() * 6));
  return `${w[0]![0]!.toUpperCase()}${w[0]!.slice(1)}${i}: ${w.slice(1).join(' ')}`;
};

/** A library of `count` papers shaped like real reading notes: venues, topics, authors, bullets. */
export function generateLibrary(count: number, seed = 1): LibraryData {
  const rand = random(seed);
  const venues: VenueRecord[] = [];
  for (const name of CONFERENCES) {
    for (let year = 2010; year <= 2025; year++) {
      venues.push({ label: `${name} ${year}`, name, year, group: 'conference', homepage: '', paperList: '', acceptanceRate: '', references: '', position: venues.length });
    }
  }
  const papers: PaperFields[] = [];
  for (let i = 0; i < count; i++) {
    const venue = pick(rand, venues);
    const bullets = Array.from({ length: 3 + Math.floor(rand() * 8) }, () => `${rand() < 0.3 ? '  ' : ''}* ${words(rand, 6 + Math.floor(rand() * 10)).join(' ')}.`);
    bullets[0] = bullets[0]!.trimStart();
    papers.push(
      emptyFields({
        title: title(rand, i),
        venue: venue.label,
        year: venue.year,
        topic: pick(rand, TOPICS),
        authors: Array.from({ length: 2 + Math.floor(rand() * 5) }, () => `${pick(rand, NAMES)} ${pick(rand, SURNAMES)}`),
        affiliations: `${pick(rand, SURNAMES)} University & ${pick(rand, SURNAMES)} Labs`,
        tags: words(rand, Math.floor(rand() * 3)),
        links: [{ label: 'Paper', url: `https://example.org/papers/${i}` }],
        arxivId: rand() < 0.5 ? `${String(15 + Math.floor(rand() * 10)).padStart(2, '0')}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}.${String(i).padStart(5, '0')}` : undefined,
        note: bullets.join('\n') + '\n',
        summary: rand() < 0.3 ? words(rand, 10).join(' ') : '',
        position: i,
      }),
    );
  }
  return { venues, topics: TOPICS.map((path, i) => ({ path, name: path, parent: '', position: i })), papers };
}

/** A catalog of `count` generated records, as the build would emit it. */
export function generateCatalog(count: number, seed = 7): Catalog {
  const library = generateLibrary(count, seed);
  const papers = library.papers.map((fields, i) => ({ id: `cat:bench/${i}`, hash: contentHash(canonicalJson(fields)), fields }));
  const rows = catalogRows(papers);
  return { hash: contentHash(canonicalJson(papers.map((p) => [p.id, p.hash]))), papers, venues: library.venues, topics: library.topics, rows };
}

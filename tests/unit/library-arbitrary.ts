import fc from 'fast-check';
import type { Link, PaperFields, TopicRecord, VenueRecord } from '@/lib/db/records';
import type { LibraryData } from '@/lib/library/types';
import { normaliseTitle } from '@/lib/match/title';
import { emptyFields } from '@/lib/notes/derive';
import { identifiersFromLinks } from '@/lib/notes/identifiers';

const WORDS = [
  'Serving', 'LLM', 'Inference', 'Scheduling', 'GPU', 'Memory', 'Disaggregation', 'Café', 'Über', 'Σύστημα', '分布式', 'データ',
  'Kernel', 'KV-cache', 'Sparse', 'Mixture-of-Experts', 'RDMA', '+', 'C++', 'v2', 'Q&A', 'Snapshots', 'Déjà', '“Quoted”', 'x_y',
  // Typed as they are: GitBook writes spaces so, and they must come back as typed, not as spaces.
  '&nbsp;', 'R&#x20;D', '&#160;x',
  // Read as a venue at the end of a paper-list entry: a title may end so.
  '(Extended Version 2021)',
  // Would close a heading ("### Serving #"): a topic may end so.
  '#',
];
const word = fc.constantFrom(...WORDS);
const phrase = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));

const URLS = [
  'https://www.usenix.org/conference/osdi24/presentation/agrawal',
  'https://www.usenix.org/system/files/osdi20-zhao_hanyu.pdf',
  'https://en.wikipedia.org/wiki/Scheduling_(computing)',
  'https://github.com/microsoft/sarathi-serve',
  'https://arxiv.org/abs/2401.01234',
  'https://doi.org/10.1145/3600006.3613165',
  'https://example.com/a_b_(c)_d?x=1&y=2#frag',
  '',
];
const link: fc.Arbitrary<Link> = fc.record({
  label: fc.constantFrom('Paper', 'Code', 'Slides', 'arXiv', 'Video (talk)', '[x]', ''),
  url: fc.constantFrom(...URLS),
});

/** Note Markdown: nested bullets, code blocks, tables, unicode, links with parentheses and underscores. */
const block = fc.oneof(
  phrase(1, 6).map((p) => `* ${p}`),
  fc.tuple(phrase(1, 4), phrase(1, 4), phrase(1, 4)).map(([a, b, c]) => `* ${a}\n  * ${b}\n    * ${c}`),
  fc.constant('```python\ndef f(x):\n    return x[0]  # not a [link](x)\n```'),
  fc.constant('| a | b |\n| --- | --- |\n| 1 | `2` |'),
  phrase(2, 10).map((p) => `${p}. See [the docs](https://en.wikipedia.org/wiki/Scheduling_(computing)) and \`code_here\`.`),
  fc.constant('## Key Insights\n\n> quoted **bold** _emphasis_'),
  fc.constant('Summary: a line that looks like Meta Info'),
  fc.constant('{% hint style="info" %}\nGitBook hint\n{% endhint %}'),
  // What a venue page has: a paper's page is still a paper's.
  fc.constant('## Papers\n\n* Related work'),
  fc.constant('Homepage: https://example.org'),
);
const note = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 5, arbitrary: fc.array(block, { minLength: 1, maxLength: 4 }).map((bs) => bs.join('\n\n') + '\n') },
  { weight: 3, arbitrary: fc.array(phrase(1, 5), { minLength: 1, maxLength: 4 }).map((ps) => ps.map((p) => `* ${p}`).join('\n') + '\n') },
);

const venueArb: fc.Arbitrary<VenueRecord> = fc
  .record({
    group: fc.constantFrom('conference', 'conference', 'journal', 'misc'),
    year: fc.integer({ min: 2014, max: 2025 }),
    conf: fc.constantFrom('OSDI', 'NSDI', 'ATC', 'SOSP', 'EuroSys', 'ISPA/IUCC/BDCloud/SocialCom/SustainCom'),
    journal: fc.constantFrom('ACM Computing Surveys', 'IEEE Transactions on Cloud Computing'),
    homepage: fc.constantFrom('', 'https://www.usenix.org/conference/osdi24'),
    paperList: fc.constantFrom('', 'https://www.usenix.org/conference/osdi24/technical-sessions'),
    acceptanceRate: fc.constantFrom('', '19.2% (= 53 / 276)'),
    references: fc.constantFrom('', '* Notes from SJTU IPADS (in Chinese)\n  * OSDI 2024 论文评述 Day 1'),
  })
  .map((v) => {
    const name = v.group === 'conference' ? v.conf : v.group === 'journal' ? v.journal : 'arXiv';
    return { label: `${name} ${v.year}`, name, year: v.year, group: v.group as VenueRecord['group'], homepage: v.homepage, paperList: v.paperList, acceptanceRate: v.acceptanceRate, references: v.references };
  });

const TOPIC_PATHS = ['Systems for ML', 'Systems for ML/Model Serving', 'Cloud Computing', 'Cloud Computing/Serverless Computing'];

/** Libraries as users have them, within the documented limits of the GitBook layout (see README). */
export const libraryArb: fc.Arbitrary<LibraryData> = fc
  .record({
    venues: fc.uniqueArray(venueArb, { selector: (v) => v.label, maxLength: 5 }),
    topics: fc.subarray(TOPIC_PATHS),
    papers: fc.array(
      fc.record({
        // Now and then a title that is a year, as a series' years are in the navigation.
        title: fc.oneof({ weight: 12, arbitrary: phrase(1, 8) }, { weight: 1, arbitrary: fc.constantFrom('2021', '1999') }),
        venueIndex: fc.nat(),
        noVenue: fc.boolean(),
        topicKind: fc.constantFrom('none', 'section', 'path'),
        section: phrase(1, 3),
        authors: fc.array(fc.constantFrom('Amey Agrawal', 'Ying Sheng', 'Jörg Müller', '王小明'), { maxLength: 3 }),
        affiliations: fc.constantFrom('', 'MSR India & GaTech', 'Univ. of Somewhere.', 'Edinburgh'),
        tags: fc.uniqueArray(fc.constantFrom('llm', 'serving', 'gpu', 'café'), { maxLength: 3 }),
        links: fc.array(link, { maxLength: 3 }),
        award: fc.constantFrom('', '', 'Best Paper Award', 'Distinguished Artifact Award', 'Award (runner-up)!'),
        arxivId: fc.constantFrom(undefined, undefined, '2403.02310'),
        doi: fc.constantFrom(undefined, undefined, '10.1145/1234.5678'),
        note,
        summary: fc.constantFrom('', 'One line on what it does.'),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ venues, topics, papers }) => {
    const seen = new Set<string>();
    const ids = new Set<string>();
    const out: PaperFields[] = [];
    papers.forEach((p, i) => {
      const venue = p.noVenue || !venues.length ? undefined : venues[p.venueIndex % venues.length]!;
      const key = `${venue?.label ?? ''}|${normaliseTitle(p.title)}`;
      // One paper per title in a venue, and one per id it states or its links imply: readers merge such twins.
      if (!normaliseTitle(p.title) || seen.has(key)) return;
      const implied = identifiersFromLinks(p.links);
      const own = [p.arxivId, implied.arxivId, implied.usenixKey, p.doi, implied.doi].filter((x): x is string => !!x);
      if (own.some((id) => ids.has(id))) return;
      // A paper without a venue is read as the same paper as any other of its title.
      if (!venue ? [...seen].some((k) => k.endsWith(`|${normaliseTitle(p.title)}`)) : seen.has(`|${normaliseTitle(p.title)}`)) return;
      seen.add(key);
      own.forEach((id) => ids.add(id));
      const topic = p.topicKind === 'none' ? '' : p.topicKind === 'path' && topics.length ? topics[i % topics.length]! : p.section;
      out.push(
        emptyFields({
          title: p.title,
          venue: venue?.label ?? '',
          year: venue?.year ?? null,
          topic,
          authors: p.authors,
          affiliations: p.affiliations,
          tags: p.tags,
          links: p.links,
          award: p.award,
          arxivId: p.arxivId,
          doi: p.doi,
          note: p.note,
          summary: p.summary,
          position: i,
        }),
      );
    });
    const topicRecords: TopicRecord[] = topics.map((path, i) => ({ path, name: path.split('/').at(-1)!, parent: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '', position: i }));
    // A child topic needs its parent.
    const withParents = topicRecords.filter((t) => !t.parent || topics.includes(t.parent));
    return { venues: venues.map((v, i) => ({ ...v, position: i })), topics: withParents, papers: out };
  });

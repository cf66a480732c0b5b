import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseBackup, toBackup } from '@/lib/backup/json';
import { exportSingleMarkdown, exportZip } from '@/lib/export/files';
import { readImportFiles } from '@/lib/import/sources';
import { normaliseLibrary } from '@/lib/library/normalise';
import { defaultVenue } from '@/lib/library/types';
import { emptyFields } from '@/lib/notes/derive';
import { libraryArb } from '../../library-arbitrary';

const enc = new TextEncoder();

describe('export then import gives back the same library', { timeout: 120_000 }, () => {
  it('through a GitBook .zip', () => {
    fc.assert(
      fc.property(libraryArb, (library) => {
        const zip = exportZip(library);
        const read = readImportFiles([{ path: 'notes.zip', bytes: zip }]);
        expect(read.errors).toEqual([]);
        expect(normaliseLibrary(read.library)).toEqual(normaliseLibrary(library));
      }),
      { numRuns: Number(process.env.ROUND_TRIP_RUNS ?? 150) },
    );
  });

  it('through one Markdown file', () => {
    fc.assert(
      fc.property(libraryArb, (library) => {
        const text = exportSingleMarkdown(library);
        const read = readImportFiles([{ path: 'library.md', bytes: enc.encode(text) }]);
        expect(read.errors).toEqual([]);
        expect(normaliseLibrary(read.library)).toEqual(normaliseLibrary(library));
      }),
      { numRuns: 60 },
    );
  });

  it('through the JSON backup, exactly', () => {
    fc.assert(
      fc.property(libraryArb, (library) => {
        const backup = parseBackup(JSON.stringify(toBackup(library)));
        expect(backup.papers).toEqual(library.papers);
        expect(backup.venues).toEqual(library.venues);
        expect(backup.topics).toEqual(library.topics);
      }),
      { numRuns: 60 },
    );
  });

  it('writes the zip as a GitBook folder under one root', () => {
    const files = unzipSync(exportZip({ venues: [], topics: [], papers: [] }));
    expect(Object.keys(files).sort()).toEqual(['paper-notes/README.md', 'paper-notes/SUMMARY.md']);
    expect(strFromU8(files['paper-notes/SUMMARY.md']!)).toBe('# Table of contents\n\n* [Introduction](README.md)\n');
  });
});

describe('a venue without a year beside its series’ years', () => {
  it('is exported and read back: a note made from an arXiv PDF ("arXiv") beside arXiv 2024', () => {
    const paper = (title: string, venue: string, year: number | null) => ({ ...emptyFields({ title, venue, year, note: `* ${title}\n` }) });
    const library = {
      venues: [{ ...defaultVenue('arXiv 2024'), position: 0 }],
      topics: [],
      papers: [paper('A dated preprint', 'arXiv 2024', 2024), paper('A preprint read as a PDF', 'arXiv', null)],
    };
    for (const read of [readImportFiles([{ path: 'notes.zip', bytes: exportZip(library) }]), readImportFiles([{ path: 'notes.md', bytes: enc.encode(exportSingleMarkdown(library)) }])]) {
      expect(read.errors).toEqual([]);
      expect(read.library.papers.map((p) => [p.title, p.venue, p.note]).sort()).toEqual([
        ['A dated preprint', 'arXiv 2024', '* A dated preprint\n'],
        ['A preprint read as a PDF', 'arXiv', '* A preprint read as a PDF\n'],
      ]);
    }
  });
});

describe('a paper whose title is a year', () => {
  it('is read back as a paper, not as a year of its series, with no venue or one without a year', () => {
    const paper = (title: string, venue: string, note: string) => ({ ...emptyFields({ title, venue, note }) });
    const library = {
      // An empty dated venue beside them stays a venue.
      venues: [defaultVenue('arXiv', 'misc'), defaultVenue('IEEE TCC 2021', 'journal')],
      topics: [],
      papers: [paper('2021', '', '* a paper named for its year\n'), paper('1984', 'arXiv', ''), paper('Another', 'arXiv', '* other\n')],
    };
    for (const read of [readImportFiles([{ path: 'notes.zip', bytes: exportZip(library) }]), readImportFiles([{ path: 'notes.md', bytes: enc.encode(exportSingleMarkdown(library)) }])]) {
      expect(read.errors).toEqual([]);
      expect(read.library.papers.map((p) => [p.title, p.venue, p.note]).sort()).toEqual([
        ['1984', 'arXiv', ''],
        ['2021', '', '* a paper named for its year\n'],
        ['Another', 'arXiv', '* other\n'],
      ]);
      expect(read.library.venues.map((v) => v.label).sort()).toEqual(['IEEE TCC 2021', 'arXiv']);
    }
  });

  it('is read back as a paper whatever its note holds: a venue page’s "## Papers" or "Homepage:"', () => {
    const paper = (title: string, note: string, tags: string[] = []) => ({ ...emptyFields({ title, venue: '', note, tags }) });
    const library = {
      venues: [],
      topics: [],
      papers: [paper('2021', '## Papers\n\n* Related work\n'), paper('1999', 'Homepage: https://example.org\n', ['t']), paper('2020', '* x\n\n## Papers\n')],
    };
    for (const read of [readImportFiles([{ path: 'notes.zip', bytes: exportZip(library) }]), readImportFiles([{ path: 'notes.md', bytes: enc.encode(exportSingleMarkdown(library)) }])]) {
      expect(read.errors).toEqual([]);
      expect(normaliseLibrary(read.library)).toEqual(normaliseLibrary(library));
    }
  });

  it('leaves a year’s venue page a venue, front matter or not', () => {
    const files = [
      ['SUMMARY.md', '# Table of contents\n\n* [Journal](journal/README.md)\n  * [IEEE TCC](journal/tcc/README.md)\n    * [2021](journal/tcc/2021.md)\n'],
      ['journal/README.md', '# Journal\n'],
      ['journal/tcc/README.md', '# IEEE TCC\n'],
      ['journal/tcc/2021.md', '---\ndescription: Papers of 2021\n---\n\n# 2021\n\n## Papers\n\n* A paper\n  * A note.\n'],
    ];
    const read = readImportFiles(files.map(([path, text]) => ({ path: path!, bytes: enc.encode(text!) })));
    expect(read.library.papers.map((p) => [p.title, p.venue])).toEqual([['A paper', 'IEEE TCC 2021']]);
  });
});

describe('round trips that fuzzing found broken', () => {
  const venue = defaultVenue('NSDI 2023');
  const one = (fields: Partial<ReturnType<typeof emptyFields>>) => ({
    venues: [venue],
    topics: [],
    papers: [{ ...emptyFields({ title: 'A paper', venue: 'NSDI 2023', year: 2023, note: '* a note\n', ...fields }), position: 0 }],
  });
  const throughBoth = (library: ReturnType<typeof one>) => {
    for (const read of [
      readImportFiles([{ path: 'notes.zip', bytes: exportZip(library) }]),
      readImportFiles([{ path: 'library.md', bytes: enc.encode(exportSingleMarkdown(library)) }]),
    ]) {
      expect(read.errors).toEqual([]);
      expect(normaliseLibrary(read.library).papers).toEqual(normaliseLibrary(library).papers);
    }
  };

  it('a note whose first line with text, after blank lines, reads like Meta Info', () => {
    throughBoth(one({ authors: ['Ann'], tags: ['t'], note: '\nAuthors: Bob\n' }));
    throughBoth(one({ summary: 'Mine.', note: '\n\nPresented in OSDI 2024.\n\nMy thoughts.\n' }));
  });

  it('a note quoting the single file’s page mark, with or without backslashes', () => {
    throughBoth(one({ tags: ['t'], note: 'x\n<!-- paper-notes file: SUMMARY.md -->\n\\<!-- paper-notes file: a.md -->\ny\n' }));
  });

  it('a web link labelled "Personal Notes"', () => {
    throughBoth(one({ topic: 'T', affiliations: 'U', links: [{ label: 'Personal Notes', url: 'https://example.com/n' }] }));
    throughBoth(one({ topic: 'T', tags: ['own page'], links: [{ label: 'personal note', url: 'https://example.com/n' }] }));
  });

  it('an affiliation at the length limit once its escapes are written, on a venue page', () => {
    // 200 characters as typed; its bullet is longer by each backslash the writer adds.
    for (const part of ['R&nbsp;D', 'C:\\sys', 'x&#160;y']) {
      const affiliations = `${part} ${'a'.repeat(200 - part.length - 1)}`;
      expect(affiliations).toHaveLength(200);
      throughBoth(one({ topic: 'T', affiliations }));
    }
  });

  it('an acceptance rate with what Markdown would read otherwise', () => {
    const library = { ...one({ topic: 'T', affiliations: 'U' }), venues: [{ ...venue, acceptanceRate: '* 19.2% (= 53 / 276) &nbsp; \\ *draft*' }] };
    for (const read of [readImportFiles([{ path: 'notes.zip', bytes: exportZip(library) }])]) {
      expect(read.library.venues.map((v) => v.acceptanceRate)).toEqual(['* 19.2% (= 53 / 276) &nbsp; \\ *draft*']);
    }
  });

  it('a topic that ends in "#", as a heading’s closing sequence would', () => {
    for (const topic of ['Serving #', 'C ##', '#']) throughBoth(one({ topic, affiliations: 'U' }));
  });

  it('an author whose name has a part in parentheses', () => {
    throughBoth(one({ tags: ['t'], authors: ['Wei Wang (Tsinghua)', 'Ann Lee'], affiliations: 'MIT' }));
  });

  it('a paper in a topic whose venue has no year, or has parentheses', () => {
    const library = {
      venues: [defaultVenue('arXiv', 'misc'), defaultVenue('HotOS (XIX) 2023')],
      topics: [{ path: 'Sys', name: 'Sys', parent: '', position: 0 }],
      papers: [
        { ...emptyFields({ title: 'Foo', venue: 'arXiv', topic: 'Sys', note: '* f\n' }), position: 0 },
        { ...emptyFields({ title: 'Bar', venue: 'HotOS (XIX) 2023', year: 2023, topic: 'Sys', note: '* b\n' }), position: 0 },
      ],
    };
    for (const read of [readImportFiles([{ path: 'notes.zip', bytes: exportZip(library) }])]) {
      expect(normaliseLibrary(read.library).papers).toEqual(normaliseLibrary(library).papers);
    }
  });
  it('a paper in a topic whose title ends in a year in brackets, its venue not on the list', () => {
    const library = {
      venues: [defaultVenue('arXiv', 'misc')],
      topics: [{ path: 'Sys', name: 'Sys', parent: '', position: 0 }],
      papers: [
        { ...emptyFields({ title: 'Lessons from the Field (Extended Version 2021)', venue: 'arXiv', topic: 'Sys', affiliations: 'MIT', note: '* a\n' }), position: 0 },
        { ...emptyFields({ title: 'Field Notes (Draft 2020)', venue: '', topic: 'Sys', note: '* b\n' }), position: 1 },
        { ...emptyFields({ title: 'A Preprint (arXiv:2502.11101)', venue: '', topic: 'Sys', note: '* c\n' }), position: 2 },
      ],
    };
    for (const read of [readImportFiles([{ path: 'notes.zip', bytes: exportZip(library) }]), readImportFiles([{ path: 'l.md', bytes: enc.encode(exportSingleMarkdown(library)) }])]) {
      expect(read.errors).toEqual([]);
      expect(normaliseLibrary(read.library)).toEqual(normaliseLibrary(library));
    }
  });
});

describe('a JSON backup with line breaks in one-line fields', () => {
  it('folds them into spaces, so that its export stays readable', () => {
    const backup = parseBackup(
      JSON.stringify({
        ...toBackup({ venues: [], topics: [], papers: [] }),
        papers: [{ title: 'A\nB', tags: ['x\r\ny'], authors: ['Ann\n Lee'], links: [{ label: 'Co\nde', url: 'https://e.org/x' }], summary: 'one\ntwo', note: '* keeps\n* lines\n' }],
      }),
    );
    expect(backup.papers[0]).toMatchObject({ title: 'A B', tags: ['x y'], authors: ['Ann Lee'], links: [{ label: 'Co de', url: 'https://e.org/x' }], summary: 'one two', note: '* keeps\n* lines\n' });
  });
});

describe('file names in the exported folder', () => {
  it('are names every system can unpack: no page beside README.md that differs only in case, no Windows device name', () => {
    const paper = (title: string, venue: string) => emptyFields({ title, venue, year: 2024, tags: ['own page'], note: `* ${title}\n` });
    const library = {
      venues: [],
      topics: [{ path: 'Readme', name: 'Readme', parent: '' }],
      papers: [paper('README', 'OSDI 2024'), paper('CON', 'OSDI 2024'), paper('Aux', 'OSDI 2024'), paper('A paper', 'NUL 2024'), { ...paper('Listed', 'LPT1'), year: null, topic: 'Readme' }],
    };
    const paths = Object.keys(unzipSync(exportZip(library)));
    const lower = paths.map((p) => p.toLowerCase());
    expect(new Set(lower).size).toBe(paths.length);
    expect(paths.filter((p) => p.split('/').some((part) => /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i.test(part)))).toEqual([]);
    const read = readImportFiles([{ path: 'notes.zip', bytes: exportZip(library) }]);
    expect(read.errors).toEqual([]);
    expect(normaliseLibrary(read.library)).toEqual(normaliseLibrary(library));
  });
});

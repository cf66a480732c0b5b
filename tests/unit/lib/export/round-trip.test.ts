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

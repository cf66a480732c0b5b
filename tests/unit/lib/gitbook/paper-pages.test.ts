import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PaperPages, writeGitBook } from '@/lib/gitbook/write';
import { defaultVenue } from '@/lib/library/types';
import { emptyFields } from '@/lib/notes/derive';
import { libraryArb } from '../../library-arbitrary';

/** The library's papers handed to `add` in pages of `size`, as `readLibrary` hands them over. */
function written(papers: Parameters<PaperPages['add']>[0], venues: Parameters<PaperPages['add']>[1], size: number): PaperPages {
  const ahead = new PaperPages();
  for (let i = 0; i < papers.length; i += size) ahead.add(papers.slice(i, i + size), venues);
  return ahead;
}

describe('papers’ pages written ahead of the folder', { timeout: 60_000 }, () => {
  it('make the same folder as pages written with it, whatever the pages they came in', () => {
    fc.assert(
      fc.property(libraryArb, fc.integer({ min: 1, max: 8 }), (library, size) => {
        expect(writeGitBook(library, written(library.papers, library.venues, size))).toEqual(writeGitBook(library));
      }),
      { numRuns: 80 },
    );
  });

  it('are written afresh where the venue’s homepage is not the one they were written with', () => {
    fc.assert(
      fc.property(libraryArb, (library) => {
        // Written knowing no venue, then no homepage: every page that has one must be written again.
        expect(writeGitBook(library, written(library.papers, [], 3))).toEqual(writeGitBook(library));
        const moved = library.venues.map((v) => ({ ...v, homepage: `${v.homepage}/moved` }));
        expect(writeGitBook(library, written(library.papers, moved, 3))).toEqual(writeGitBook(library));
      }),
      { numRuns: 40 },
    );
  });

  it('are found by the paper object they were written for, not by its title', () => {
    const venue = { ...defaultVenue('OSDI 2024'), homepage: 'https://www.usenix.org/conference/osdi24' };
    const paper = emptyFields({ title: 'A Paper With a Page', venue: 'OSDI 2024', year: 2024, authors: ['Ada Fixture'], note: '* as read\n' });
    const ahead = written([paper], [venue], 1);
    // Only to see which page is used: a paper handed over is not to be changed (`PaperPages`),
    // and the page written when it was read is the one taken.
    paper.note = '* changed since\n';
    // A paper of the same title that was not handed over gets a page of its own.
    const twin = { ...paper, note: '* the twin’s own note\n' };
    const files = writeGitBook({ venues: [venue], topics: [], papers: [paper, twin] }, ahead);
    const page = files.get('reading-notes/conference/osdi-2024/a-paper-with-a-page.md')!;
    expect(page).toContain('Presented in [OSDI 2024](https://www.usenix.org/conference/osdi24).');
    expect(page).toContain('* as read');
    expect(files.get('reading-notes/conference/osdi-2024/a-paper-with-a-page-2.md')).toContain('* the twin’s own note');
  });
});

import { describe, expect, it } from 'vitest';
import { parseBackup, toBackup } from '@/lib/backup/json';
import { addBullet, savePaper } from '@/lib/db/notes';
import { getPaper } from '@/lib/db/read';
import { readLibrary } from '@/lib/library/from-db';
import { fieldsFromPage } from '@/lib/notes/from-page';
import { FieldTooLongError, MAX_CHARS } from '@/lib/notes/limits';
import { describeWriteError } from '@/lib/notes/write-errors';
import { addPaper, arxivPage, freshDb } from '../../db-helpers';

describe('field limits', () => {
  it('refuse a save past them with a clear message, and write nothing', async () => {
    const db = freshDb();
    const paper = await addPaper(db, { title: 'A paper', note: '* kept\n' });
    const attempt = savePaper(db, paper.id, { note: 'x'.repeat(MAX_CHARS.note + 1) }, paper.rev);
    await expect(attempt).rejects.toBeInstanceOf(FieldTooLongError);
    expect(describeWriteError(await attempt.catch((e) => e))).toBe('the note of “A paper” is longer than 2,000,000 characters');
    await expect(savePaper(db, paper.id, { summary: 's'.repeat(MAX_CHARS.summary + 1) }, paper.rev)).rejects.toThrow('the summary of “A paper” is longer than 2,000 characters');
    await expect(savePaper(db, paper.id, { tags: ['t'.repeat(MAX_CHARS.item + 1)] }, paper.rev)).rejects.toThrow('tag list');
    await expect(addBullet(db, paper.id, 'y'.repeat(MAX_CHARS.note))).rejects.toBeInstanceOf(FieldTooLongError);
    expect(await getPaper(db, paper.id)).toMatchObject({ note: '* kept\n', rev: paper.rev });
  });

  it('are what a backup restores: a library at every limit backs up and restores whole', async () => {
    const db = freshDb();
    const longest = {
      title: 'T'.repeat(MAX_CHARS.title),
      note: 'n'.repeat(MAX_CHARS.note),
      summary: 's'.repeat(MAX_CHARS.summary),
      affiliations: 'a'.repeat(MAX_CHARS.affiliations),
      venue: 'v'.repeat(MAX_CHARS.venue),
      topic: 'p'.repeat(MAX_CHARS.topic),
      award: 'w'.repeat(MAX_CHARS.award),
      authors: ['u'.repeat(MAX_CHARS.item)],
      tags: ['g'.repeat(MAX_CHARS.item)],
      links: [{ label: 'l'.repeat(MAX_CHARS.linkLabel), url: `https://example.org/${'x'.repeat(MAX_CHARS.linkUrl - 20)}` }],
    };
    await addPaper(db, longest);
    const back = parseBackup(JSON.stringify(toBackup(await readLibrary(db))));
    expect(back.papers[0]).toMatchObject(longest);
  });

  it('keep a page’s affiliations to whole ones that fit the field', () => {
    const affiliations = Array.from({ length: 100 }, (_, i) => `${'Institute of Fixture Studies '.repeat(6)}${i}`);
    const line = fieldsFromPage({ ...arxivPage('A paper'), affiliations }).affiliations;
    expect(line.length).toBeLessThanOrEqual(MAX_CHARS.affiliations);
    expect(line.split(' & ').every((a) => affiliations.includes(a))).toBe(true);
    expect(line.startsWith(affiliations[0]!)).toBe(true);
  });
});

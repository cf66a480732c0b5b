import { describe, expect, it } from 'vitest';
import { BackupError, parseBackup, toBackup, type BackupPaper } from '@/lib/backup/json';
import { catalogText } from '@/lib/catalog/text';
import { emptyFields } from '@/lib/notes/derive';
import { defaultVenue } from '@/lib/library/types';

const fields = emptyFields({ title: 'Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve', venue: 'OSDI 2024', year: 2024, note: '* my words\n', position: 3 });
const restored = (papers: unknown[]) => parseBackup(JSON.stringify({ ...toBackup({ venues: [], topics: [], papers: [] }), papers })).papers;

describe('JSON backup', () => {
  it('keeps the catalog version a catalog note was based on, its text included', () => {
    const base = { hash: 'h1', fields: catalogText({ ...fields, note: '* the catalog words\n' }) };
    const paper: BackupPaper = { ...fields, id: 'cat:osdi-2024/sarathi', origin: 'catalog', catalogId: 'cat:osdi-2024/sarathi', catalogBase: base };
    expect(restored([paper])[0]).toMatchObject({ catalogId: 'cat:osdi-2024/sarathi', catalogBase: base });
    expect(restored([{ ...paper, catalogBase: { hash: 'h2' } }])[0]!.catalogBase).toEqual({ hash: 'h2' });
  });

  it('says what is wrong with a catalog version it cannot read', () => {
    const paper = { ...fields, catalogId: 'cat:a' };
    expect(() => restored([{ ...paper, catalogBase: 'h1' }])).toThrow(new BackupError('papers[0].catalogBase must be an object'));
    expect(() => restored([{ ...paper, catalogBase: { fields: {} } }])).toThrow(new BackupError('papers[0].catalogBase has no hash'));
    expect(() => restored([{ ...paper, catalogBase: { hash: 'h1', fields: { title: 7 } } }])).toThrow(new BackupError('papers[0].catalogBase.fields.title must be text'));
  });

  it('keeps the details the catalog last gave a venue, and says what is wrong with them', () => {
    const venue = { ...defaultVenue('OSDI 2024'), references: '* mine', catalogBase: { homepage: 'https://www.usenix.org/conference/osdi24', paperList: '', acceptanceRate: '19.2%', references: '' } };
    const venues = (raw: unknown) => parseBackup(JSON.stringify({ ...toBackup({ venues: [], topics: [], papers: [] }), venues: [raw] })).venues;
    expect(venues(venue)).toEqual([venue]);
    expect(venues({ ...venue, catalogBase: undefined })[0]).not.toHaveProperty('catalogBase');
    expect(() => venues({ ...venue, catalogBase: [] })).toThrow(new BackupError('venues[0].catalogBase must be an object'));
    expect(() => venues({ ...venue, catalogBase: { homepage: 3 } })).toThrow(new BackupError('venues[0].catalogBase.homepage must be text'));
  });

  it('stores DOIs as pages give them: no resolver prefix, lower case', () => {
    expect(restored([{ ...fields, doi: 'https://doi.org/10.1145/3600006.ABC' }])[0]!.doi).toBe('10.1145/3600006.abc');
    expect(restored([{ ...fields, doi: 'doi:10.1145/X' }])[0]!.doi).toBe('10.1145/x');
    expect(restored([{ ...fields, doi: '' }])[0]!.doi).toBeUndefined();
  });
});

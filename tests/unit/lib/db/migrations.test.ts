import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '@/lib/db/schema';
import { addPaper, freshDb } from '../../db-helpers';

describe('schema versions', () => {
  it('are appended in order', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('each have an upgrade test below that starts from the version before, with data in it', () => {
    const source = readFileSync(import.meta.filename, 'utf8');
    for (const { version } of SCHEMA_VERSIONS.slice(1)) expect(source).toContain(`freshDb(${version - 1})`);
  });

  it('open an empty database at the newest version', async () => {
    const db = freshDb();
    await addPaper(db, { title: 'A paper' });
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
  });
});

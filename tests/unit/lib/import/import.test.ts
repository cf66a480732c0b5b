import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBackup } from '@/lib/backup/json';
import { exportSingleMarkdown, exportZip } from '@/lib/export/files';
import { applyImport } from '@/lib/import/apply';
import { planImport } from '@/lib/import/plan';
import { LIMITS, readImportFiles, type ImportFile } from '@/lib/import/sources';
import { readLibrary } from '@/lib/library/from-db';
import { addPaper, freshDb, paperCount, storedPapers } from '../../db-helpers';
import { createPaper } from '@/lib/db/notes';
import { syncCatalog } from '@/lib/catalog/sync';
import { emptyFields } from '@/lib/notes/derive';
import { getPaper } from '@/lib/db/read';

const md = (path: string, text: string): ImportFile => ({ path, bytes: strToU8(text) });

/** A zip cut off in the middle, as an interrupted download leaves it. */
function truncatedZip(): Uint8Array {
  const noise = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join('');
  const whole = zipSync({ 'notes/SUMMARY.md': strToU8(noise) }, { level: 0 });
  return whole.slice(0, whole.length / 2);
}

/** A GitBook folder as the real reading-notes site writes it, GitBook markup and all. */
const GITBOOK: ImportFile[] = [
  md(
    'awesome-papers/SUMMARY.md',
    [
      '# Table of contents',
      '',
      '* [Introduction](README.md)',
      '',
      '## Paper List',
      '',
      '* [Model Serving](paper-list/model-serving.md)',
      '',
      '## Reading Notes',
      '',
      '* [Conference](reading-notes/conference/README.md)',
      '  * [OSDI 2020](reading-notes/conference/osdi-2020/README.md)',
      '    * [HiveD: Sharing a GPU Cluster for Deep Learning with Guarantees](reading-notes/conference/osdi-2020/hived.md)',
      '  * [ATC 2023](reading-notes/conference/atc-2023/README.md)',
      '    * [SmartMoE: Efficiently Training Sparsely-Activated Models ...](reading-notes/conference/atc-2023/smartmoe.md)',
      '',
      '---',
      '',
      '* [Academic Profile](https://example.com/profile)',
    ].join('\n'),
  ),
  md('awesome-papers/README.md', '# Introduction\n\nWelcome.&#x20;\n'),
  md(
    'awesome-papers/reading-notes/conference/osdi-2020/README.md',
    [
      '# OSDI 2020',
      '',
      '## Meta Info',
      '',
      'Homepage: [https://www.usenix.org/conference/osdi20](https://www.usenix.org/conference/osdi20)',
      '',
      '## Papers',
      '',
      '### Scheduling <a href="#scheduling" id="scheduling"></a>',
      '',
      '* HiveD: Sharing a GPU Cluster for Deep Learning with Guarantees \\[[Paper](https://www.usenix.org/conference/osdi20/presentation/zhao-hanyu)] \\[[Personal Notes](hived.md)]',
      '  * MSRA & PKU',
      '  * **Best Paper Award**',
      '* Heterogeneity-Aware Cluster Scheduling Policies \\[[Paper](https://www.usenix.org/system/files/osdi20-narayanan\\_deepak.pdf)] \\[[arXiv](https://browse.arxiv.org/abs/2008.09213v1)]',
      '  * Stanford & Microsoft',
      '  * Gavel: a round-based scheduler.&#x20;',
    ].join('\n'),
  ),
  md(
    'awesome-papers/reading-notes/conference/osdi-2020/hived.md',
    [
      '---',
      'description: >-',
      '  Tags: gpu, scheduling',
      '---',
      '',
      '# HiveD: Sharing a GPU Cluster for Deep Learning with Guarantees',
      '',
      '## Meta Info',
      '',
      'Presented in [OSDI 2020](https://www.usenix.org/conference/osdi20).',
      '',
      'Authors: Hanyu Zhao, Zhenhua Han',
      '',
      '## Key Insights',
      '',
      '{% hint style="info" %}',
      'Virtual private clusters.',
      '{% endhint %}',
      '',
      '{% embed url="https://www.youtube.com/watch?v=x" %}',
    ].join('\n'),
  ),
  md('awesome-papers/reading-notes/conference/atc-2023/README.md', '# ATC 2023\n'),
  md('awesome-papers/reading-notes/conference/atc-2023/smartmoe.md', '# SmartMoE: Efficiently Training Sparsely-Activated Models ...\n\n* The page’s own notes.\n'),
  md(
    'awesome-papers/paper-list/model-serving.md',
    [
      '# Model Serving',
      '',
      '* Heterogeneity-Aware Cluster Scheduling Policies (OSDI 2020) \\[[Paper](https://www.usenix.org/system/files/osdi20-narayanan\\_deepak.pdf)]',
      '  * Listed here with a note of its own.',
      '* Clipper: A Low-Latency Online Prediction Serving System (NSDI 2017) \\[[Paper](https://www.usenix.org/conference/nsdi17/technical-sessions/presentation/crankshaw)] \\[[Code](https://github.com/ucbrise/clipper)]',
      '  * UC Berkeley',
    ].join('\n'),
  ),
  md('awesome-papers/.gitbook/assets/figure.png', 'PNG'),
];

describe('reading what users import', () => {
  it('reads a GitBook folder: conference, per-paper and paper-list pages, SUMMARY.md and GitBook markup', () => {
    const { library, errors, warnings } = readImportFiles(GITBOOK);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    const hived = library.papers.find((p) => p.title.startsWith('HiveD'))!;
    expect(hived).toMatchObject({
      venue: 'OSDI 2020',
      year: 2020,
      topic: 'Scheduling',
      affiliations: 'MSRA & PKU',
      award: 'Best Paper Award',
      authors: ['Hanyu Zhao', 'Zhenhua Han'],
      tags: ['gpu', 'scheduling'],
      usenixKey: 'osdi20/zhao-hanyu',
    });
    expect(hived.note).toContain('{% hint style="info" %}');
    const gavel = library.papers.find((p) => p.title.startsWith('Heterogeneity'))!;
    // One paper from two pages, each page's notes kept; escaped URLs and browse.arxiv.org links read.
    expect(gavel.links).toEqual([
      { label: 'Paper', url: 'https://www.usenix.org/system/files/osdi20-narayanan_deepak.pdf' },
      { label: 'arXiv', url: 'https://browse.arxiv.org/abs/2008.09213v1' },
    ]);
    expect(gavel).toMatchObject({ arxivId: '2008.09213', topic: 'Scheduling' });
    expect(gavel.note).toBe('* Gavel: a round-based scheduler.&#x20;\n\n* Listed here with a note of its own.\n');
    expect(library.papers.filter((p) => p.title.startsWith('Heterogeneity'))).toHaveLength(1);
    expect(library.papers.find((p) => p.title.startsWith('Clipper'))).toMatchObject({ venue: 'NSDI 2017', topic: 'Model Serving', affiliations: '', note: '* UC Berkeley\n' });
    expect(library.papers.find((p) => p.title.startsWith('SmartMoE'))).toMatchObject({ venue: 'ATC 2023', note: '* The page’s own notes.\n' });
    expect(library.venues.find((v) => v.label === 'OSDI 2020')?.homepage).toBe('https://www.usenix.org/conference/osdi20');
    expect(library.topics.map((t) => t.path)).toEqual(['Model Serving']);
  });

  it('reads a paper page as the site writes its own: the paper linked after "Presented in", hashtag tags, affiliations after authors', () => {
    const page = [
      '---',
      'description: >-',
      '  #model_serving #fixture_tag',
      '  #third_tag',
      '---',
      '',
      '# Wombat: Serving Invented Models in the Wild',
      '',
      '## Meta Info',
      '',
      'Presented in [NSDI 2023](https://arxiv.org/abs/2301.01234).',
      '',
      'Authors: Ada Fixture (_Example University_), Bo Sample, Cy Test (_Sample Labs_)',
      '',
      '## Understanding the paper',
      '',
      '* A note on it.',
    ].join('\n');
    const pdfPage = ['# Numbat: A Paper Linked by Its PDF', '', '## Meta Info', '', 'Presented in [EuroSys 2024](https://example.edu/papers/numbat\\_eurosys24.pdf).', '', '* Note.'].join('\n');
    const { library, errors } = readImportFiles([md('wombat.md', page), md('numbat.md', pdfPage)]);
    expect(errors).toEqual([]);
    const [wombat, numbat] = ['Wombat', 'Numbat'].map((t) => library.papers.find((p) => p.title.startsWith(t))!);
    expect(wombat).toMatchObject({
      venue: 'NSDI 2023',
      tags: ['model_serving', 'fixture_tag', 'third_tag'],
      summary: '',
      authors: ['Ada Fixture', 'Bo Sample', 'Cy Test'],
      affiliations: 'Example University & Sample Labs',
      arxivId: '2301.01234',
      links: [{ label: 'Paper', url: 'https://arxiv.org/abs/2301.01234' }],
    });
    expect(numbat!.links).toEqual([{ label: 'Paper', url: 'https://example.edu/papers/numbat_eurosys24.pdf' }]);
  });

  it('reads paper lists as the site writes its own: venues linked to their pages, preprints by arXiv id', () => {
    const list = [
      '# Model Serving',
      '',
      '* Platypus: Serving Invented Models ([OSDI 2022](../../reading-notes/conference/osdi-2022/)) \\[[Paper](https://www.usenix.org/conference/osdi22/presentation/platypus)]',
      '* Echidna: A Preprint Fixture (arXiv:2502.11101)',
    ].join('\n');
    const venue = ['# OSDI 2022', '', '## Papers', '', '### Serving', '', '* Platypus: Serving Invented Models \\[[Paper](https://www.usenix.org/conference/osdi22/presentation/platypus)]', '  * Example University', '  * Venue-page note.', ''].join('\n');
    const { library, errors } = readImportFiles([md('paper-list/model-serving.md', list), md('reading-notes/conference/osdi-2022.md', venue)]);
    expect(errors).toEqual([]);
    const platypus = library.papers.filter((p) => p.title.startsWith('Platypus'));
    expect(platypus).toHaveLength(1);
    expect(platypus[0]).toMatchObject({ title: 'Platypus: Serving Invented Models', venue: 'OSDI 2022' });
    expect(library.papers.find((p) => p.title.startsWith('Echidna'))).toMatchObject({
      title: 'Echidna: A Preprint Fixture',
      venue: 'arXiv 2025',
      arxivId: '2502.11101',
    });
  });

  it('reads a venue page that groups papers within a topic, and an acceptance rate per cycle', () => {
    const page = [
      '# FIXCONF 2025',
      '',
      '## Meta Info',
      '',
      'Homepage: [https://fixconf.example/2025/](https://fixconf.example/2025/)',
      '',
      '### Acceptance Rate',
      '',
      '* Summer: 12.5% (10 / 80)',
      '* Winter: 10.0% (8 / 80)',
      '',
      '## Papers',
      '',
      '### Large Language Models (LLMs)',
      '',
      '* LLM Training',
      '  * Koala: Training Invented Models \\[[arXiv](https://arxiv.org/abs/2406.01566)]',
      '    * Example University',
      '  * Quoll: Another Fixture Paper',
      '    * Sample Labs & Example University',
      '* Wallaby: A Paper Outside Any Group',
      '  * Fixture Institute',
      '  * A note on it.',
      '',
    ].join('\n');
    const { library, errors, warnings } = readImportFiles([md('fixconf-2025.md', page)]);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(library.papers.map((p) => [p.title, p.topic, p.affiliations]).sort()).toEqual([
      ['Koala: Training Invented Models', 'Large Language Models (LLMs) / LLM Training', 'Example University'],
      ['Quoll: Another Fixture Paper', 'Large Language Models (LLMs) / LLM Training', 'Sample Labs & Example University'],
      ['Wallaby: A Paper Outside Any Group', 'Large Language Models (LLMs)', 'Fixture Institute'],
    ]);
    expect(library.papers.find((p) => p.title.startsWith('Koala'))!.arxivId).toBe('2406.01566');
    expect(library.venues.find((v) => v.label === 'FIXCONF 2025')!.acceptanceRate).toBe('Summer: 12.5% (10 / 80); Winter: 10.0% (8 / 80)');
  });

  it('reads loose .md files without SUMMARY.md by what they hold', () => {
    const { library, errors } = readImportFiles([GITBOOK[2]!, GITBOOK[3]!].map((f) => ({ ...f, path: f.path.split('/').at(-1)! })));
    expect(errors).toEqual([]);
    expect(library.papers.find((p) => p.title.startsWith('HiveD'))).toMatchObject({ venue: 'OSDI 2020', authors: ['Hanyu Zhao', 'Zhenhua Han'], topic: 'Scheduling' });
  });

  it.each([
    ['a binary file', [{ path: 'notes.md', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]) }], 'notes.md: not UTF-8 text (binary data, or text in another encoding)'],
    ['a page in Latin-1', [{ path: 'notes.md', bytes: new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9]) }], 'notes.md: not UTF-8 text'],
    ['a 20 MB file', [{ path: 'huge.md', bytes: new Uint8Array(20 * 1024 * 1024).fill(0x61) }], 'huge.md: too large to import (20.0 MB'],
    ['unterminated front matter', [md('page.md', '---\ndescription: x\n# Title\n\nnever closed\n')], 'page.md:1: front matter opened with "---" is never closed'],
    ['a backup of an unknown version', [md('backup.json', JSON.stringify({ format: 'paper-notes-backup', version: 7, papers: [] }))], 'backup.json: backup version 7 is not one this version of Paper Notes reads'],
    ['a backup with duplicate ids', [md('backup.json', JSON.stringify({ format: 'paper-notes-backup', version: 1, papers: [{ id: 'a', title: 'A' }, { id: 'a', title: 'B' }] }))], 'backup.json: papers[1] repeats the id a'],
    ['JSON that is not a backup', [md('package.json', '{"name": "x"}')], 'package.json: not a Paper Notes backup'],
    ['malformed JSON', [md('backup.json', '{"format": "paper-notes-backup", ')], 'backup.json: not valid JSON'],
    ['a truncated zip', [{ path: 'notes.zip', bytes: truncatedZip() }], 'notes.zip: the zip file is damaged or incomplete'],
    ['lists nested 10,000 deep, 2 spaces a level (100 MB)', [md('deep.md', Array.from({ length: 10_000 }, (_, i) => `${'  '.repeat(i)}* level`).join('\n'))], 'deep.md: too large to import'],
  ])('reports %s clearly and imports nothing of it', (_, files, message) => {
    const { errors, library } = readImportFiles(files);
    expect(errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`).join('\n')).toContain(message);
    expect(library.papers).toEqual([]);
  });

  it('imports a single-file export larger than one page may be (16 MB at 10,000 notes), each page within its limit', async () => {
    const db = freshDb();
    // Six notes of 1,500,000 characters, 9 MB in the single file.
    for (let i = 0; i < 6; i++) await addPaper(db, { title: `Long paper ${i}`, venue: 'OSDI 2024', year: 2024, note: `* ${'w'.repeat(1_500_000)}\n` });
    const single = exportSingleMarkdown(await readLibrary(db));
    expect(single.length).toBeGreaterThan(LIMITS.markdown);
    const { library, errors } = readImportFiles([md('paper-notes.md', single)]);
    expect(errors).toEqual([]);
    expect(library.papers.map((p) => p.title).sort()).toEqual(['Long paper 0', 'Long paper 1', 'Long paper 2', 'Long paper 3', 'Long paper 4', 'Long paper 5']);
    // A page inside it past a page's limit is named, and the others are read (its paper stays
    // listed on its venue's page, without the note its own page held).
    const oversized = single.replace(/w{1500000}/, 'w'.repeat(LIMITS.markdown + 1));
    const read = readImportFiles([md('paper-notes.md', oversized)]);
    expect(read.errors).toEqual([{ file: expect.stringMatching(/^paper-notes\.md\/.+\.md$/), line: 0, message: 'too large to import (a Markdown page may be 8.0 MB)' }]);
    expect(read.library.papers.filter((p) => p.note.length === 1_500_003).length).toBe(5);
  });

  it('keeps the rest of a zip when one page in it is not UTF-8, and names that page', () => {
    const files = Object.fromEntries(GITBOOK.map((f) => [f.path, f.bytes]));
    const zip = zipSync({ ...files, 'awesome-papers/latin1.md': new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9]) });
    const { library, errors } = readImportFiles([{ path: 'notes.zip', bytes: zip }]);
    expect(errors).toEqual([{ file: 'notes.zip/awesome-papers/latin1.md', line: 0, message: expect.stringContaining('not UTF-8 text') }]);
    expect(library.papers.length).toBe(4);
  });

  it('reads the pages after one cut in the middle of a character as they are', () => {
    // The page ends two bytes into a three-byte character; nothing of it may spill into the next.
    const cut = new Uint8Array([0x23, 0x20, 0x41, 0xe2, 0x82]);
    const files = [{ path: 'awesome-papers/0-cut.md', bytes: cut }, ...GITBOOK];
    const { library, errors } = readImportFiles(files);
    expect(errors).toEqual([{ file: 'awesome-papers/0-cut.md', line: 0, message: expect.stringContaining('not UTF-8 text') }]);
    expect(library.papers.length).toBe(4);
    const zipped = readImportFiles([{ path: 'notes.zip', bytes: zipSync(Object.fromEntries(files.map((f) => [f.path, f.bytes]))) }]);
    expect(zipped.errors.map((e) => e.file)).toEqual(['notes.zip/awesome-papers/0-cut.md']);
    expect(zipped.library).toEqual(library);
  });

  it('keeps the rest when one file is broken, and names the broken one', () => {
    const { library, errors } = readImportFiles([...GITBOOK, md('awesome-papers/broken.md', '---\nnever closed')]);
    expect(errors).toEqual([{ file: 'broken.md', line: 1, message: 'front matter opened with "---" is never closed' }]);
    expect(library.papers.length).toBe(4);
  });

  it('reads lists nested thousands deep without running out of stack', () => {
    const indented = Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i)}* level ${i}`).join('\n');
    const inline = '* '.repeat(10_000) + 'ten thousand levels on one line';
    const page = `# Deep\n\n## Meta Info\n\nPresented in OSDI 2020.\n\n${inline}\n\n${indented}\n`;
    const { library, errors } = readImportFiles([md('deep.md', page)]);
    expect(errors).toEqual([]);
    expect(library.papers[0]!.note.split('\n')).toHaveLength(2_003);
    const venuePage = `# OSDI 2020\n\n## Papers\n\n### A\n\n* Deep paper\n  * X\n${indented.split('\n').map((l) => '  ' + l).join('\n')}\n`;
    expect(readImportFiles([md('osdi-2020.md', venuePage)]).library.papers[0]!.note.split('\n')).toHaveLength(2_001);
  });

  it('merges duplicate titles within a venue into one paper', () => {
    const page = '# OSDI 2020\n\n## Papers\n\n### A\n\n* Same Paper\n  * One\n  * first note\n\n### B\n\n* same paper\n  * One\n  * second note\n';
    const { library } = readImportFiles([md('osdi-2020.md', page)]);
    expect(library.papers).toHaveLength(1);
    expect(library.papers[0]!.note).toBe('* first note\n\n* second note\n');
  });
});

describe('planning and applying an import', () => {
  it('previews new, updated, conflicting and unchanged papers, and writes nothing', async () => {
    const db = freshDb();
    await addPaper(db, { title: 'Clipper: A Low-Latency Online Prediction Serving System', venue: 'NSDI 2017', note: '* my own\n' });
    const read = readImportFiles(GITBOOK);
    const plan = await planImport(db, read);
    expect(plan.counts).toEqual({ new: 3, update: 0, conflict: 1, same: 0 });
    expect(await paperCount(db)).toBe(1);
  });

  it('never overwrites an edited note without asking; replace or merge when asked', async () => {
    const db = freshDb();
    const mine = await addPaper(db, { title: 'Clipper: A Low-Latency Online Prediction Serving System', venue: 'NSDI 2017', note: '* my own\n' });
    const plan = await planImport(db, readImportFiles(GITBOOK));
    const conflict = plan.items.findIndex((i) => i.action === 'conflict');

    const kept = await applyImport(db, plan);
    expect(kept).toMatchObject({ added: 3, kept: 1, updated: 0 });
    expect((await getPaper(db, mine.id))?.note).toBe('* my own\n');

    const db2 = freshDb();
    const mine2 = await addPaper(db2, { title: 'Clipper: A Low-Latency Online Prediction Serving System', venue: 'NSDI 2017', note: '* my own\n' });
    const plan2 = await planImport(db2, readImportFiles(GITBOOK));
    await applyImport(db2, plan2, new Map([[conflict, 'merge']]));
    expect(await getPaper(db2, mine2.id)).toMatchObject({ note: '* my own\n\n* UC Berkeley\n', topic: 'Model Serving' });
  });

  it('applies all or nothing', async () => {
    const db = freshDb();
    const plan = await planImport(db, readImportFiles(GITBOOK));
    await expect(applyImport(db, plan, new Map(), async () => { throw new Error('stopped'); })).rejects.toThrow('stopped');
    expect(await paperCount(db)).toBe(0);
    expect(await db.venues.count()).toBe(0);
  });

  it('restores a JSON backup exactly, and a second import changes nothing', async () => {
    const source = freshDb();
    await addPaper(source, { title: 'A paper', venue: 'OSDI 2024', year: 2024, note: '* n\n', tags: ['x'], arxivId: '2401.00001' });
    await addPaper(source, { title: 'Another', venue: 'arXiv 2024', year: 2024 });
    const backup = JSON.stringify(toBackup(await readLibrary(source)));
    const db = freshDb();
    await applyImport(db, await planImport(db, readImportFiles([md('backup.json', backup)])));
    expect(await storedPapers(db)).toEqual(await storedPapers(source));
    const again = await planImport(db, readImportFiles([md('backup.json', backup)]));
    expect(again.counts).toEqual({ new: 0, update: 0, conflict: 0, same: 2 });
  });

  it('links a catalog paper to one record at most: a backup’s other copies of it come in as the user’s notes', async () => {
    const db = freshDb();
    const entry = { id: 'cat:a', hash: 'h1', fields: emptyFields({ title: 'Paper A', venue: 'OSDI 2024', note: '* v1\n' }) };
    await syncCatalog(db, { hash: 'c1', papers: [entry], venues: [], topics: [] });
    const copy = (title: string, id?: string) => ({ ...entry.fields, title, note: `* ${title}\n`, ...(id && { id }), origin: 'catalog', catalogId: 'cat:a', catalogBase: { hash: 'h1', fields: entry.fields } });
    const backup = JSON.stringify({ ...toBackup({ venues: [], topics: [], papers: [] }), papers: [copy('My copy of A'), copy('A again', 'x-2')] });
    await applyImport(db, await planImport(db, readImportFiles([md('backup.json', backup)])));
    const records = await storedPapers(db);
    expect(records.filter((r) => r.catalogId === 'cat:a').map((r) => r.id)).toEqual(['cat:a']);
    expect(records.filter((r) => r.title !== 'Paper A').map((r) => [r.title, r.origin])).toEqual(expect.arrayContaining([['My copy of A', 'user'], ['A again', 'user']]));
    // The next catalog version updates the one linked record and leaves the copies alone.
    const next = { id: 'cat:a', hash: 'h2', fields: { ...entry.fields, note: '* v2\n' } };
    expect(await syncCatalog(db, { hash: 'c2', papers: [next], venues: [], topics: [] })).toMatchObject({ updated: 1, conflicts: 0 });
    expect((await getPaper(db, 'x-2'))?.note).toBe('* A again\n');
  });

  it('meets a title cut with "..." and the whole title, either way round, within the venue only', async () => {
    const db = freshDb();
    const whole = await addPaper(db, { title: 'Efficiently Programming Large Language Models using SGLang', venue: 'SOSP 2024', note: '* whole\n' });
    const cut = await addPaper(db, { title: 'Skyplane: Optimizing Tr...', venue: 'NSDI 2023', note: '* cut\n' });
    const paper = (title: string, venue: string) => ({ title, venue, note: `* ${title}\n` });
    const backup = JSON.stringify({
      ...toBackup({ venues: [], topics: [], papers: [] }),
      papers: [
        // Cut within its third word, as the site's navigation cuts long titles.
        paper('Efficiently Programming La...', 'SOSP 2024'),
        paper('Skyplane: Optimizing Transfer Cost and Throughput', 'NSDI 2023'),
        paper('Efficiently Programming La...', 'OSDI 2024'),
      ],
    });
    const plan = await planImport(db, readImportFiles([md('backup.json', backup)]));
    expect(plan.items.map((i) => [i.action, i.existing?.id])).toEqual([
      ['conflict', whole.id],
      ['conflict', cut.id],
      ['new', undefined],
    ]);
  });

  it('meets, of two notes with the arXiv id, the one with the lowest id, whichever was made first', async () => {
    const db = freshDb();
    await addPaper(db, { title: 'Mine', arxivId: '2401.00001', note: '* mine\n' });
    const catalogs = await createPaper(db, emptyFields({ title: 'Paper A', arxivId: '2401.00001' }), 'catalog', 'cat:a');
    const backup = JSON.stringify({ ...toBackup({ venues: [], topics: [], papers: [] }), papers: [{ title: 'Paper A v2', arxivId: '2401.00001', note: '* imported\n' }] });
    const plan = await planImport(db, readImportFiles([md('backup.json', backup)]));
    expect(plan.items.map((i) => i.existing?.id)).toEqual([catalogs.id]);
  });

  it('asks before replacing a note marked as the catalog’s that is not linked to it', async () => {
    const db = freshDb();
    const unlinked = await createPaper(db, emptyFields({ title: 'Paper A', venue: 'OSDI 2024', note: '* my words\n' }), 'catalog', 'cat:a');
    const backup = JSON.stringify({ ...toBackup({ venues: [], topics: [], papers: [] }), papers: [{ id: 'cat:a', title: 'Paper A', venue: 'OSDI 2024', note: '* imported\n' }] });
    const plan = await planImport(db, readImportFiles([md('backup.json', backup)]));
    expect(plan.items.map((i) => i.action)).toEqual(['conflict']);
    await applyImport(db, plan);
    expect((await getPaper(db, unlinked.id))?.note).toBe('* my words\n');
  });

  it('imports into a note only the first of two papers that meet it, and names the other', async () => {
    const db = freshDb();
    const mine = await addPaper(db, { title: 'Our paper', venue: 'OSDI 2024', arxivId: '2401.00001', usenixKey: 'osdi24/ours', note: '* mine\n' });
    const backup = JSON.stringify({
      ...toBackup({ venues: [], topics: [], papers: [] }),
      papers: [
        { title: 'Our paper, arXiv version', venue: 'arXiv 2024', arxivId: '2401.00001', note: '* from arXiv\n' },
        { title: 'Our paper, conference version', venue: 'OSDI 2024', usenixKey: 'osdi24/ours', note: '* from OSDI\n' },
      ],
    });
    const plan = await planImport(db, readImportFiles([md('backup.json', backup)]));
    expect(plan.items.map((i) => [i.action, i.existing?.id])).toEqual([['conflict', mine.id], ['same', mine.id]]);
    expect(plan.warnings.map((w) => w.message)).toEqual([expect.stringContaining('“Our paper, conference version” meets the same note as “Our paper, arXiv version”')]);
    await applyImport(db, plan, new Map([[0, 'replace']]));
    expect(await getPaper(db, mine.id)).toMatchObject({ note: '* from arXiv\n' });
    const { searchPapers } = await import('@/lib/db/search');
    expect((await searchPapers(db, 'OSDI')).total).toBe(0);
    expect((await searchPapers(db, 'arXiv version')).hits.map((h) => h.id)).toEqual([mine.id]);
  });

  it('finds nothing to change when its own GitBook export comes back, whatever places the pages give', async () => {
    const db = freshDb();
    await addPaper(db, { title: 'Taming Throughput-Latency Tradeoff', venue: 'OSDI 2024', year: 2024, note: '* chunked\n', position: 40 });
    await addPaper(db, { title: 'Llumnix: Dynamic Scheduling', venue: 'OSDI 2024', year: 2024, note: '* migration\n', position: 41 });
    const zip = exportZip(await readLibrary(db));
    const plan = await planImport(db, readImportFiles([{ path: 'x.zip', bytes: zip }]));
    expect(plan.counts).toEqual({ new: 0, update: 0, conflict: 0, same: 2 });
  });

  it('imports its own export into an empty database and gives the same library back', async () => {
    const source = freshDb();
    await addPaper(source, { title: 'Taming Throughput-Latency Tradeoff', venue: 'OSDI 2024', year: 2024, topic: 'LLMs', affiliations: 'MSR India & GaTech', note: '* chunked\n' });
    await addPaper(source, { title: 'Own page paper', venue: 'OSDI 2024', year: 2024, note: '```\ncode\n```\n', authors: ['A B'] });
    const zip = exportZip(await readLibrary(source));
    const db = freshDb();
    await applyImport(db, await planImport(db, readImportFiles([{ path: 'x.zip', bytes: zip }])));
    const titles = async (d: typeof db) => (await storedPapers(d)).map((p) => [p.title, p.note, p.authors]).sort();
    expect(await titles(db)).toEqual(await titles(source));
  });
});

describe('an import whose preview went stale', () => {
  it('writes nothing when a note was added after the preview, so its new papers cannot duplicate it', async () => {
    const db = freshDb();
    const plan = await planImport(db, readImportFiles(GITBOOK));
    await addPaper(db, { title: 'Clipper: A Low-Latency Online Prediction Serving System', venue: 'NSDI 2017', note: '* made in a panel meanwhile\n' });
    await expect(applyImport(db, plan)).rejects.toThrow('changed since the preview');
    expect(await paperCount(db)).toBe(1);
  });

  it('applies one preview once: a second apply (another options tab) writes nothing', async () => {
    const db = freshDb();
    const plan = await planImport(db, readImportFiles(GITBOOK));
    const first = await applyImport(db, plan);
    expect(first.added).toBe(4);
    await expect(applyImport(db, plan)).rejects.toThrow('changed since the preview');
    expect(await paperCount(db)).toBe(4);
  });


  it('writes nothing when a note changed after the preview', async () => {
    const { savePaper } = await import('@/lib/db/notes');
    const db = freshDb();
    const mine = await addPaper(db, { title: 'Clipper: A Low-Latency Online Prediction Serving System', venue: 'NSDI 2017', note: '* my own\n' });
    const plan = await planImport(db, readImportFiles(GITBOOK));
    await savePaper(db, mine.id, { note: '* edited after the preview\n' }, mine.rev);
    const conflict = plan.items.findIndex((i) => i.action === 'conflict');
    await expect(applyImport(db, plan, new Map([[conflict, 'replace']]))).rejects.toThrow('changed since the preview');
    expect((await getPaper(db, mine.id))?.note).toBe('* edited after the preview\n');
    expect(await paperCount(db)).toBe(1);
  });
});

describe('a picked folder that is a GitHub-synced GitBook repository', () => {
  // GitHub's issue templates and GitBook's reusable blocks are Markdown in hidden folders.
  const repo: ImportFile[] = [
    md('notes/SUMMARY.md', '# Table of contents\n\n* [Introduction](README.md)\n* [OSDI 2024](osdi-2024.md)\n'),
    md('notes/README.md', '# Introduction\n'),
    md('notes/osdi-2024.md', '# OSDI 2024\n\n## Papers\n\n### Serving\n\n* A paper\n  * A note\n'),
    md('notes/.github/ISSUE_TEMPLATE/bug_report.md', "---\nname: Bug report\nabout: Create a report\ntitle: ''\n---\n\n**Describe the bug**\n"),
    md('notes/.gitbook/includes/disclaimer.md', '---\ntitle: Disclaimer\n---\n\n# Disclaimer\n\nThese are personal notes.\n'),
  ];

  it('reads it as its zip is read: its hidden folders left out', () => {
    const folder = readImportFiles(repo);
    const zipped = readImportFiles([{ path: 'notes.zip', bytes: zipSync(Object.fromEntries(repo.map((f) => [f.path, f.bytes]))) }]);
    expect(zipped.errors).toEqual([]);
    expect(zipped.library.papers.map((p) => p.title)).toEqual(['A paper']);
    expect(folder.errors).toEqual([]);
    expect(folder.library).toEqual(zipped.library);
  });

  it('still reads a picked folder whose own name starts with a dot', () => {
    const read = readImportFiles(repo.map((f) => ({ ...f, path: f.path.replace(/^notes\//, '.notes/') })));
    expect(read.library.papers.map((p) => p.title)).toEqual(['A paper']);
  });
});

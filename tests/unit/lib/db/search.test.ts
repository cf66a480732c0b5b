import { describe, expect, it } from 'vitest';
import { listTags, listTopics, listVenues, papersInVenue, papersWithTag } from '@/lib/db/library';
import { deletePaper } from '@/lib/db/delete';
import { updatePaper } from '@/lib/db/notes';
import { searchPapers } from '@/lib/db/search';
import type { PaperNotesDB } from '@/lib/db/schema';
import { highlight, snippet } from '@/lib/search/highlight';
import { queryTokens, tokenize, MAX_TOKENS } from '@/lib/search/tokens';
import { emptyFields } from '@/lib/notes/derive';
import { addPaper, freshDb, storedPapers, termsOf } from '../../db-helpers';

async function library() {
  const db = freshDb();
  const sarathi = await addPaper(db, {
    title: 'Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve',
    venue: 'OSDI 2024',
    year: 2024,
    topic: 'Large Language Models (LLMs)',
    authors: ['Amey Agrawal'],
    affiliations: 'MSR India & GaTech',
    note: '* Chunked-prefills: split a prefill request into near equal-sized chunks.',
  });
  const serverless = await addPaper(db, {
    title: 'ServerlessLLM: Low-Latency Serverless Inference for Large Language Models',
    venue: 'OSDI 2024',
    year: 2024,
    topic: 'Large Language Models (LLMs)',
    tags: ['serverless'],
    note: '* Multi-tier checkpoint loading.',
  });
  const lina = await addPaper(db, { title: 'Accelerating Distributed MoE Training and Inference with Lina', venue: 'ATC 2023', year: 2023, note: 'Uses chunked all-to-all.' });
  await db.venues.bulkPut([
    { label: 'OSDI 2024', name: 'OSDI', year: 2024, group: 'conference', homepage: '', paperList: '', acceptanceRate: '', references: '' },
    { label: 'NSDI 2024', name: 'NSDI', year: 2024, group: 'conference', homepage: '', paperList: '', acceptanceRate: '', references: '' },
    { label: 'ACM Computing Surveys 2017', name: 'ACM Computing Surveys', year: 2017, group: 'journal', homepage: '', paperList: '', acceptanceRate: '', references: '' },
  ]);
  return { db, sarathi, serverless, lina };
}

/** The ids of the papers a query finds in a database, sorted. */
const idsFound = (db: PaperNotesDB) => async (query: string) => (await searchPapers(db, query)).hits.map((h) => h.id).sort();

describe('searchPapers', () => {
  it('finds words across title, authors, venue, topic, tags, affiliations and note, by word prefix', async () => {
    const { db, sarathi, serverless, lina } = await library();
    const ids = async (q: string) => (await searchPapers(db, q)).hits.map((h) => h.id).sort();
    expect(await ids('sarathi')).toEqual([sarathi.id]);
    expect(await ids('agrawal')).toEqual([sarathi.id]);
    expect(await ids('gatech')).toEqual([sarathi.id]);
    expect(await ids('#serverless')).toEqual([serverless.id]);
    expect(await ids('osdi')).toEqual([sarathi.id, serverless.id].sort());
    expect(await ids('checkpoint')).toEqual([serverless.id]);
    expect(await ids('chunk')).toEqual([sarathi.id, lina.id].sort());
    expect(await ids('Inférence LLM')).toEqual([sarathi.id, serverless.id].sort());
    expect(await ids('nothing-like-this')).toEqual([]);
  });

  it('puts title hits before note hits', async () => {
    const { db, serverless } = await library();
    await addPaper(db, { title: 'Another paper', note: 'Compared with ServerlessLLM.', venue: 'X 2025' });
    const { hits, total } = await searchPapers(db, 'serverlessllm');
    expect(total).toBe(2);
    expect(hits[0]!.id).toBe(serverless.id);
  });

  it('finds Chinese and Japanese words inside sentences written without spaces', async () => {
    const db = freshDb();
    const zh = await addPaper(db, { title: 'A paper', note: '* 这篇论文提出了一种新的调度方法\n' });
    const review = await addPaper(db, { title: 'Another', note: '* OSDI 2024 论文评述 Day 1 Session 2: Low-Latency LLM Serving\n' });
    const ja = await addPaper(db, { title: 'Third', note: '* 推論サービスのスケジューリング\n' });
    const ids = idsFound(db);
    expect(await ids('调度')).toEqual([zh.id]);
    expect(await ids('调度方法')).toEqual([zh.id]);
    expect(await ids('论文')).toEqual([zh.id, review.id].sort());
    expect(await ids('论文评述 serving')).toEqual([review.id]);
    expect(await ids('スケジューリング')).toEqual([ja.id]);
    expect(await ids('方法调度')).toEqual([]);
    const long = await addPaper(db, { title: 'Long', note: '* 本文提出了一种面向大语言模型推理服务的分布式调度系统能够在保证服务等级目标的同时显著提升集群吞吐量\n' });
    expect(await ids('本文提出了')).toEqual([long.id]);
    expect(await ids('集群吞吐量')).toEqual([long.id]);
  });

  it('searches a long CJK phrase to its end, and its pairs in order where the eight words leave room', async () => {
    const db = freshDb();
    const zh = await addPaper(db, { title: 'A paper', note: '* 这篇论文提出了一种新的调度方法\n' });
    const ids = idsFound(db);
    // Fifteen characters: eight pairs side by side reach the end, where one pair in a row did not.
    expect(await ids('这篇论文提出了一种新的调度方法')).toEqual([zh.id]);
    expect(await ids('这篇论文提出了一种新的调度算法')).toEqual([]);
    expect((await searchPapers(db, '这篇论文提出了一种新的调度方法')).unsearched).toEqual([]);
    // The same pairs in another order are not the phrase.
    expect(await ids('方法调度')).toEqual([]);
  });

  it('finds Korean by syllables and Japanese by voiced kana, not by the letters and bare kana they share with other words', async () => {
    const db = freshDb();
    const ko = await addPaper(db, { title: 'A paper', note: '* 한국어 논문 요약\n' });
    const other = await addPaper(db, { title: 'Another', note: '* 하나의 안내, 구조와 국가\n' });
    const bus = await addPaper(db, { title: 'Third', note: '* バスの時刻表\n' });
    const lotus = await addPaper(db, { title: 'Fourth', note: '* ハスの花\n' });
    const ids = idsFound(db);
    expect(await ids('한국')).toEqual([ko.id]);
    expect(await ids('한')).toEqual([ko.id]);
    expect(await ids('요약')).toEqual([ko.id]);
    expect(await ids('국가')).toEqual([other.id]);
    expect(await ids('バス')).toEqual([bus.id]);
    expect(await ids('ハス')).toEqual([lotus.id]);
    // Half-width kana are the same kana.
    expect(await ids('ﾊﾞｽ')).toEqual([bus.id]);
  });

  it('ranks a paper whose title has the Korean or voiced kana searched for before one whose note has them', async () => {
    const db = freshDb();
    const ko = await addPaper(db, { title: '한국어 논문 요약 시스템', note: '' });
    const bus = await addPaper(db, { title: 'バスの時刻表', note: '' });
    // Edited later: ranked first, were the titles not found as titles.
    await addPaper(db, { title: 'Other', note: '* 한국어 논문, バスの時刻表\n' });
    expect((await searchPapers(db, '한국어')).hits[0]!.id).toBe(ko.id);
    expect((await searchPapers(db, 'バス')).hits[0]!.id).toBe(bus.id);
  });

  it('finds a CJK character anywhere in a run, or standing alone, and ranks a CJK title first', async () => {
    const db = freshDb();
    const zh = await addPaper(db, { title: 'A paper', note: '* 这篇论文提出了一种新的调度方法\n' });
    const lone = await addPaper(db, { title: 'Another', note: '* 用 GPU 做推理, 锁\n' });
    const titled = await addPaper(db, { title: '分布式锁服务', note: '' });
    const ids = idsFound(db);
    // Start, middle and end of a run.
    expect(await ids('这')).toEqual([zh.id]);
    expect(await ids('调')).toEqual([zh.id]);
    expect(await ids('法')).toEqual([zh.id]);
    // A run of one character.
    expect(await ids('用')).toEqual([lone.id]);
    expect(await ids('锁 gpu')).toEqual([lone.id]);
    expect(await ids('锁')).toEqual([lone.id, titled.id].sort());
    expect(await ids('猫')).toEqual([]);
    const { hits, tokens } = await searchPapers(db, '锁');
    expect(tokens).toEqual(['锁']);
    expect(hits[0]!.id).toBe(titled.id);
    expect((await searchPapers(db, '服务')).hits.map((h) => h.id)).toEqual([titled.id]);
  });

  it('gives nothing for an empty query', async () => {
    const { db } = await library();
    expect(await searchPapers(db, '  ')).toEqual({ hits: [], total: 0, tokens: [], unsearched: [] });
  });

  it('searches the first eight words of two letters or more, and says which it left out', async () => {
    const { db, sarathi } = await library();
    // One-letter words are not searched for, and do not count among the eight.
    const short = await searchPapers(db, 'a b c d e f g h sarathi');
    expect([short.tokens, short.unsearched, short.hits.map((h) => h.id)]).toEqual([['sarathi'], [], [sarathi.id]]);
    const long = await searchPapers(db, 'taming throughput latency tradeoff in llm inference with sarathi serve');
    expect(long.tokens).toHaveLength(8);
    expect(long.unsearched).toEqual(['sarathi', 'serve']);
  });
});

describe('highlight', () => {
  it('marks the words a query starts, as text segments', () => {
    expect(highlight('Chunked-prefills: split a prefill', ['prefill'])).toEqual([
      { text: 'Chunked-', hit: false },
      { text: 'prefills', hit: true },
      { text: ': split a ', hit: false },
      { text: 'prefill', hit: true },
    ]);
    expect(highlight('Café <script>', ['cafe', 'script'])).toEqual([
      { text: 'Café', hit: true },
      { text: ' <', hit: false },
      { text: 'script', hit: true },
      { text: '>', hit: false },
    ]);
  });

  it('marks words under three letters only where they are whole words, as search matched them', () => {
    expect(highlight('Inference in ML, for MLPerf', ['in', 'ml'])).toEqual([
      { text: 'Inference ', hit: false },
      { text: 'in', hit: true },
      { text: ' ', hit: false },
      { text: 'ML', hit: true },
      { text: ', for MLPerf', hit: false },
    ]);
    expect(highlight('GPU调度 on GPUs', ['gp', '调度'])).toEqual([
      { text: 'GPU', hit: false },
      { text: '调度', hit: true },
      { text: ' on GPUs', hit: false },
    ]);
  });

  it('marks every place a one-character CJK query is found', () => {
    expect(highlight('锁服务, 用锁', ['锁'])).toEqual([
      { text: '锁', hit: true },
      { text: '服务', hit: false },
      { text: ', ', hit: false },
      { text: '用', hit: false },
      { text: '锁', hit: true },
    ]);
  });

  it('marks the characters of a CJK word the query’s pairs cover', () => {
    expect(highlight('这篇论文提出了一种新的调度方法。', ['调度', '度方', '方法'])).toEqual([
      { text: '这篇论文提出了一种新的', hit: false },
      { text: '调度方法', hit: true },
      { text: '。', hit: false },
    ]);
    expect(highlight('GPU调度 and gpus', ['gpu', '调度'])).toEqual([
      { text: 'GPU调度', hit: true },
      { text: ' and ', hit: false },
      { text: 'gpus', hit: true },
    ]);
    expect(highlight('GPU调度', ['调度'])).toEqual([
      { text: 'GPU', hit: false },
      { text: '调度', hit: true },
    ]);
  });

  it('marks Korean and voiced kana as typed, and characters that search reads as others (ｶﾞ, ㍿) where they stand', () => {
    expect(highlight('한국어 논문', queryTokens('한국'))).toEqual([
      { text: '한국', hit: true },
      { text: '어', hit: false },
      { text: ' 논문', hit: false },
    ]);
    expect(highlight('ガイドです', queryTokens('ガイド'))).toEqual([
      { text: 'ガイド', hit: true },
      { text: 'です', hit: false },
    ]);
    expect(highlight('ｶﾞｲﾄﾞです', queryTokens('ガイド'))).toEqual([
      { text: 'ｶﾞｲﾄﾞ', hit: true },
      { text: 'です', hit: false },
    ]);
    expect(highlight('㍿と会社', queryTokens('株式'))).toEqual([
      { text: '㍿', hit: true },
      { text: 'と会社', hit: false },
    ]);
    // A decomposed syllable (jamo as typed by some input methods) is marked whole.
    expect(highlight('\u1112\u1161\u11ab\u1100\u116e\u11a8', queryTokens('한국'))).toEqual([{ text: '\u1112\u1161\u11ab\u1100\u116e\u11a8', hit: true }]);
  });

  it('cuts an excerpt around the first hit', () => {
    const text = `${'filler '.repeat(40)}the needle is here ${'more '.repeat(40)}`;
    const excerpt = snippet(text, ['needle'], 30);
    expect(excerpt).toMatch(/^….*needle.*…$/);
    expect(excerpt.length).toBeLessThan(70);
  });
});

describe('tokenize', () => {
  it('bounds the words indexed for a huge note', () => {
    const huge = Array.from({ length: 20_000 }, (_, i) => `word${i}`).join(' ');
    expect(tokenize('Title', huge)).toHaveLength(MAX_TOKENS);
    expect(tokenize('Title', huge)[0]).toBe('title');
  });
});

describe('browsing', () => {
  it('lists every venue, papers or not, conferences first and newest first', async () => {
    const { db } = await library();
    expect((await listVenues(db)).map((v) => [v.label, v.count])).toEqual([
      ['NSDI 2024', 0],
      ['OSDI 2024', 2],
      ['ATC 2023', 1],
      ['ACM Computing Surveys 2017', 0],
    ]);
  });

  it('lists papers without a venue under the label "", with the rest, and follows them as they get one', async () => {
    const { db } = await library();
    const none = await addPaper(db, { title: 'Imported without a venue', venue: '' });
    expect((await listVenues(db)).at(-1)).toEqual({ label: '', group: 'misc', year: null, count: 1 });
    expect((await papersInVenue(db, '')).map((p) => p.id)).toEqual([none.id]);
    await updatePaper(db, none.id, () => ({ venue: 'NSDI 2024' }));
    expect((await listVenues(db)).map((v) => v.label)).not.toContain('');
    expect((await papersInVenue(db, 'NSDI 2024')).map((p) => p.id)).toEqual([none.id]);
  });

  it('lists a venue’s papers and the topics', async () => {
    const { db, sarathi, serverless } = await library();
    expect((await papersInVenue(db, 'OSDI 2024')).map((p) => p.id)).toEqual([sarathi.id, serverless.id]);
    expect(await listTopics(db)).toEqual([{ topic: 'Large Language Models (LLMs)', count: 2 }]);
  });

  it('lists the tags with their papers, and keeps them in step with edits and deletions', async () => {
    const { db, sarathi, serverless } = await library();
    expect(await listTags(db)).toEqual([{ tag: 'serverless', count: 1 }]);
    await updatePaper(db, sarathi.id, () => ({ tags: ['Scheduling', 'serverless', 'serverless'] }));
    expect(await listTags(db)).toEqual([
      { tag: 'Scheduling', count: 1 },
      { tag: 'serverless', count: 2 },
    ]);
    expect((await papersWithTag(db, 'serverless')).map((p) => p.id)).toEqual([sarathi.id, serverless.id]);
    await updatePaper(db, serverless.id, () => ({ tags: [] }));
    await deletePaper(db, sarathi.id);
    expect(await listTags(db)).toEqual([]);
    expect(await papersWithTag(db, 'serverless')).toEqual([]);
  });
});

describe('tags that differ only in case', () => {
  it('are one tag, spelt as most of its papers spell it, each paper counted once', async () => {
    const { db, sarathi, serverless, lina } = await library();
    await updatePaper(db, sarathi.id, () => ({ tags: ['LLM', 'Serverless'] }));
    await updatePaper(db, lina.id, () => ({ tags: ['llm', 'LLM'] }));
    await addPaper(db, { title: 'A fourth', tags: ['llm'] });
    await addPaper(db, { title: 'A fifth', tags: ['llm'] });
    expect(await listTags(db)).toEqual([
      { tag: 'llm', count: 4 },
      { tag: 'serverless', count: 2 },
    ]);
    expect((await papersWithTag(db, 'llm')).map((p) => p.title)).toEqual([sarathi.title, lina.title, 'A fourth', 'A fifth']);
    expect((await papersWithTag(db, 'SERVERLESS')).map((p) => p.id)).toEqual([sarathi.id, serverless.id]);
  });
});

describe('the search postings', () => {
  it('follow edits and deletions: no stale hit, no missed word', async () => {
    const { db, sarathi } = await library();
    const { savePaper } = await import('@/lib/db/notes');
    const { deletePaper } = await import('@/lib/db/delete');
    const saved = await savePaper(db, sarathi.id, { note: '* Stall-free batching only now.\n' }, sarathi.rev);
    expect((await searchPapers(db, 'chunked')).hits.map((h) => h.id)).not.toContain(sarathi.id);
    expect((await searchPapers(db, 'stall batching')).hits.map((h) => h.id)).toEqual([sarathi.id]);
    await deletePaper(db, sarathi.id);
    expect((await searchPapers(db, 'stall')).total).toBe(0);
    const rows = await db.terms.toArray();
    const lists = rows.flatMap((r) => Object.values(termsOf(r)));
    expect(lists.some((ids) => ids.includes(saved.seq!))).toBe(false);
    expect(lists.every((ids) => ids.length > 0)).toBe(true);
  });

  it('take a bulk write into the rows that exist and make the rest', async () => {
    const { db, sarathi, lina } = await library();
    const { buildRecord } = await import('@/lib/db/notes');
    const { paperTables, putPapers } = await import('@/lib/db/write');
    // Six hundred titles of words with heads of their own: far more rows than a save touches.
    const head = (i: number) => String.fromCharCode(97 + (i % 26), 97 + (Math.floor(i / 26) % 26), 97 + (Math.floor(i / 676) % 26));
    const records = Array.from({ length: 600 }, (_, i) =>
      buildRecord(emptyFields({ title: `${head(i)}word study`, note: i === 7 ? 'Chunked again.' : '' }), { id: `bulk-${i}`, createdAt: 1, updatedAt: 1, rev: 1, origin: 'user' }),
    );
    const rowsBefore = await db.terms.count();
    await db.transaction('rw', paperTables(db), async () => putPapers(db, records));
    expect((await db.terms.count()) - rowsBefore).toBeGreaterThan(600);
    const ids = async (q: string) => (await searchPapers(db, q)).hits.map((h) => h.id).sort();
    expect(await ids('chunked')).toEqual([sarathi.id, lina.id, 'bulk-7'].sort());
    expect(await ids(`${head(599)}word`)).toEqual(['bulk-599']);
    expect((await searchPapers(db, 'study')).total).toBe(600);
    expect(await ids('sarathi')).toEqual([sarathi.id]);
  });

  it('match words under three letters whole, longer ones as prefixes', async () => {
    const { db, sarathi } = await library();
    expect((await searchPapers(db, 'in')).total).toBeGreaterThan(0);
    expect((await searchPapers(db, 'ag')).total).toBe(0);
    expect((await searchPapers(db, 'agr')).hits.map((h) => h.id)).toEqual([sarathi.id]);
  });
});

describe('a change to what is indexed', () => {
  it('rebuilds the postings once, at the next start', async () => {
    const { ensureTerms, TERMS_VERSION_KEY } = await import('@/lib/db/reindex');
    const { db, sarathi } = await library();
    expect(await ensureTerms(db)).toBe(true);
    expect(await ensureTerms(db)).toBe(false);
    // Postings made by an older indexing: a word missing, and the version of an older build.
    await db.terms.clear();
    await db.meta.put({ key: TERMS_VERSION_KEY, value: 1 });
    expect((await searchPapers(db, 'sarathi')).total).toBe(0);
    expect(await ensureTerms(db)).toBe(true);
    expect((await searchPapers(db, 'sarathi')).hits.map((h) => h.id)).toEqual([sarathi.id]);
  });

  it('reads rows of version 13 (an object of terms) until the rebuild writes them in the new form', async () => {
    const { ensureTerms, TERMS_VERSION_KEY } = await import('@/lib/db/reindex');
    const { savePaper } = await import('@/lib/db/notes');
    const { db, sarathi, serverless, lina } = await library();
    const ids = async (q: string) => (await searchPapers(db, q)).hits.map((h) => h.id).sort();
    const before = { chunk: await ids('chunk'), osdi: await ids('osdi'), venues: await listVenues(db) };
    // As version 13 left them: word, title and facet rows as objects, key rows packed.
    const rows = await db.terms.toArray();
    await db.terms.bulkPut(rows.map((row) => (row.packed === undefined ? { k: row.k, terms: termsOf(row) } : row)));
    await db.meta.put({ key: TERMS_VERSION_KEY, value: 13 });
    expect(await ids('chunk')).toEqual(before.chunk);
    expect(await ids('osdi')).toEqual(before.osdi);
    expect(await listVenues(db)).toEqual(before.venues);
    // A save before the rebuild rewrites the rows it touches in the new form, the others' terms kept.
    const checkpoint = (await db.terms.get('w:che#0000'))!;
    expect(checkpoint.terms).toEqual({ checkpoint: [serverless.seq] });
    const saved = await savePaper(db, lina.id, { note: 'Chunked scheduling of all-to-all, a checkpoint too.' }, lina.rev);
    const touched = (await db.terms.get('w:che#0000'))!;
    expect(touched.terms).toBeUndefined();
    expect(termsOf(touched)).toEqual({ checkpoint: [serverless.seq, saved.seq].sort((a, b) => a! - b!) });
    expect(await ids('chunk')).toEqual([sarathi.id, lina.id].sort());
    expect(await ids('sched')).toEqual([lina.id]);
    expect(await ids('checkpoint')).toEqual([serverless.id, lina.id].sort());
    expect(await ids('serverless')).toEqual([serverless.id]);
    expect(await ensureTerms(db)).toBe(true);
    const rebuilt = await db.terms.toArray();
    expect(rebuilt.filter((row) => row.terms !== undefined)).toEqual([]);
    expect(rebuilt.every((row) => (row.k.startsWith('k:') ? row.packed !== undefined : row.ids instanceof Int32Array))).toBe(true);
    expect(await ids('chunk')).toEqual([sarathi.id, lina.id].sort());
    expect(await ids('osdi')).toEqual(before.osdi);
    expect(await listVenues(db)).toEqual(before.venues);
  });

  it('rebuilds from the papers a page at a time, to the postings a single pass makes', async () => {
    const { rebuildTerms, postingsOf, shelfPages } = await import('@/lib/db/reindex');
    const { db } = await library();
    await addPaper(db, { title: 'A fourth paper', note: 'Chunked, too.' });
    const whole = postingsOf(await storedPapers(db));
    const sorted = [...whole].sort((a, b) => (a.k < b.k ? -1 : 1));
    // Pages of one shelf, a full last page, a part-filled one, and all in one page: each paper read once.
    for (const pageShelves of [1, 2, 3, 5]) {
      await db.terms.clear();
      expect(await db.transaction('rw', [db.shelves, db.terms, db.meta], async () => rebuildTerms(db, shelfPages(db.shelves, pageShelves)))).toBe(4);
      expect(await db.terms.orderBy('k').toArray()).toEqual(sorted);
    }
    expect((await searchPapers(db, 'chunked')).total).toBe(3);
  });
});

describe('a write that names one paper twice', () => {
  it('is refused whole, and the postings stay as they were', async () => {
    const { paperTables, putPapers } = await import('@/lib/db/write');
    const db = freshDb();
    const paper = await addPaper(db, { title: 'Original words here' });
    const twice = [{ ...paper, title: 'First rewrite' }, { ...paper, title: 'Second rewrite' }];
    await expect(db.transaction('rw', paperTables(db), async () => putPapers(db, twice))).rejects.toThrow('names the same paper twice');
    expect((await searchPapers(db, 'original')).hits.map((h) => h.id)).toEqual([paper.id]);
    expect((await searchPapers(db, 'rewrite')).total).toBe(0);
  });
});

describe('a search that matches more papers than it shows', () => {
  it('shows the newest, so a note just made is among them', async () => {
    const db = freshDb();
    for (let i = 0; i < 8; i++) await addPaper(db, { title: `Learning paper ${i}` });
    const newest = await addPaper(db, { title: 'Learning to serve, written today' });
    const result = await searchPapers(db, 'learning', 5);
    expect(result.total).toBe(9);
    expect(result.hits).toHaveLength(5);
    expect(result.hits.map((h) => h.id)).toContain(newest.id);
  });
});

describe('more hits asked for', () => {
  it('come after those shown, which keep their order', async () => {
    const { buildRecord } = await import('@/lib/db/notes');
    const { paperTables, putPapers } = await import('@/lib/db/write');
    const db = freshDb();
    // Edited in an order of their own, titles and notes: title hits first, each group by its last edit.
    const records = Array.from({ length: 130 }, (_, i) =>
      buildRecord(emptyFields(i % 3 ? { title: `Learning paper ${i}` } : { title: `Paper ${i}`, note: 'learning' }), { id: `r-${i}`, createdAt: i, updatedAt: (i * 37) % 130, rev: 1, origin: 'user' }),
    );
    await db.transaction('rw', paperTables(db), async () => putPapers(db, records));
    const ids = async (limit: number) => (await searchPapers(db, 'learning', limit)).hits.map((h) => h.id);
    const [fifty, hundred, all] = [await ids(50), await ids(100), await ids(150)];
    expect(hundred.slice(0, 50)).toEqual(fifty);
    expect(all.slice(0, 100)).toEqual(hundred);
    expect(new Set(all).size).toBe(130);
  });
});

describe('words that name a property of every object', () => {
  it('are indexed, found and removed like any other word ("constructor")', async () => {
    const db = freshDb();
    const first = await addPaper(db, { title: 'A constructor study', note: '* The constructor runs first.' });
    const second = await addPaper(db, { title: 'Another paper', note: '* Its constructor too; valueof tostring' });
    expect((await searchPapers(db, 'constructor')).hits.map((h) => h.id).sort()).toEqual([first.id, second.id].sort());
    await updatePaper(db, second.id, () => ({ note: '* Nothing of the kind.' }));
    expect((await searchPapers(db, 'constructor')).hits.map((h) => h.id)).toEqual([first.id]);
    expect((await searchPapers(db, 'construct')).hits.map((h) => h.id)).toEqual([first.id]);
  });
});

describe('search results of the same age', () => {
  it('come in number order, as a first install numbers the catalog', async () => {
    const { buildRecord } = await import('@/lib/db/notes');
    const { paperTables, putPapers } = await import('@/lib/db/write');
    const db = freshDb();
    const records = ['Alpha', 'Beta', 'Gamma'].map((t, i) => buildRecord(emptyFields({ title: `${t} serving` }), { id: `r-${i}`, createdAt: 1, updatedAt: 1, rev: 1, origin: 'catalog' }));
    await db.transaction('rw', paperTables(db), async () => putPapers(db, records));
    expect((await searchPapers(db, 'serving')).hits.map((h) => h.id)).toEqual(['r-0', 'r-1', 'r-2']);
  });
});


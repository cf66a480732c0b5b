import { describe, expect, it } from 'vitest';
import { detectFromUrl } from '@/lib/detect-url';
import { findPaper } from '@/lib/db/lookup';
import { confirmMatch, createFromPage, matchPage, rejectMatch } from '@/lib/db/matching';
import { pageUrls } from '@/lib/notes/identifiers';
import type { DetectedPaper } from '@/lib/paper';
import { addPaper, arxivPage as arxivPageOf, freshDb, paperCount, rewriteStored } from '../../db-helpers';
import { getPaper } from '@/lib/db/read';

const SARATHI = 'Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve';
const usenixPage: DetectedPaper = {
  key: 'usenix:osdi24/agrawal',
  source: 'usenix',
  kind: 'presentation',
  url: 'https://www.usenix.org/conference/osdi24/presentation/agrawal',
  usenixKey: 'osdi24/agrawal',
  venue: 'OSDI 2024',
  year: 2024,
  title: SARATHI,
  pdfUrl: 'https://www.usenix.org/system/files/osdi24-agrawal.pdf',
};
const arxivPage: DetectedPaper = {
  key: 'arxiv:2403.02310',
  source: 'arxiv',
  kind: 'abstract',
  url: 'https://arxiv.org/abs/2403.02310v2',
  arxivId: '2403.02310',
  version: 2,
  title: 'Taming throughput-latency tradeoff in LLM inference with Sarathi-Serve',
};
const page = (title: string, extra: Partial<DetectedPaper> = {}) => arxivPageOf(title, undefined, extra);

describe('findPaper', () => {
  it('matches by arXiv id, USENIX key, DOI and stored URL before any title', async () => {
    const db = freshDb();
    const byArxiv = await addPaper(db, { title: 'Something else entirely', arxivId: '2403.02310' });
    await addPaper(db, { title: SARATHI });
    expect(await findPaper(db, arxivPage)).toMatchObject({ by: 'arxiv', record: { id: byArxiv.id } });

    const byKey = await addPaper(db, { title: 'Another', usenixKey: 'osdi24/agrawal' });
    expect(await findPaper(db, usenixPage)).toMatchObject({ by: 'usenix', record: { id: byKey.id } });

    const byDoi = await addPaper(db, { title: 'With a DOI', doi: '10.1145/3600006.3613165' });
    expect(await findPaper(db, page('Unrelated', { doi: 'https://doi.org/10.1145/3600006.3613165' }))).toMatchObject({
      by: 'doi',
      record: { id: byDoi.id },
    });

    const byUrl = await addPaper(db, { title: 'Seen at a PDF', urls: ['https://usenix.org/system/files/osdi24-fu.pdf'] });
    const pdf: DetectedPaper = { key: 'usenix:osdi24/fu', source: 'usenix', kind: 'pdf', url: 'https://www.usenix.org/system/files/osdi24-fu.pdf', usenixKey: 'osdi24/fu' };
    expect(await findPaper(db, pdf)).toMatchObject({ by: 'url', record: { id: byUrl.id } });
  });

  it('finds a USENIX note from its PDF, whose name writes the slug with "_" where the page has "-"', async () => {
    const db = freshDb();
    const pdf = detectFromUrl('https://www.usenix.org/system/files/osdi20-zhao_hanyu.pdf') as DetectedPaper;
    expect(pdf.usenixKey).toBe('osdi20/zhao-hanyu');
    const keyed = await addPaper(db, { title: 'HiveD', usenixKey: 'osdi20/zhao-hanyu' });
    expect(await findPaper(db, pdf)).toMatchObject({ by: 'usenix', record: { id: keyed.id } });
    // A note stored before, from the PDF, with the name's "_": its URL finds it, its key agrees.
    const older = freshDb();
    const stored = await addPaper(older, { title: 'HiveD', usenixKey: 'osdi20/zhao_hanyu', urls: ['https://usenix.org/system/files/osdi20-zhao_hanyu.pdf'] });
    expect(await findPaper(older, pdf)).toMatchObject({ by: 'url', record: { id: stored.id } });
  });

  it('finds a USENIX note from a PDF its page named, however far the file name is from the page’s slug', async () => {
    const db = freshDb();
    const pdfUrl = 'https://www.usenix.org/system/files/osdi20-paper-hived.pdf';
    const pdf: DetectedPaper = { key: 'usenix:osdi20/hived', source: 'usenix', kind: 'pdf', url: pdfUrl, usenixKey: 'osdi20/hived' };
    const seen = await addPaper(db, { title: 'HiveD', usenixKey: 'osdi20/zhao-hanyu', urls: ['https://usenix.org/system/files/osdi20-paper-hived.pdf'] });
    expect(await findPaper(db, pdf)).toMatchObject({ by: 'url', record: { id: seen.id } });
    // Its key still keeps apart a paper whose page says another key.
    const page = { ...pdf, kind: 'presentation' as const, url: 'https://www.usenix.org/conference/osdi20/presentation/hived' };
    expect(await findPaper(db, page)).toBeNull();
  });

  it('matches the same paper across arXiv and USENIX by title, in any case and punctuation', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: SARATHI, venue: 'OSDI 2024' });
    expect(await findPaper(db, arxivPage)).toMatchObject({ by: 'title', record: { id: note.id } });
    expect(await findPaper(db, page('TAMING THROUGHPUT–LATENCY TRADEOFF IN LLM INFERENCE WITH SARATHI SERVE'))).toMatchObject({ by: 'title' });
  });

  it('matches a full title to a stored title truncated with "..."', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'SmartMoE: Efficiently Training Sparsely-Activated Models ...', venue: 'ATC 2023' });
    const full = page('SmartMoE: Efficiently Training Sparsely-Activated Models through Combining Offline and Online Parallelization');
    expect(await findPaper(db, full)).toMatchObject({ by: 'prefix', record: { id: note.id } });
  });

  it('matches a full title to a stored title cut after three words', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'Efficiently Programming Large...', venue: 'SOSP 2024' });
    expect(await findPaper(db, page('Efficiently Programming Large Language Models using SGLang'))).toMatchObject({ by: 'prefix', record: { id: note.id } });
  });

  it('matches a full title to a stored title cut within its third word, and not a title that only shares that start', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'Efficiently Programming La...', venue: 'SOSP 2024' });
    expect(await findPaper(db, page('Efficiently Programming Large Language Models using SGLang'))).toMatchObject({ by: 'prefix', record: { id: note.id } });
    expect(await findPaper(db, page('Efficiently Programming Lossless Compression'))).toBeNull();
  });

  it('proposes a close title as fuzzy, to be confirmed', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'Skyplane: Optimizing Transfer Cost and Throughput Using Cloud-Aware Overlays' });
    const close = page('Skyplane: Optimizing transfer cost and throughput using cloud-aware overlay');
    expect(await findPaper(db, close)).toMatchObject({ by: 'fuzzy', record: { id: note.id } });
  });

  it.each([
    ['a longer title that starts with a stored one', 'Fairness in Serving Large Language Models', 'Fairness in Serving Large Language Models at Scale'],
    ['a shorter title that a stored one starts with', 'Fairness in Serving Large Language Models at Scale', 'Fairness in Serving Large Language Models'],
    ['the same words in another order', 'Serving DNNs in the Wild', 'DNNs Serving in the Wild'],
    ['one word changed', 'Efficient Memory Management for Large Language Model Serving', 'Efficient Memory Management for Large Language Model Training'],
    ['a truncated title the page does not continue', 'SmartMoE: Efficiently Training Sparsely-Activated Models ...', 'SmartMoE: Efficiently Training Dense Models'],
  ])('does not match %s', async (_, stored, seen) => {
    const db = freshDb();
    await addPaper(db, { title: stored });
    expect(await findPaper(db, page(seen))).toBeNull();
  });

  it('finds a close title among many papers that share most of its words', async () => {
    const db = freshDb();
    for (let i = 0; i < 210; i++) await addPaper(db, { title: `Efficient Serving of Large Models number${i}` });
    const note = await addPaper(db, { title: 'Efficient Serving of Large Models with Sarathi-Serve' });
    expect(await findPaper(db, page('Efficient serving of large model with Sarathi-Serve'))).toMatchObject({ by: 'fuzzy', record: { id: note.id } });
    expect(await findPaper(db, page('Efficient Serving of Large Models with Orca'))).toBeNull();
  });

  it('finds a close title whose every word is in hundreds of titles', async () => {
    const db = freshDb();
    // Each of the four words in 210 titles, no other title with more than two of them.
    const words = ['Efficient', 'Serving', 'Large', 'Models'];
    const pairs = words.flatMap((a, i) => words.slice(i + 1).map((b) => `${a} ${b}`));
    for (let i = 0; i < 420; i++) await addPaper(db, { title: `${pairs[i % pairs.length]} number${i}` });
    const note = await addPaper(db, { title: 'Efficient Serving of Large Models' });
    expect(await findPaper(db, page('Efficient serving of large model'))).toMatchObject({ by: 'fuzzy', record: { id: note.id } });
  });

  it('never matches a note whose ids contradict the page', async () => {
    const db = freshDb();
    await addPaper(db, { title: SARATHI, arxivId: '2312.00001' });
    expect(await findPaper(db, arxivPage)).toBeNull();
  });
});

describe('matchPage and confirmation', () => {
  it('records the page identifiers on an exact match: the next visit is an indexed hit from either site', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: SARATHI });
    expect((await matchPage(db, usenixPage))?.by).toBe('title');
    expect((await matchPage(db, arxivPage))?.by).toBe('title');
    const stored = await getPaper(db, note.id);
    expect(stored).toMatchObject({ usenixKey: 'osdi24/agrawal', arxivId: '2403.02310' });
    expect(stored?.urls).toEqual(
      expect.arrayContaining(['https://usenix.org/conference/osdi24/presentation/agrawal', 'https://usenix.org/system/files/osdi24-agrawal.pdf', 'https://arxiv.org/abs/2403.02310']),
    );
    expect((await findPaper(db, { ...arxivPage, title: 'A renamed title' }))?.by).toBe('arxiv');
  });

  it('leaves a fuzzy match unrecorded until confirmed, and forgets it when rejected', async () => {
    const db = freshDb();
    const note = await addPaper(db, { title: 'Skyplane: Optimizing Transfer Cost and Throughput Using Cloud-Aware Overlays' });
    const close = page('Skyplane: Optimizing transfer cost and throughput using cloud-aware overlay');
    expect((await matchPage(db, close))?.by).toBe('fuzzy');
    expect((await getPaper(db, note.id))?.arxivId).toBeUndefined();

    await confirmMatch(db, note.id, close);
    expect((await findPaper(db, close))?.by).toBe('arxiv');

    const other = page('Skyplane: Optimizing transfer cost and throughput using cloud-aware overlay', { key: 'arxiv:2402.00002', arxivId: '2402.00002', url: 'https://arxiv.org/abs/2402.00002' });
    const db2 = freshDb();
    const note2 = await addPaper(db2, { title: 'Skyplane: Optimizing Transfer Cost and Throughput Using Cloud-Aware Overlays' });
    await rejectMatch(db2, note2.id, other);
    expect(await findPaper(db2, other)).toBeNull();
  });

  it('prefers the user’s own note when the page’s two URLs find a catalog note and a user note', async () => {
    const db = freshDb();
    const [presentation, pdf] = pageUrls(usenixPage);
    const fromCatalog = await addPaper(db, { title: 'The catalog’s copy', urls: [presentation!] });
    await rewriteStored(db, fromCatalog.id, { origin: 'catalog' });
    const mine = await addPaper(db, { title: 'My copy', urls: [pdf!] });
    expect(await findPaper(db, usenixPage)).toMatchObject({ by: 'url', record: { id: mine.id } });
  });

  it('creates one note from a page, even when asked twice at once', async () => {
    const db = freshDb();
    const [a, b] = await Promise.all([createFromPage(db, usenixPage), createFromPage(db, usenixPage)]);
    expect(a.id).toBe(b.id);
    expect(await paperCount(db)).toBe(1);
    expect(a).toMatchObject({
      title: SARATHI,
      venue: 'OSDI 2024',
      year: 2024,
      usenixKey: 'osdi24/agrawal',
      origin: 'user',
      note: '',
      links: [
        { label: 'Paper', url: 'https://www.usenix.org/conference/osdi24/presentation/agrawal' },
        { label: 'PDF', url: 'https://www.usenix.org/system/files/osdi24-agrawal.pdf' },
      ],
    });
  });

  it('names an arXiv paper’s venue "arXiv <year>"', async () => {
    const db = freshDb();
    const note = await createFromPage(db, { ...arxivPage, date: '2024/03/04', authors: ['Amey Agrawal'] });
    expect(note).toMatchObject({ venue: 'arXiv 2024', year: 2024, arxivId: '2403.02310', authors: ['Amey Agrawal'] });
  });

  it('gives a page without a date (the HTML version, a PDF) the year of its arXiv id', async () => {
    const db = freshDb();
    const html = await createFromPage(db, { ...arxivPage, kind: 'html', url: 'https://arxiv.org/html/2403.02310v2' });
    expect(html).toMatchObject({ venue: 'arXiv 2024', year: 2024 });
    const old = await createFromPage(db, { key: 'arxiv:cs/0112017', source: 'arxiv', kind: 'pdf', url: 'https://arxiv.org/pdf/cs/0112017', arxivId: 'cs/0112017' });
    expect(old).toMatchObject({ venue: 'arXiv 2001', year: 2001 });
    expect(old.links.map((l) => l.url)).not.toContain('https://arxiv.org/html/cs/0112017');
  });

  it('gives a note made from a PDF, titled by its id, the title and authors of the page it is later matched to', async () => {
    const db = freshDb();
    const fromPdf = await createFromPage(db, { key: 'arxiv:2403.02310', source: 'arxiv', kind: 'pdf', url: 'https://arxiv.org/pdf/2403.02310v2', arxivId: '2403.02310' });
    expect(fromPdf.title).toBe('2403.02310');
    const matched = await matchPage(db, { ...arxivPage, authors: ['Amey Agrawal'] });
    expect(matched?.record).toMatchObject({ id: fromPdf.id, title: arxivPage.title, authors: ['Amey Agrawal'] });
    // A real title stays as it is.
    const again = await matchPage(db, { ...arxivPage, title: 'Another wording of the title' });
    expect(again?.record.title).toBe(arxivPage.title);
  });
});

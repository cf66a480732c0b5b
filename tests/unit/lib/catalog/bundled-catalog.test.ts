import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '@/lib/catalog/build';
import type { PaperFields } from '@/lib/db/records';
import { readMarkdownFolder } from '@/lib/node/read-folder';
import { readSeed, seedNavigation, seedOsdi2024, type SeedNode } from '../../seed';

const DIR = resolve(import.meta.dirname, '..', '..', '..', '..', 'assets', 'catalog');
const files = readMarkdownFolder(DIR);
const catalog = buildCatalog(files);
const seed = readSeed();
const papers = catalog.papers.map((p) => p.fields);

/** A paper's bullets as the capture flattens them: affiliation, note bullets, award. */
function bulletsOf(paper: PaperFields): { depth: number; text: string }[] {
  const note = paper.note
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ depth: (line.length - line.trimStart().length) / 2, text: line.trim().replace(/^\* /, '') }));
  return [
    ...(paper.affiliations ? [{ depth: 0, text: paper.affiliations }] : []),
    ...note,
    ...(paper.award ? [{ depth: 0, text: paper.award }] : []),
  ];
}

describe('the bundled catalog', () => {
  const osdi = papers.filter((p) => p.venue === 'OSDI 2024');
  const { topics, movedTitles } = seedOsdi2024(seed);

  it('holds every paper of the seed’s OSDI 2024 page, in order, moved titles put back', () => {
    const inPlace = topics.flatMap((t) => t.titles);
    expect(inPlace).toHaveLength(8);
    expect(movedTitles).toHaveLength(18);
    expect(osdi.map((p) => p.title)).toEqual([...inPlace, ...movedTitles]);
    // Topics follow the page's order, and every paper of a moved title starts with its affiliation.
    expect([...new Set(osdi.map((p) => p.topic))]).toEqual(topics.map((t) => t.topic));
    for (const p of osdi) expect(p.affiliations, p.title).not.toBe('');
    for (const t of topics) expect(osdi.filter((p) => p.topic === t.topic).length, t.topic).toBeGreaterThanOrEqual(Math.max(1, t.titles.length));
  });

  it('keeps each topic’s affiliation lines and nested bullets as the seed has them', () => {
    for (const topic of topics) {
      const inTopic = osdi.filter((p) => p.topic === topic.topic);
      expect(inTopic.flatMap(bulletsOf), topic.topic).toEqual(topic.bullets);
    }
    expect(osdi.find((p) => p.title.startsWith('Taming'))?.note).toContain('Chunked-prefills: split a prefill request');
  });

  it('keeps the award, the remarks and the Paper and Code markers', () => {
    expect(osdi.find((p) => p.title.startsWith('Anvil'))).toMatchObject({ award: 'Best Paper Award', affiliations: 'UIUC & UW-Madison & VMware Research & Feldera' });
    expect(osdi.find((p) => p.title.startsWith('MonoNN'))?.note).toBe('* The code is currently not available.\n');
    const markers = osdi.flatMap((p) => p.links.map((l) => l.label));
    const seedMarkers = seed
      .slice(seed.indexOf('https://www.usenix.org/conference/osdi24/technical-sessions') + 60, seed.indexOf('OSDI 2024 论文评述'))
      .split(/\s+/)
      .filter(Boolean);
    expect(markers).toEqual(seedMarkers);
    expect(osdi.flatMap((p) => p.links.map((l) => l.url)).every((u) => u === '')).toBe(true);
  });

  it('has the page’s Meta Info, acceptance rate and references', () => {
    expect(catalog.venues.find((v) => v.label === 'OSDI 2024')).toMatchObject({
      homepage: 'https://www.usenix.org/conference/osdi24',
      paperList: 'https://www.usenix.org/conference/osdi24/technical-sessions',
      acceptanceRate: '19.2% (= 53 / 276)',
      references: expect.stringContaining('* Notes from SJTU IPADS (in Chinese)\n  * OSDI 2024 论文评述 Day 1 Session 1: Memory Management'),
    });
  });

  it('has every navigation entry as a paper under its venue and year, with its title as listed', () => {
    const nav = seedNavigation(seed);
    const notes = nav.find((n) => n.title === 'Reading Notes')!;
    const expected: { venue: string; title: string }[] = [];
    const venueLabels: string[] = [];
    for (const group of notes.children) {
      for (const venue of group.children) {
        const dated: [string, SeedNode[]][] =
          group.title === 'Conference' ? [[venue.title, venue.children]] : venue.children.map((year) => [`${venue.title} ${year.title}`, year.children]);
        for (const [label, entries] of dated) {
          venueLabels.push(label);
          for (const entry of entries) expected.push({ venue: label, title: entry.title });
        }
      }
    }
    for (const e of expected) expect(papers.filter((p) => p.venue === e.venue && p.title === e.title), `${e.venue}: ${e.title}`).toHaveLength(1);
    expect(catalog.venues.map((v) => v.label).sort()).toEqual([...venueLabels].sort());
    expect(papers).toHaveLength(expected.length + 26);
    expect(papers.find((p) => p.title.startsWith('SmartMoE'))).toMatchObject({ venue: 'ATC 2023', year: 2023, note: '' });
    expect(catalog.venues.find((v) => v.label === 'IEEE Transactions on Cloud Computing 2021')).toMatchObject({ group: 'journal', year: 2021 });
  });

  it('has the paper-list categories as topics', () => {
    const list = seedNavigation(seed).find((n) => n.title === 'Paper List')!;
    const paths: string[] = [];
    const walk = (n: SeedNode, parent: string) => {
      const path = parent ? `${parent}/${n.title}` : n.title;
      paths.push(path);
      n.children.forEach((c) => walk(c, path));
    };
    list.children.forEach((c) => walk(c, ''));
    expect(catalog.topics.map((t) => t.path)).toEqual(paths);
    expect(paths).toContain('Systems for ML/Model Serving');
  });

  it('invents nothing: the only addresses are the two the seed gives', () => {
    const urls = [...files.values()].flatMap((text) => text.match(/https?:\/\/[^\s)\]]+/g) ?? []);
    expect(new Set(urls)).toEqual(new Set(['https://www.usenix.org/conference/osdi24', 'https://www.usenix.org/conference/osdi24/technical-sessions']));
    const authors = papers.flatMap((p) => p.authors);
    expect(authors).toEqual([]);
    expect(papers.every((p) => !p.arxivId && !p.usenixKey && !p.doi)).toBe(true);
  });

  it('reads back to itself byte for byte through the import/export model', async () => {
    const { readGitBook } = await import('@/lib/gitbook/read');
    const { writeGitBook } = await import('@/lib/gitbook/write');
    const written = writeGitBook(readGitBook(files).library);
    expect([...written.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [path, text] of files) expect(written.get(path), path).toBe(text);
  });

  it('hashes every record and the whole', () => {
    expect(catalog.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(catalog.papers.map((p) => p.id)).size).toBe(catalog.papers.length);
    expect(readFileSync(join(DIR, 'reading-notes/conference/osdi-2024.md'), 'utf8')).toContain('# OSDI 2024');
  });
});


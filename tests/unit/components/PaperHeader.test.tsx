import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperHeader } from '@/components/PaperHeader';
import { SearchResults } from '@/components/SearchResults';
import { buildRecord } from '@/lib/db/notes';
import { emptyFields } from '@/lib/notes/derive';
import { headerModel } from '@/lib/notes/header';

afterEach(cleanup);

const record = buildRecord(
  emptyFields({
    title: 'Anvil: Verifying Liveness of Cluster Management Controllers <img src=x onerror=alert(1)>',
    venue: 'OSDI 2024',
    year: 2024,
    topic: 'Formal Verification',
    award: 'Best Paper Award',
    affiliations: 'UIUC & UW-Madison & VMware Research & Feldera',
    tags: ['verification'],
    links: [
      { label: 'Paper', url: '' },
      { label: 'Code', url: 'javascript:alert(1)' },
      { label: 'Slides', url: 'https://example.com/slides.pdf' },
    ],
    usenixKey: 'osdi24/sun-xudong',
    note: 'Liveness <script>alert(1)</script>',
  }),
  { id: 'p1', createdAt: 1, updatedAt: 1, rev: 1, origin: 'catalog' },
);

describe('PaperHeader', () => {
  it('shows venue, topic, award, affiliations, tags, identifiers and links, as text', () => {
    render(<PaperHeader model={headerModel(record, undefined)} />);
    expect(screen.getByTestId('paper-venue').textContent).toBe('OSDI 2024');
    expect(screen.getByTestId('paper-topic').textContent).toContain('Formal Verification');
    expect(screen.getByTestId('paper-award').textContent).toBe('Best Paper Award');
    expect(screen.getByTestId('paper-title').textContent).toContain('<img src=x onerror=alert(1)>');
    expect(screen.getByTestId('paper-title').querySelector('img')).toBeNull();
    expect(screen.getByTestId('id-USENIX').textContent).toBe('osdi24/sun-xudong');
    const links = [...document.querySelectorAll('nav.links a')].map((a) => a.getAttribute('href'));
    expect(links).toContain('https://example.com/slides.pdf');
    expect(links.some((href) => href?.startsWith('javascript'))).toBe(false);
    expect(screen.getByText('Paper').tagName).toBe('SPAN');
  });
});

describe('SearchResults', () => {
  it('marks hits with <mark> elements and never as HTML', () => {
    render(<SearchResults hits={[record]} total={1} tokens={['liveness', 'img']} onOpen={() => {}} />);
    const marks = [...document.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(expect.arrayContaining(['Liveness', 'img']));
    expect(document.querySelector('img, script')).toBeNull();
  });

  it('shows a later author or the affiliations where the query found them', () => {
    const many = { ...record, authors: ['A One', 'B Two', 'C Three', 'D Four', 'E Kwatra'], affiliations: 'MSR India' };
    render(<SearchResults hits={[many]} total={1} tokens={['kwatra', 'msr']} onOpen={() => {}} />);
    expect(document.querySelector('.meta')!.textContent).toContain('A One, B Two, C Three … E Kwatra · MSR India');
    expect([...document.querySelectorAll('.meta mark')].map((m) => m.textContent)).toEqual(['Kwatra', 'MSR']);
  });
});

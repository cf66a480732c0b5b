import { describe, expect, it } from 'vitest';
import { hitDetails } from '@/lib/search/hit-details';
import { queryTokens } from '@/lib/search/tokens';

const paper = {
  venue: 'OSDI 2024',
  topic: 'LLM serving',
  authors: ['Amey Agrawal', 'Nitin Kedia', 'Ashish Panwar', 'Jayashree Mohan', 'Nipun Kwatra', 'Ramachandran Ramjee'],
  affiliations: 'MSR India & GaTech',
  tags: ['serving'],
};

describe('hitDetails', () => {
  it('lists the venue, topic, first three authors and tags', () => {
    expect(hitDetails(paper, queryTokens('serving'))).toBe('OSDI 2024 · LLM serving · Amey Agrawal, Nitin Kedia, Ashish Panwar · #serving');
  });

  it('adds the later authors and the affiliations the query found, so that a hit shows why', () => {
    expect(hitDetails(paper, queryTokens('mohan'))).toBe('OSDI 2024 · LLM serving · Amey Agrawal, Nitin Kedia, Ashish Panwar, Jayashree Mohan … · #serving');
    expect(hitDetails(paper, queryTokens('ramjee'))).toBe('OSDI 2024 · LLM serving · Amey Agrawal, Nitin Kedia, Ashish Panwar … Ramachandran Ramjee · #serving');
    expect(hitDetails(paper, queryTokens('gatech'))).toBe('OSDI 2024 · LLM serving · Amey Agrawal, Nitin Kedia, Ashish Panwar · MSR India & GaTech · #serving');
    // One of the first three: nothing added.
    expect(hitDetails(paper, queryTokens('agrawal'))).toBe('OSDI 2024 · LLM serving · Amey Agrawal, Nitin Kedia, Ashish Panwar · #serving');
  });

  it('leaves out what a paper does not have', () => {
    expect(hitDetails({ venue: '', topic: '', authors: [], affiliations: '', tags: [] }, ['x'])).toBe('');
  });
});

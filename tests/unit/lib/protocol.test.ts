import { describe, expect, it } from 'vitest';
import { isAllowedSender, parseMessage } from '@/lib/protocol';

const OWN_ID = 'ownextensionid';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const ARXIV = 'https://arxiv.org/abs/2403.02310v2';
const paper = { key: 'arxiv:2403.02310', source: 'arxiv', kind: 'abstract', url: ARXIV, arxivId: '2403.02310', version: 2, title: 'Sarathi-Serve', authors: ['Amey Agrawal'] };
const found = { type: 'paper-found', paper };

describe('parseMessage', () => {
  it('accepts a well-formed paper report', () => {
    expect(parseMessage(found)).toEqual(found);
  });

  it.each([
    ['null', null],
    ['a string', 'paper-found'],
    ['an array', [found]],
    ['an unknown type', { type: 'delete-everything' }],
    ['an extra top-level field', { ...found, extra: 1 }],
    ['no paper', { type: 'paper-found' }],
    ['an unknown paper field', { type: 'paper-found', paper: { ...paper, evil: 'x' } }],
    ['a paper field named like an Object property', { type: 'paper-found', paper: { ...paper, constructor: 'x' } }],
    ['a non-string title', { type: 'paper-found', paper: { ...paper, title: { toString: 1 } } }],
    ['a title over 500 characters', { type: 'paper-found', paper: { ...paper, title: 'x'.repeat(501) } }],
    ['101 authors', { type: 'paper-found', paper: { ...paper, authors: Array(101).fill('A') } }],
    ['a non-string author', { type: 'paper-found', paper: { ...paper, authors: [1] } }],
    ['a fractional version', { type: 'paper-found', paper: { ...paper, version: 1.5 } }],
    ['a key its URL does not give', { type: 'paper-found', paper: { ...paper, key: 'arxiv:2401.00001' } }],
    ['a kind its URL does not give', { type: 'paper-found', paper: { ...paper, kind: 'pdf' } }],
    ['an URL that is no paper', { type: 'paper-found', paper: { ...paper, url: 'https://evil.example/abs/2403.02310' } }],
    ['a javascript: PDF link', { type: 'paper-found', paper: { ...paper, pdfUrl: 'javascript:alert(1)' } }],
    ['arguments to a page message', { type: 'refresh-badges', all: true }],
  ])('rejects %s', (_, message) => {
    expect(parseMessage(message)).toBeNull();
  });

  it.each([
    ['a text fragment', `${ARXIV}#:~:text=${'chunked%20prefills,'.repeat(150)}`],
    ['a long query string', `${ARXIV}?context=cs.DC&${'utm_source=x&'.repeat(200)}`],
    ['a query and a fragment', `${ARXIV}?${'q'.repeat(1000)}#${'f'.repeat(1500)}`],
  ])('accepts a report from a page whose URL has %s past 2,000 characters, sent on without them', (_, url) => {
    expect(url.length).toBeGreaterThan(2000);
    expect(parseMessage({ type: 'paper-found', paper: { ...paper, url } })).toEqual(found);
  });

  it.each([
    ['a path past 2,000 characters', { ...paper, url: `https://arxiv.org/abs/2403.02310/${'x'.repeat(2000)}` }],
    ['an URL past any browser’s length', { ...paper, url: `${ARXIV}#${'x'.repeat(3_000_000)}` }],
    ['a long URL that is no paper', { ...paper, url: `https://evil.example/abs/2403.02310#${'x'.repeat(2000)}` }],
    ['a long URL of another paper', { ...paper, url: `https://arxiv.org/abs/2401.00001#${'x'.repeat(2000)}` }],
  ])('still rejects %s', (_, bad) => {
    expect(parseMessage({ type: 'paper-found', paper: bad })).toBeNull();
  });

  it('accepts the page messages', () => {
    expect(parseMessage({ type: 'refresh-badges' })).toEqual({ type: 'refresh-badges' });
    expect(parseMessage({ type: 'sync-catalog' })).toEqual({ type: 'sync-catalog' });
  });
});

describe('isAllowedSender', () => {
  const message = parseMessage(found)!;
  const tab = { id: 7, url: ARXIV };

  it('accepts our content script on the tab whose paper it reports', () => {
    expect(isAllowedSender(message, { id: OWN_ID, tab, url: ARXIV }, OWN_ID, ORIGIN)).toBe(true);
  });

  it('accepts it from a tab whose URL is long (a text fragment)', () => {
    const long = { id: 7, url: `${ARXIV}#:~:text=${'x'.repeat(5000)}` };
    const report = parseMessage({ type: 'paper-found', paper: { ...paper, url: long.url } })!;
    expect(isAllowedSender(report, { id: OWN_ID, tab: long, url: long.url }, OWN_ID, ORIGIN)).toBe(true);
  });

  it('rejects other extensions', () => {
    expect(isAllowedSender(message, { id: 'someone-else', tab, url: ARXIV }, OWN_ID, ORIGIN)).toBe(false);
  });

  it('rejects a sender without id (a web page through externally_connectable)', () => {
    expect(isAllowedSender(message, { tab, url: ARXIV }, OWN_ID, ORIGIN)).toBe(false);
  });

  it('rejects a paper report from a tab showing another paper', () => {
    const other = { id: 7, url: 'https://arxiv.org/abs/2401.00001' };
    expect(isAllowedSender(message, { id: OWN_ID, tab: other }, OWN_ID, ORIGIN)).toBe(false);
  });

  it('rejects a paper report from outside a tab', () => {
    expect(isAllowedSender(message, { id: OWN_ID, url: ARXIV }, OWN_ID, ORIGIN)).toBe(false);
  });

  it('takes page messages from extension pages only', () => {
    const refresh = parseMessage({ type: 'refresh-badges' })!;
    expect(isAllowedSender(refresh, { id: OWN_ID, url: `${ORIGIN}sidepanel.html` }, OWN_ID, ORIGIN)).toBe(true);
    expect(isAllowedSender(refresh, { id: OWN_ID, url: ARXIV, tab }, OWN_ID, ORIGIN)).toBe(false);
  });
});

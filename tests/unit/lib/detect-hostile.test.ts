import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPaper, LIMITS } from '@/lib/detect';
import { parseMessage } from '@/lib/protocol';
import { cleanText } from '@/lib/text';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'pages');
const HOSTILE = readFileSync(join(FIXTURES, 'hostile.html'), 'utf8');
const URL = 'https://arxiv.org/abs/2401.00001';
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('a hostile page', () => {
  const paper = detectPaper(URL, parse(HOSTILE))!;

  it('gives plain text: no markup survives in what is sent', () => {
    expect(paper.title).toBeDefined();
    for (const text of [paper.title!, ...(paper.authors ?? []), paper.abstract ?? '']) {
      expect(text).not.toMatch(/<\s*\/?\s*(script|img|iframe|b)\b/i);
      expect(text).not.toMatch(/[\u202a-\u202e\u200b]/);
    }
    expect(paper.title).toContain('Hostile fixture title');
  });

  it('drops a `javascript:` PDF link', () => {
    expect(paper.pdfUrl).toBeUndefined();
  });

  it('stays bounded: thousands of author tags give at most 100 short names', () => {
    expect(paper.authors!.length).toBeLessThanOrEqual(100);
    expect(paper.authors!.every((a) => a.length <= LIMITS.author)).toBe(true);
    expect(JSON.stringify(paper).length).toBeLessThan(30_000);
  });

  it('passes the background’s message check, so it is bounded the way the receiver wants', () => {
    expect(parseMessage({ type: 'paper-found', paper })).not.toBeNull();
  });

  it('cuts a 1 MB title to the limit', () => {
    const huge = HOSTILE.replace(/(<meta name="citation_title" content=")[^"]*"/, `$1${'Huge '.repeat(200_000)}"`);
    const big = detectPaper(URL, parse(huge))!;
    expect(big.title!.length).toBeLessThanOrEqual(LIMITS.title);
    expect(parseMessage({ type: 'paper-found', paper: big })).not.toBeNull();
  });

  it('does not run the page’s script or load its frames while reading it', () => {
    const doc = parse(HOSTILE);
    detectPaper(URL, doc);
    expect(doc.documentElement.hasAttribute('data-pwned')).toBe(false);
  });
});

describe('cleanText', () => {
  it.each([
    ['  Two   lines\n\tjoined  ', 'Two lines joined'],
    ['Caf&#233; &amp; Bar', 'Café & Bar'],
    ['a <b>bold</b> word', 'a bold word'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;x', 'alert(1) x'],
    ['bad &#0; &#xD800; code points', 'bad code points'],
    ['zero\u200bwidth \u202eRLO\u202c end', 'zerowidth RLO end'],
    ['unknown &bogus; entity', 'unknown &bogus; entity'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanText(raw, 100)).toBe(clean);
  });

  it('cuts with an ellipsis', () => {
    expect(cleanText('abcdefghij', 5)).toBe('abcd…');
  });
});

import { describe, expect, it } from 'vitest';
import { unescapeText } from '@/lib/gitbook/inline';
import { toLines } from '@/lib/gitbook/lines';
import { resolvePath } from '@/lib/gitbook/read';

describe('reading GitBook text', () => {
  it('splits lines whatever their ends, without a byte-order mark', () => {
    expect(toLines('\uFEFF# Title\r\n\r\n* one\r* two\n* three')).toEqual(['# Title', '', '* one', '* two', '* three']);
    expect(toLines('plain\nlines')).toEqual(['plain', 'lines']);
    expect(toLines('')).toEqual(['']);
  });

  it('undoes escapes and space entities, and trims; plain text only trimmed', () => {
    expect(unescapeText(' Sarathi\\-Serve\\_v2&#x20;and&nbsp;more ')).toBe('Sarathi-Serve_v2 and more');
    expect(unescapeText('  A plain title  ')).toBe('A plain title');
    expect(unescapeText('R&D \\[draft]')).toBe('R&D [draft]');
  });

  it('resolves relative links, decoding only what is encoded', () => {
    expect(resolvePath('conferences/osdi/README.md', '2024/sarathi%20serve.md')).toBe('conferences/osdi/2024/sarathi serve.md');
    expect(resolvePath('a/b/README.md', '../c.md#part')).toBe('a/c.md');
    expect(resolvePath('a/README.md', './100%25.md')).toBe('a/100%.md');
  });
});

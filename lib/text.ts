const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Plain, bounded, single-line text from a page value: entities left over from double encoding
 * (`&amp;#39;`) decoded, then markup removed (not interpreted), invisible and bidi-override
 * characters dropped, white space folded, and the result cut at `maxLength`.
 */
export function cleanText(raw: string, maxLength: number): string {
  const text = raw
    .slice(0, maxLength * 4)
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, body: string) => {
      if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
      // "#x41" → Number("0x41"), "#65" → Number("065"): both 65.
      const code = Number('0' + body.slice(1));
      return code > 31 && code < 0x110000 && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : ' ';
    })
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/[\s\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  return text.length > maxLength ? text.slice(0, maxLength - 1).trimEnd() + '…' : text;
}

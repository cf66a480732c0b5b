/**
 * Quick add's text as the Markdown of one bullet: what was typed stays Markdown (emphasis, code,
 * links), but what at its start would make the bullet something else is escaped, so that it shows
 * as typed: a heading (`# …`), a quote, a nested list (`- …`, `1. …`), a rule (`---`, `* *`, which
 * swallowed the bullet whole), a code fence, a link definition (`[x]: …`, which showed nothing) or
 * a comment left open (`<!-- …`, which hid every bullet added after it).
 */
export function bulletText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (/^([-*_])(?: ?\1){2,}$/.test(line)) return `\\${line}`;
  if (/^(?:#{1,6}(?: |$)|>|[-*+](?: |$)|`{3}|~{3})/.test(line)) return `\\${line}`;
  if (/^\[[^\]]*\]:/.test(line)) return `\\${line}`;
  if (line.startsWith('<!--') && !line.includes('-->')) return `\\${line}`;
  return line.replace(/^(\d{1,9})([.)])(?= |$)/, '$1\\$2');
}

/** A block as far as a line after it cares: whether it goes on past a line that starts a list. */
type Block = { kind: 'none' | 'paragraph' | 'html' } | { kind: 'until'; end: RegExp } | { kind: 'fence'; close: RegExp };

const NONE: Block = { kind: 'none' };
/** HTML blocks that run to their end marker, blank lines included (CommonMark's kinds 1 to 5). */
const RUN_TO_END: [RegExp, RegExp][] = [
  [/^<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [/^<![A-Z]/, />/],
];
/** An HTML block that only a blank line ends, begun by a block-level tag (kind 6, marked's list of tags)… */
const BLOCK_TAG = /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]|\/?>|$)/i;
/** …or by any other tag alone on its line, where it does not go on a paragraph (kind 7). */
const LONE_TAG = /^(?:<(?!(?:script|pre|style|textarea)\b)[a-z][a-z0-9-]*(?:\s+[a-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>|<\/[a-z][a-z0-9-]*\s*>)\s*$/i;
const HEADING_OR_RULE = /^(?:#{1,6}(?:[ \t]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*$)/;
const QUOTE_OR_ITEM = /^(?:>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
/** A list item's marker: its content starts after the marker and 1 to 4 spaces (1 when more, or none). */
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(?:( {1,4})(?! )|[ \t]*$| +)/;

/** The block a line begins, or null where it goes on the paragraph before it. */
function begins(line: string, inParagraph: boolean): Block | null {
  const indent = /^ */.exec(line)![0].length;
  if (indent >= 4) return inParagraph ? null : NONE;
  const text = line.slice(indent);
  const fence = /^(?:`{3,}(?!.*`)|~{3,})/.exec(text)?.[0];
  if (fence) return { kind: 'fence', close: new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`) };
  for (const [start, end] of RUN_TO_END) {
    const opened = start.exec(text);
    if (opened) return end.test(text.slice(opened[0].length)) ? NONE : { kind: 'until', end };
  }
  if (BLOCK_TAG.test(text) || (!inParagraph && LONE_TAG.test(text))) return { kind: 'html' };
  if (HEADING_OR_RULE.test(text)) return NONE;
  if (QUOTE_OR_ITEM.test(text)) return { kind: 'paragraph' };
  return inParagraph ? null : { kind: 'paragraph' };
}

/**
 * Whether the note ends inside an HTML block at its top level that only a blank line ends
 * (`<details>…</details>`, `<figure>…`, a lone `<img>`): a bullet on the next line would be read
 * as part of it, shown as raw text. A reading of CommonMark's block rules (as marked follows them)
 * good enough for that question: one level of list item or quote, tabs as four spaces.
 */
export function endsInHtmlBlock(note: string): boolean {
  let block = NONE;
  /** The open list item's content column, or 'quote'. */
  let container: number | 'quote' | null = null;
  for (const raw of note.split('\n')) {
    const line = raw.replaceAll('\t', '    ');
    let inner: string | null = null;
    if (container === 'quote') {
      const marker = /^ {0,3}> ?/.exec(line);
      if (marker) inner = line.slice(marker[0].length);
    } else if (container !== null && (!line.trim() || /^ */.exec(line)![0].length >= container)) {
      inner = line.slice(container);
    }
    if (container !== null && inner === null) {
      // A line that goes on the container's paragraph lazily; anything else closes the container.
      if (block.kind === 'paragraph' && line.trim() && begins(line, true) === null) continue;
      container = null;
      block = NONE;
    }
    let text = inner ?? line;
    if (block.kind === 'fence' || block.kind === 'until') {
      if ((block.kind === 'fence' ? block.close : block.end).test(text)) block = NONE;
      continue;
    }
    if (!text.trim()) {
      block = NONE;
      continue;
    }
    if (block.kind === 'html') continue;
    if (container === null) {
      const item = ITEM.exec(text);
      const quote = /^ {0,3}> ?/.exec(text);
      if (item) {
        container = item[1]!.length + item[2]!.length + (item[3]?.length ?? 1);
        text = text.slice(container);
        block = NONE;
      } else if (quote) {
        container = 'quote';
        text = text.slice(quote[0].length);
        block = NONE;
      }
      if (container !== null && !text.trim()) continue;
    }
    block = begins(text, block.kind === 'paragraph') ?? block;
  }
  return container === null && block.kind === 'html';
}

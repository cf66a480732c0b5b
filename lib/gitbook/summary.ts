import { GitBookError } from './errors';
import { escapeText, readLink, unescapeText, unescapeUrl, writeLink } from './inline';
import { indentOf, isBlank, toLines } from './lines';

/** An entry of GitBook's navigation (SUMMARY.md): a page title, its file, the pages under it. */
export interface SummaryNode {
  title: string;
  /** Path of the page relative to the book's root; empty for an entry without a page. */
  path: string;
  children: SummaryNode[];
  /** Line in SUMMARY.md (1-based); 0 for nodes made by the writer. */
  line: number;
}

/**
 * Reads SUMMARY.md: nested `* [Title](path.md)` items (any indentation step). GitBook's parts
 * (`## Reading Notes`) become entries without a page holding the items below them; the title
 * heading, `---` separators and comments are skipped. Errors name the line.
 */
export function parseSummary(text: string, file = 'SUMMARY.md'): SummaryNode[] {
  const top: SummaryNode[] = [];
  let roots = top;
  const stack: { indent: number; node: SummaryNode }[] = [];
  toLines(text).forEach((raw, i) => {
    const line = i + 1;
    const part = /^##\s+(.*?)\s*$/.exec(raw);
    if (part) {
      const node: SummaryNode = { title: unescapeText(part[1]!), path: '', children: [], line };
      top.push(node);
      roots = node.children;
      stack.length = 0;
      return;
    }
    if (/^---\s*$/.test(raw)) {
      roots = top;
      stack.length = 0;
      return;
    }
    if (isBlank(raw) || /^\s*(#|<!--)/.test(raw)) return;
    const match = /^(\s*)[*+-]\s+(.*)$/.exec(raw);
    if (!match) throw new GitBookError(file, line, `expected a "* [Title](page.md)" item, found "${raw.trim().slice(0, 60)}"`);
    const item = match[2]!.trim();
    const link = item.startsWith('[') ? readLink(item, 0) : null;
    const node: SummaryNode =
      link && link.end === item.length
        ? { title: unescapeText(link.text), path: unescapeUrl(link.url), children: [], line }
        : { title: unescapeText(item), path: '', children: [], line };
    const depth = indentOf(raw);
    while (stack.length && stack.at(-1)!.indent >= depth) stack.pop();
    (stack.length ? stack.at(-1)!.node.children : roots).push(node);
    stack.push({ indent: depth, node });
  });
  return top;
}

/** SUMMARY.md as our writer lays it out: a heading, then items indented two spaces a level. */
export function writeSummary(nodes: SummaryNode[]): string {
  const out = ['# Table of contents', ''];
  // Iterative, so that a library nested arbitrarily deep cannot overflow the stack.
  const stack = [...nodes].reverse().map((node) => ({ node, depth: 0 }));
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    const label = escapeText(node.title);
    out.push(`${'  '.repeat(depth)}* ${node.path ? writeLink(label, node.path) : label}`);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, depth: depth + 1 });
  }
  return out.join('\n') + '\n';
}

/** Text as our readers want it: no BOM, LF line ends, one array entry per line. */
export function toLines(text: string): string[] {
  const bare = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return (bare.includes('\r') ? bare.replace(/\r\n?/g, '\n') : bare).split('\n');
}

export const indentOf = (line: string) => line.length - line.trimStart().length;
export const isBlank = (line: string) => line.trim() === '';

const BULLET = /^([*+-]) (.*)$/;

/** The text of a bullet item at column 0 (`* text`), or null. */
export function bulletText(line: string): string | null {
  const match = BULLET.exec(line);
  return match ? match[2]! : null;
}

/** One top-level bullet and the lines nested under it, dedented to column 0. */
export interface ListEntry {
  /** Line number (1-based) of the bullet. */
  line: number;
  text: string;
  body: string[];
}

/**
 * Splits a run of lines into its top-level bullets. Lines indented under a bullet (and blank lines
 * followed by such lines) are its body; anything else at column 0 is returned as stray text.
 */
export function readEntries(lines: string[], firstLine: number): { entries: ListEntry[]; stray: { line: number; text: string }[] } {
  const entries: ListEntry[] = [];
  const stray: { line: number; text: string }[] = [];
  let current: ListEntry | null = null;
  let pendingBlank = 0;
  lines.forEach((line, i) => {
    if (isBlank(line)) {
      pendingBlank++;
      return;
    }
    const text = indentOf(line) === 0 ? bulletText(line) : null;
    if (text !== null) {
      current = { line: firstLine + i, text, body: [] };
      entries.push(current);
    } else if (current && indentOf(line) > 0) {
      for (; pendingBlank > 0; pendingBlank--) current.body.push('');
      current.body.push(line);
    } else {
      current = null;
      stray.push({ line: firstLine + i, text: line });
    }
    pendingBlank = 0;
  });
  for (const entry of entries) entry.body = dedent(entry.body);
  return { entries, stray };
}

/** Removes the common indentation of a block (blank lines ignored). */
export function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => !isBlank(l)).map(indentOf);
  const by = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => (isBlank(l) ? '' : l.slice(by)));
}

export const indent = (lines: string[], by: string) => lines.map((l) => (l ? by + l : l));

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

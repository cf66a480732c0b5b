/** Stands for the `{%` of a tag inside fenced code while the tags outside are turned into Markdown. */
const MASKED = '{\uE000%';
/** A fence's marker, after any indent, quote markers and list markers before it on its line. */
const FENCE = /^(?:[ \t>]|[*+-][ \t]|\d{1,9}[.)][ \t])*(`{3,}|~{3,})/;

/**
 * `{%` inside fenced code blocks (``` or ~~~) masked, so that code shows them as written. Fences
 * are found at any indent, in quotes and after list markers, as they sit in a note's lists and hints.
 */
function maskFencedTags(text: string): string {
  if (!text.includes('{%') || !/`{3}|~{3}/.test(text)) return text;
  let fence: string | null = null;
  return text
    .split('\n')
    .map((line) => {
      const marker = FENCE.exec(line)?.[1];
      if (fence === null) {
        // A backtick fence's info string cannot hold a backtick.
        if (marker && !(marker[0] === '`' && line.slice(line.indexOf(marker) + marker.length).includes('`'))) fence = marker;
        return line;
      }
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && !line.slice(line.indexOf(marker) + marker.length).trim()) {
        fence = null;
        return line;
      }
      return line.replaceAll('{%', MASKED);
    })
    .join('\n');
}

/**
 * GitBook's own markup, turned into plain Markdown for display: `{% hint %}` blocks become quotes,
 * `{% embed url="…" %}` a link, and any other `{% … %}` tag is dropped, except in fenced code,
 * which shows its text as written. The stored text keeps GitBook's form, so that export gives it
 * back unchanged.
 */
export function gitbookToMarkdown(text: string): string {
  return maskFencedTags(text)
    // The body may not hold another hint tag: a lazy `[\s\S]*?` would scan to the end of the text
    // from every unclosed `{% hint %}`, quadratic in a note of many (seconds for a long one).
    .replace(/\{%\s*hint[^%]*%\}((?:(?!\{%\s*(?:end)?hint)[\s\S])*)\{%\s*endhint\s*%\}/g, (_, body: string) =>
      body
        .trim()
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n'),
    )
    .replace(/\{%\s*embed\s+url="([^"]*)"[^%]*%\}/g, (_, url: string) => `<${url}>`)
    .replace(/\{%[^%]*%\}/g, '')
    .replaceAll(MASKED, '{%');
}

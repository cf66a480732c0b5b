/**
 * GitBook's own markup, turned into plain Markdown for display: `{% hint %}` blocks become quotes,
 * `{% embed url="…" %}` a link, and any other `{% … %}` tag is dropped. The stored text keeps
 * GitBook's form, so that export gives it back unchanged.
 */
export function gitbookToMarkdown(text: string): string {
  return text
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
    .replace(/\{%[^%]*%\}/g, '');
}

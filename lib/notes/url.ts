/**
 * The form page URLs are stored and compared in: https, no `www.`, no query, fragment, trailing
 * slash or arXiv version. Null for anything that is not an http(s) URL.
 */
export function normaliseUrl(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  let path = url.pathname.replace(/\/+$/, '');
  if (host.endsWith('arxiv.org')) path = path.replace(/(\d)v\d+(\.pdf)?$/, '$1$2');
  return `https://${host}${path}`;
}

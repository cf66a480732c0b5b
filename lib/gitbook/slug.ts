/** A file name from a title: lower-case ASCII words joined by "-", at most 80 characters. */
export function slugify(title: string): string {
  // Accents are dropped (é → e) by decomposing; an ASCII title has none to drop.
  const ascii = /^[\x00-\x7f]*$/.test(title) ? title : title.normalize('NFKD').replace(/\p{M}+/gu, '');
  const slug = ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length <= 80) return slug || 'untitled';
  const cut = slug.slice(0, 80);
  return cut.slice(0, cut.lastIndexOf('-') > 40 ? cut.lastIndexOf('-') : 80);
}

/**
 * Names a folder's page or subfolder cannot take: `readme` is its README.md on a file system that
 * ignores case (Windows, macOS), where unpacking the zip would put one over the other; the others
 * are Windows device names, which no file there can have, whatever its extension.
 */
const RESERVED = /^(readme|con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/** Hands out slugs unique within one folder: "x", "x-2", "x-3". */
export function uniqueSlugs(): (title: string) => string {
  const used = new Set<string>();
  return (title) => {
    const base = slugify(title);
    let slug = base;
    for (let n = 2; used.has(slug) || RESERVED.test(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  };
}

/**
 * Saves data as a file through an `<a download>` on a Blob URL: no `downloads` permission needed.
 * Only in extension pages (there is no DOM in the worker).
 */
export function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name.replace(/[^\w.-]+/g, '-').slice(0, 120);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

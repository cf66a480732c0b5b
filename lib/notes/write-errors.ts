/** A write failure in words for the user. */
export function describeWriteError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (/QuotaExceeded/.test(name) || /QuotaExceeded/.test(inner)) return 'the browser’s storage for extensions is full';
  if (/DatabaseClosed|InvalidState/.test(name)) return 'the notes database was closed; reopen the panel';
  return (error as Error)?.message || String(error);
}

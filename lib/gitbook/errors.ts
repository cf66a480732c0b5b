/** A problem in a GitBook file, located by file and line (1-based). */
export class GitBookError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'GitBookError';
  }
}

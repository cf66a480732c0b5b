import Dexie from 'dexie';

/**
 * The same async function, its promise made Dexie's: awaited inside a transaction, it resumes its
 * caller in that transaction. A nested async function's native promise may resume its caller
 * outside when other queries run at the same time (a panel's live queries beside a write): the
 * caller's next read then goes to a transaction of its own, and its own commits too early
 * (`PrematureCommitError`). Every helper a transaction awaits is wrapped so.
 */
export function inTransaction<A extends unknown[], T>(fn: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  return (...args) => Dexie.Promise.resolve(fn(...args));
}

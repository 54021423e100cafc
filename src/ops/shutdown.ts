/**
 * Bounded shutdown. A stop must end whatever Telegram or webhook clients do — an unreachable
 * API whose calls are retried without end, a held connection, a half-sent body — so every wait
 * of the stop sequence has its own limit, and the whole sequence has a deadline after which the
 * process closes the database and exits anyway.
 *
 * Closing the database from a timer is safe: better-sqlite3 is synchronous, so no transaction is
 * ever open between two turns of the event loop; and every multi-row write (claims, check-in
 * completion, /delete) is one transaction. Nothing is half-written; at worst an update that was
 * being handled is cut off between two of its API calls.
 */
export const STOP_DEADLINE_MS = 12_000;

/** Resolves with the promise's value, or with `undefined` after `ms` (the promise is left to run). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

import type { Context, NextFunction } from 'grammy';
import type { Db } from '../storage/db.js';

/** Telegram keeps an undelivered update for 24 hours; an id older than that cannot come back. */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** Prune once per this many recorded ids (cheap: one indexed range delete). */
const PRUNE_EVERY = 500;

/**
 * Handles each update_id once. Telegram delivers an update again when a webhook answer did not
 * reach it, and a poller restarted after a 409 starts from offset 0 and is handed back what was
 * not confirmed yet.
 *
 * An id is written to `recent_updates` only after its handling finished, so an update cut off by
 * a crash is handled again if Telegram redelivers it (webhook). While it is being handled, a
 * second copy is dropped from memory. With long polling an update fetched before a `kill -9` is
 * not redelivered at all (the runner confirms updates when it fetches them); that trade-off is
 * documented in the README.
 */
export class UpdateDedupe {
  private readonly inProgress = new Set<number>();
  private readonly seen;
  private readonly record;
  private readonly prune;
  private sincePrune = 0;

  constructor(
    db: Db,
    private readonly wallClock: () => number = Date.now,
  ) {
    this.seen = db.prepare<[number], number>('SELECT 1 FROM recent_updates WHERE update_id = ?').pluck();
    this.record = db.prepare('INSERT OR IGNORE INTO recent_updates (update_id, handled_at) VALUES (?, ?)');
    this.prune = db.prepare('DELETE FROM recent_updates WHERE handled_at < ?');
    this.prune.run(this.wallClock() - KEEP_MS);
  }

  /** Says whether `updateId` was handled or is being handled. */
  isDuplicate(updateId: number): boolean {
    return this.inProgress.has(updateId) || this.seen.get(updateId) !== undefined;
  }

  readonly middleware = async (ctx: Context, next: NextFunction): Promise<void> => {
    const id = ctx.update.update_id;
    if (this.isDuplicate(id)) return;
    this.inProgress.add(id);
    try {
      await next();
    } finally {
      this.inProgress.delete(id);
      this.markHandled(id);
    }
  };

  private markHandled(id: number): void {
    try {
      this.record.run(id, this.wallClock());
      if (++this.sincePrune >= PRUNE_EVERY) {
        this.sincePrune = 0;
        this.prune.run(this.wallClock() - KEEP_MS);
      }
    } catch {
      /* the database is closing at shutdown: a redelivery is then handled again, nothing worse */
    }
  }
}

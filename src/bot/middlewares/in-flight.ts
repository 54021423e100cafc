import type { Context, NextFunction } from 'grammy';

/**
 * Counts updates being handled, so a graceful stop can wait for them. @grammyjs/runner's stop()
 * only stops fetching: without this, SIGTERM could cut a handler off after it replied but
 * before its conversation state was saved. Also remembers the newest update id, so the stop can
 * confirm it to Telegram and a restart does not receive the same updates again.
 */
export class InFlightUpdates {
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  lastUpdateId: number | null = null;

  readonly middleware = async (ctx: Context, next: NextFunction): Promise<void> => {
    this.running++;
    this.lastUpdateId = Math.max(this.lastUpdateId ?? 0, ctx.update.update_id);
    try {
      await next();
    } finally {
      this.running--;
      if (this.running === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  };

  get count(): number {
    return this.running;
  }

  /** Resolves true once nothing is being handled, or false when `timeoutMs` passes first. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

import type { NextFunction } from 'grammy';
import type { AppContext } from '../context.js';
import type { Deps } from '../deps.js';

/**
 * Gives each update its own child logger and logs that it was handled and how long it took.
 * Only the update's id and kind are logged — never text, answers or user ids.
 */
export function updateLogger(deps: Deps) {
  return async (ctx: AppContext, next: NextFunction): Promise<void> => {
    ctx.deps = deps;
    const kind = Object.keys(ctx.update).find((k) => k !== 'update_id') ?? 'unknown';
    ctx.logger = deps.logger.child({ update_id: ctx.update.update_id, kind });
    const started = performance.now();
    await next();
    ctx.logger.debug({ ms: Math.round(performance.now() - started) }, 'update handled');
  };
}

/** The same services inside conversations, where outside middleware does not run. */
export function attachDeps(deps: Deps) {
  return async (ctx: AppContext, next: NextFunction): Promise<void> => {
    ctx.deps = deps;
    ctx.logger ??= deps.logger.child({ update_id: ctx.update.update_id, in: 'conversation' });
    await next();
  };
}

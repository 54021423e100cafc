import type { NextFunction } from 'grammy';
import type { AppContext } from '../context.js';
import type { Deps } from '../deps.js';
import type { Logger } from '../../logger.js';
import { depsForUpdate } from './update-cache.js';

/**
 * Gives each update its own child logger and logs that it was handled and how long it took.
 * Only the update's id and kind are logged — never text, answers or user ids.
 */
export function updateLogger(deps: Deps) {
  return async (ctx: AppContext, next: NextFunction): Promise<void> => {
    ctx.deps = depsForUpdate(deps, ctx.update);
    // The child logger is made when first used: most updates log nothing at `info`.
    let logger: Logger | undefined;
    Object.defineProperty(ctx, 'logger', {
      configurable: true,
      enumerable: true,
      get: () => (logger ??= deps.logger.child({ update_id: ctx.update.update_id, kind: updateKind(ctx) })),
      set: (value: Logger) => void (logger = value),
    });
    if (!deps.logger.isLevelEnabled('debug')) return next();
    const started = performance.now();
    await next();
    ctx.logger.debug({ ms: Math.round(performance.now() - started) }, 'update handled');
  };
}

/** The same services inside conversations, where outside middleware does not run. */
export function attachDeps(deps: Deps) {
  return async (ctx: AppContext, next: NextFunction): Promise<void> => {
    ctx.deps = depsForUpdate(deps, ctx.update);
    ctx.logger ??= deps.logger.child({ update_id: ctx.update.update_id, in: 'conversation' });
    await next();
  };
}

function updateKind(ctx: AppContext): string {
  return Object.keys(ctx.update).find((k) => k !== 'update_id') ?? 'unknown';
}

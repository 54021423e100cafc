import type { NextFunction } from 'grammy';
import type { BotContext } from '../context.js';

/**
 * A user who blocked the bot gets nothing more "until they write again": any update from them
 * in their private chat lifts the block mark, so reminders resume. Written only when there is a
 * mark to lift (the profile read here is the update's one read of the user).
 */
export async function welcomeBack(ctx: BotContext, next: NextFunction): Promise<void> {
  if (ctx.chat?.type === 'private' && ctx.from && !ctx.myChatMember && ctx.deps.users.get(ctx.from.id)?.blockedAt) {
    ctx.deps.users.clearBlocked(ctx.from.id, ctx.deps.now());
  }
  await next();
}

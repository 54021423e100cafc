import type { NextFunction } from 'grammy';
import type { BotContext } from '../context.js';

/**
 * A user who blocked the bot gets nothing more "until they write again": any update from them
 * in their private chat lifts the block mark, so reminders resume.
 */
export async function welcomeBack(ctx: BotContext, next: NextFunction): Promise<void> {
  if (ctx.chat?.type === 'private' && ctx.from && !ctx.myChatMember) {
    ctx.deps.users.clearBlocked(ctx.from.id, ctx.deps.now());
  }
  await next();
}

import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

const composer = new Composer<BotContext>();

/** Telegram tells us when a user blocks or unblocks the bot in their private chat. */
composer.chatType('private').on('my_chat_member', (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  if (status === 'kicked') ctx.deps.users.markBlocked(ctx.from.id, ctx.deps.now());
  else if (status === 'member') ctx.deps.users.clearBlocked(ctx.from.id, ctx.deps.now());
});

export { composer as membershipFeature };

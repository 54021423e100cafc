import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

const composer = new Composer<BotContext>();

/**
 * In groups nothing personal happens: every command but /help (installed before this) gets a
 * link to a private chat, and ordinary group chatter is ignored.
 */
composer.chatType(['group', 'supergroup', 'channel']).on('message::bot_command', async (ctx) => {
  await ctx.reply(ctx.t('group-private-only', { link: `https://t.me/${ctx.me.username}` }), {
    reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
  });
});
composer.chatType(['group', 'supergroup', 'channel']).use(() => {
  /* swallow: not for us */
});

export { composer as groupFeature };

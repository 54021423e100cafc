import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

const composer = new Composer<BotContext>();

/** /cancel leaves whatever conversation is open; answers already saved stay saved. */
composer.command('cancel', async (ctx) => {
  const active = Object.keys(ctx.conversation.active()).length > 0;
  await ctx.conversation.exitAll();
  await ctx.reply(ctx.t(active ? 'cancel-done' : 'cancel-nothing'));
});

export { composer as cancelFeature };

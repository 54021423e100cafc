import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { USED } from '../conversations/used.js';

const composer = new Composer<BotContext>();

/** /used: restart the day count after using again (the conversation checks the user is set up). */
composer.command('used', async (ctx) => {
  await ctx.conversation.enter(USED);
});

export { composer as usedFeature };

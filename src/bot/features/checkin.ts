import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { CHECKIN } from '../conversations/checkin.js';

const composer = new Composer<BotContext>();

/** /checkin at any time of day; the conversation itself checks the user is set up. */
composer.command('checkin', async (ctx) => {
  await ctx.conversation.enter(CHECKIN);
});

export { composer as checkinFeature };

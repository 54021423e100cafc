import { Composer } from 'grammy';
import { translatorOf, type BotContext } from '../context.js';
import { ONBOARDING } from '../conversations/onboarding.js';
import { statusMessage } from '../messages/status.js';

const composer = new Composer<BotContext>();

/** /start: onboarding for someone new (or half-way through), their status for someone set up. */
composer.command('start', async (ctx) => {
  const profile = ctx.deps.users.get(ctx.from!.id);
  if (profile?.onboardedAt) {
    await ctx.reply(statusMessage(translatorOf(ctx), profile, ctx.deps.now()));
    return;
  }
  await ctx.conversation.enter(ONBOARDING);
});

export { composer as startFeature };

import { Composer } from 'grammy';
import { DEFAULT_COUNTRY } from '../../content/resources.js';
import { translatorOf, type BotContext } from '../context.js';
import { helpMessage } from '../messages/help.js';

const composer = new Composer<BotContext>();

/**
 * /help answers in every state and every chat type, before onboarding and in the middle of a
 * conversation: it is installed ahead of the conversations, so a waiting question is untouched
 * and simply goes on after it.
 */
composer.command('help', async (ctx) => {
  const country = ctx.from ? (ctx.deps.users.get(ctx.from.id)?.country ?? DEFAULT_COUNTRY) : DEFAULT_COUNTRY;
  await ctx.reply(helpMessage(translatorOf(ctx), country), {
    link_preview_options: { is_disabled: true },
  });
});

export { composer as helpFeature };

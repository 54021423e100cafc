import { Composer } from 'grammy';
import { translatorOf, type BotContext } from '../context.js';
import { commandList } from '../commands.js';
import { freeTextReply } from './night.js';

const composer = new Composer<BotContext>();

/**
 * Last in line. An old button gets a toast. A message from a set-up user gets the night
 * companion in their night window and a short reply with next-step buttons by day (never the
 * whole command list); an unknown /command gets the command list; someone not set up, a pointer
 * to /start and /help.
 */
composer.on('callback_query', async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
});

composer.on('message', async (ctx) => {
  // Channel posts and some service messages have no sender: nothing to answer.
  if (!ctx.from) return;
  const profile = ctx.deps.users.get(ctx.from.id);
  if (!profile?.onboardedAt) {
    await ctx.reply(ctx.t('unknown-message-new'));
    return;
  }
  if (ctx.msg.text?.startsWith('/')) {
    await ctx.reply(`${ctx.t('unknown-message')}\n${commandList(translatorOf(ctx))}`);
    return;
  }
  await freeTextReply(ctx);
});

export { composer as unhandledFeature };

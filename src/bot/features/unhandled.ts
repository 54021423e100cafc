import { Composer } from 'grammy';
import { translatorOf, type BotContext } from '../context.js';
import { commandList } from '../commands.js';

const composer = new Composer<BotContext>();

/** Last in line: an old button gets a toast, any other message a pointer to the commands. */
composer.on('callback_query', async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
});

composer.on('message', async (ctx) => {
  const profile = ctx.deps.users.get(ctx.from.id);
  if (!profile?.onboardedAt) {
    await ctx.reply(ctx.t('unknown-message-new'));
    return;
  }
  await ctx.reply(`${ctx.t('unknown-message')}\n${commandList(translatorOf(ctx))}`);
});

export { composer as unhandledFeature };

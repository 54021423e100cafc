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
  await ctx.reply(await cachedHelp(ctx, country), {
    link_preview_options: { is_disabled: true },
  });
});

/**
 * /help's text depends only on the language and the country (the locales are loaded once), so it
 * is built once per pair and kept: answering it then costs no Fluent formatting at all.
 */
const rendered = new Map<string, string>();
async function cachedHelp(ctx: BotContext, country: string): Promise<string> {
  const key = `${await ctx.i18n.getLocale()}|${country}`;
  let text = rendered.get(key);
  if (text === undefined) {
    text = helpMessage(translatorOf(ctx), country);
    // Languages × countries is a handful of pairs; the bound only guards against surprises.
    if (rendered.size < 256) rendered.set(key, text);
  }
  return text;
}

export { composer as helpFeature };

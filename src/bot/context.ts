import type { Translate } from './messages/translate.js';
import type { Context } from 'grammy';
import type { ConversationFlavor, Conversation } from '@grammyjs/conversations';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { Logger } from '../logger.js';
import type { Deps } from './deps.js';

/** What every handler sees: translations, the per-update logger, and the app's services. */
export type AppContext = Context &
  I18nFlavor & {
    logger: Logger;
    deps: Deps;
  };

/** The outside middleware tree: can enter and leave conversations. */
export type BotContext = ConversationFlavor<AppContext>;

/** Inside a conversation the same plugins are installed again, but there is no `ctx.conversation`. */
export type ConvContext = AppContext;
export type AppConversation = Conversation<BotContext, ConvContext>;

/**
 * "Now" inside a conversation: read from the bot's clock (deps.now, which tests and demos can
 * shift) once, and replayed from the conversation's log afterwards like any other outside call.
 */
export async function conversationNow(conversation: AppConversation, now: () => Date): Promise<Date> {
  return new Date(await conversation.external(() => now().getTime()));
}

/** The context's translations as a plain `Translate`, for the message builders. */
export function translatorOf(ctx: AppContext): Translate {
  return (key, vars) => ctx.t(key, vars);
}

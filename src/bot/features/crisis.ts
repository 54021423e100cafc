import { Composer } from 'grammy';
import { DEFAULT_COUNTRY } from '../../content/resources.js';
import { detectCrisis } from '../../domain/crisis.js';
import { translatorOf, type BotContext } from '../context.js';
import { crisisMessage } from '../messages/help.js';
import { MAX_TEXT_LENGTH } from '../middlewares/sender-guard.js';

const composer = new Composer<BotContext>();

/**
 * Free text that expresses suicidal or self-harm intent gets the crisis resources at once, in
 * any state — before onboarding, or in the middle of a check-in. It runs ahead of the
 * conversations and stops there, so an open question simply stays open.
 */
composer.on('message:text').filter(
  // Only the first 4,096 characters (Telegram's limit): longer text is refused after this, unread.
  (ctx) => !ctx.msg.text.startsWith('/') && detectCrisis(ctx.msg.text.slice(0, MAX_TEXT_LENGTH)),
  async (ctx) => {
    ctx.logger.warn('crisis language detected; resources sent');
    const country = ctx.deps.users.get(ctx.from.id)?.country ?? DEFAULT_COUNTRY;
    const inConversation = Object.keys(ctx.conversation.active()).length > 0;
    await ctx.reply(crisisMessage(translatorOf(ctx), country, { inConversation }), {
      link_preview_options: { is_disabled: true },
    });
  },
);

export { composer as crisisFeature };

import { Composer } from 'grammy';
import { translatorOf, type BotContext } from '../context.js';
import { checkinOutcome } from '../conversations/checkin.js';
import { quietly } from '../conversations/ask.js';
import { checkinDetailKeyboard, checkinDetailText } from '../messages/checkin-reply.js';
import { CHECKIN_DETAIL_BUTTON, type CheckinDetailView } from '../messages/warning.js';

/**
 * The buttons under a check-in reply — `What's normal now`, `Last 7 nights`, `What can help`,
 * and `Back` — edit that same message. The button names the night's date, and the view is
 * rebuilt from what is stored for that night, so a reply from an earlier morning still shows
 * its own night. Forged data, a night that no longer exists (/delete) or a message that is
 * not a text message gets the "old button" toast. Installed ahead of the conversations, so the
 * buttons work while a question is open.
 */
const composer = new Composer<BotContext>();

composer.callbackQuery(/^cd:/, async (ctx) => {
  const match = CHECKIN_DETAIL_BUTTON.exec(ctx.callbackQuery.data);
  const outcome = match ? checkinOutcome(ctx.deps, ctx.from.id, match[2]!) : null;
  if (!match || !outcome || ctx.callbackQuery.message?.text === undefined) {
    await quietly(ctx.answerCallbackQuery({ text: ctx.t('button-expired') }));
    return;
  }
  const view = match[1] as CheckinDetailView;
  const t = translatorOf(ctx);
  await quietly(ctx.answerCallbackQuery());
  await quietly(
    ctx.editMessageText(checkinDetailText(t, outcome, view), {
      reply_markup: checkinDetailKeyboard(t, outcome, view),
      link_preview_options: { is_disabled: true },
    }),
  );
});

export { composer as checkinDetailsFeature };

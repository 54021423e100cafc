import { Composer, InlineKeyboard } from 'grammy';
import { assessText } from '../../domain/crisis/index.js';
import { translatorOf, type BotContext } from '../context.js';
import {
  concernAnswered,
  concernDeclinedReply,
  concernQuestion,
  concernSkippedReply,
  crisisMessage,
  notSafeMessage,
  otherAtRiskMessage,
  safeReply,
  CONCERN_PREFIX,
  SAFETY_PREFIX,
  type ConcernAnswer,
  type OutgoingMessage,
} from '../messages/crisis.js';
import { countryOf, recordResponse, scheduleFollowUp } from '../crisis/respond.js';
import { isUsersNight, openNightCompanion } from './night.js';
import { MAX_TEXT_LENGTH } from '../middlewares/sender-guard.js';

const composer = new Composer<BotContext>();

const send = (ctx: BotContext, message: OutgoingMessage) =>
  ctx.reply(message.text, { link_preview_options: { is_disabled: true }, ...(message.keyboard ? { reply_markup: message.keyboard } : {}) });

const inConversation = (ctx: BotContext) => Object.keys(ctx.conversation.active()).length > 0;

/**
 * Free text, in any state — before onboarding, or with a check-in question open — is assessed
 * before anything else. It runs ahead of the conversations and stops there when it answers, so
 * an open question simply stays open and the next answer to it still works. The text and the
 * level never reach the logs: the metric and the event (no text) are the only traces.
 */
composer.on('message:text', async (ctx, next) => {
  if (ctx.msg.text.startsWith('/')) return next();
  // Only the first 4,096 characters (Telegram's limit): longer text is refused after this, unread.
  const { level } = assessText(ctx.msg.text.slice(0, MAX_TEXT_LENGTH));
  if (level === 'none') return next();
  const userId = ctx.from.id;
  const t = translatorOf(ctx);
  const country = countryOf(ctx.deps, userId);
  if (level === 'crisis') await send(ctx, crisisMessage(t, country, { inConversation: inConversation(ctx) }));
  else if (level === 'concern') await send(ctx, concernQuestion(t));
  else await send(ctx, otherAtRiskMessage(t, country));
  recordResponse(ctx.deps, userId, level, 'text', ctx.deps.now());
  // Neither the text nor the level: only that the path answered (the resilience test waits for it).
  ctx.logger.debug('crisis language detected; response sent');
});

/**
 * `I'm safe for now` · `I'm not safe`, under any crisis message, old or new, whatever else is
 * going on. The two answer buttons go (the chat link stays), so one message schedules one follow-up.
 */
composer.callbackQuery(new RegExp(`^${SAFETY_PREFIX}:(safe|unsafe)$`), async (ctx) => {
  const userId = ctx.from.id;
  const t = translatorOf(ctx);
  await ctx.answerCallbackQuery().catch(() => {});
  const links = ctx.callbackQuery.message?.reply_markup?.inline_keyboard.map((row) => row.filter((b) => 'url' in b)).filter((row) => row.length > 0) ?? [];
  await ctx.editMessageReplyMarkup({ reply_markup: new InlineKeyboard(links) }).catch(() => {});
  if (ctx.match[1] === 'unsafe') {
    await send(ctx, notSafeMessage(t, countryOf(ctx.deps, userId)));
    return;
  }
  const when = scheduleFollowUp(ctx.deps, userId, ctx.deps.now());
  await ctx.reply(safeReply(t, when));
});

/**
 * The Concern question's answers, handled outside every conversation so a question left
 * unanswered never blocks anything. The question keeps the answer in place of its buttons.
 */
composer.callbackQuery(new RegExp(`^${CONCERN_PREFIX}:(yes|no|skip)$`), async (ctx) => {
  const userId = ctx.from.id;
  const t = translatorOf(ctx);
  const answer = ctx.match[1] as ConcernAnswer;
  await ctx.answerCallbackQuery().catch(() => {});
  await ctx.editMessageText(concernAnswered(t, answer)).catch(() => {});
  const country = countryOf(ctx.deps, userId);
  if (answer === 'yes') {
    await send(ctx, crisisMessage(t, country, { inConversation: inConversation(ctx) }));
    recordResponse(ctx.deps, userId, 'crisis', 'answer', ctx.deps.now());
  } else if (answer === 'skip') {
    await send(ctx, concernSkippedReply(t, country));
    recordResponse(ctx.deps, userId, 'concern', 'answer', ctx.deps.now());
  } else {
    await send(ctx, concernDeclinedReply(t));
    // "Just worn out" in the small hours: the night companion is what helps now.
    if (isUsersNight(ctx)) await openNightCompanion(ctx, 'text');
  }
});

export { composer as crisisFeature };

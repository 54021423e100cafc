import { Composer } from 'grammy';
import type { BotContext } from '../context.js';
import { CHECKIN } from '../conversations/checkin.js';
import { quietly } from '../conversations/ask.js';
import { MORNING_BUTTON } from '../messages/morning.js';
import { WIND_DOWN_BUTTON } from '../messages/winddown.js';
import { localDateOf, localTimeOf } from '../../domain/dates.js';
import { SNOOZE_DELAY_MS } from '../../domain/reminders.js';
import { rescheduleUser } from '../../scheduler/reschedule.js';

/**
 * The buttons under the scheduled messages. Their data carries the date the message was for
 * (`mr:later:2026-11-23`), so a button tapped days later is recognised as old. Tapping one
 * always gets an answer and the buttons are taken off the message, so they cannot be tapped
 * twice. Anything else that starts like ours (forged data) gets the "old button" toast.
 *
 * `reminderButtons` runs before conversations (nothing here needs one, and a tap must work even
 * while, say, a check-in is open); `startCheckinButton` runs after them, as it enters one.
 */
const before = new Composer<BotContext>();

/** The user's set-up profile and today's date in their zone, or null (then the button is old). */
function userToday(ctx: BotContext) {
  const profile = ctx.deps.users.get(ctx.from!.id);
  if (!profile?.onboardedAt || !profile.timeZone) return null;
  const now = ctx.deps.now();
  return { profile, zone: profile.timeZone, now, today: localDateOf(now, profile.timeZone) };
}

async function expired(ctx: BotContext): Promise<void> {
  await quietly(ctx.answerCallbackQuery({ text: ctx.t('button-expired') }));
  await quietly(ctx.editMessageReplyMarkup());
}

/** Replaces the message's text (keeping what it said, adding the outcome) and drops its buttons. */
async function settle(ctx: BotContext, outcome: string): Promise<void> {
  const message = ctx.callbackQuery?.message;
  await quietly(ctx.answerCallbackQuery());
  if (message?.photo) {
    // The Sunday summary is a photo: its words are the caption (at most 1024 characters).
    const caption = message.caption ? `${message.caption}\n\n${outcome}` : outcome;
    await quietly(ctx.editMessageCaption({ caption: caption.length <= 1024 ? caption : outcome }));
    return;
  }
  const original = message?.text;
  await quietly(ctx.editMessageText(original ? `${original}\n\n${outcome}` : outcome));
}

before.callbackQuery(/^mr:(later|skip):/, async (ctx) => {
  const match = MORNING_BUTTON.exec(ctx.callbackQuery.data);
  const user = userToday(ctx);
  if (!match || !user || match[2] !== user.today) return expired(ctx);
  const { schedules } = ctx.deps;
  const userId = user.profile.id;
  if (match[1] === 'skip') {
    schedules.remove(userId, 'snooze');
    return settle(ctx, ctx.t('reminder-skipped-today'));
  }
  // One extra prompt a day: the ledger says whether today's has been sent already.
  if (schedules.nextDue(userId, 'snooze') || schedules.delivery(userId, 'snooze', user.today)) {
    return settle(ctx, ctx.t('reminder-later-used'));
  }
  const at = new Date(user.now.getTime() + SNOOZE_DELAY_MS);
  schedules.set(userId, 'snooze', at);
  return settle(ctx, ctx.t('reminder-later-set', { time: localTimeOf(at, user.zone) }));
});

before.callbackQuery(/^wd:/, async (ctx) => {
  const match = WIND_DOWN_BUTTON.exec(ctx.callbackQuery.data);
  const user = userToday(ctx);
  if (!match || !user) return expired(ctx);
  if (match[1] === 'skip') return settle(ctx, ctx.t('winddown-skipped'));
  // Stopping works from any wind-down message, however old: it is what the user asked for.
  ctx.deps.users.update(user.profile.id, { eveningEnabled: false }, user.now);
  rescheduleUser(ctx.deps, user.profile.id, user.now);
  return settle(ctx, ctx.t('winddown-stopped'));
});

before.callbackQuery(/^mr:(?!later:|skip:)/, async (ctx, next) => {
  // `mr:go:` is handled after conversations; only forged data is answered here.
  if (MORNING_BUTTON.test(ctx.callbackQuery.data)) return next();
  return expired(ctx);
});

const after = new Composer<BotContext>();

/** `Start check-in` from any morning prompt starts today's check-in (the prompt's date is not needed). */
after.callbackQuery(MORNING_BUTTON, async (ctx) => {
  const user = userToday(ctx);
  if (!user) return expired(ctx);
  await quietly(ctx.answerCallbackQuery());
  await quietly(ctx.editMessageReplyMarkup());
  ctx.deps.schedules.remove(user.profile.id, 'snooze');
  await ctx.conversation.enter(CHECKIN);
});

export { before as reminderButtons, after as startCheckinButton };

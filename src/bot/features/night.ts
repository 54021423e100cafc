import { Composer } from 'grammy';
import { DEFAULT_COUNTRY } from '../../content/resources.js';
import { localDateOf } from '../../domain/dates.js';
import { SAME_WAKE_MS, type NightStep, type WakeTrigger } from '../../domain/night-companion.js';
import { nightPosition } from '../../domain/night-window.js';
import { currentPhase } from '../../domain/phase.js';
import { metrics } from '../../ops/metrics.js';
import { translatorOf, type AppContext, type BotContext } from '../context.js';
import { quietly } from '../conversations/ask.js';
import { CHECKIN } from '../conversations/checkin.js';
import { helpMessage } from '../messages/help.js';
import { DAY_BUTTON, NIGHT_BUTTON, dayReply, nightKeyboard, nightOpening, nightStep, type NightStage } from '../messages/night.js';
import { tipsText } from './tips.js';

/**
 * The night companion: `/awake`, the wind-down's `Awake in the night? Tap me` button, and free
 * text in the user's night window open it (see `freeTextReply`). Each opening is recorded as a
 * wake on the night it belongs to — its local time, how it was opened, and later the buttons
 * tapped — never anything the user typed. Crisis detection runs before all of this.
 */

/**
 * Opens the companion for the user of `ctx`. Exported so another flow (e.g. "No, I'm just worn
 * out" to the concern question at night) can hand over to it.
 */
export async function openNightCompanion(ctx: AppContext, trigger: WakeTrigger): Promise<void> {
  metrics.nightCompanionOpens.inc({ trigger });
  const t = translatorOf(ctx);
  const profile = ctx.from ? ctx.deps.users.get(ctx.from.id) : undefined;
  if (!profile?.onboardedAt) {
    // Nothing is stored without consent and set-up: the words and the buttons still help.
    await ctx.reply(nightOpening(t, null), { reply_markup: nightKeyboard(t, 0) });
    return;
  }
  const now = ctx.deps.now();
  const position = nightPosition(now, profile.timeZone ?? 'UTC', profile.eveningTime, profile.morningTime);
  const wake = ctx.deps.wakes.open(profile.id, { nightDate: position.nightDate, localTime: position.localTime, trigger }, now, SAME_WAKE_MS);
  const info = currentPhase({ status: profile.status ?? 'using', lastDoseDate: profile.lastDoseDate, quitDate: profile.quitDate }, position.nightDate);
  const stage: NightStage = { night: info.day !== null && info.day >= 1 ? info.day : null, phase: info.phase };
  ctx.logger.info({ trigger }, 'night companion opened');
  await ctx.reply(nightOpening(t, stage), { reply_markup: nightKeyboard(t, wake.id) });
}

/** Ahead of the conversations: these work even while a check-in question is open. */
const before = new Composer<BotContext>();

before.command('awake', (ctx) => openNightCompanion(ctx, 'command'));

before.callbackQuery(/^nc:/, async (ctx) => {
  const match = NIGHT_BUTTON.exec(ctx.callbackQuery.data);
  if (!match) {
    await quietly(ctx.answerCallbackQuery({ text: ctx.t('button-expired') }));
    return;
  }
  const [, step, wakeId] = match;
  if (!step) {
    // The wind-down's button, however late in the night (or days later): it opens a new message.
    await quietly(ctx.answerCallbackQuery());
    await openNightCompanion(ctx, 'button');
    return;
  }
  const t = translatorOf(ctx);
  const profile = ctx.deps.users.get(ctx.from.id);
  if (profile && Number(wakeId) > 0) ctx.deps.wakes.addStep(profile.id, Number(wakeId), step as NightStep);
  await quietly(ctx.answerCallbackQuery());
  const text = nightStep(t, step as NightStep, profile?.country ?? DEFAULT_COUNTRY);
  const keyboard = nightKeyboard(t, Number(wakeId), step as NightStep);
  try {
    await ctx.editMessageText(text, { reply_markup: keyboard, link_preview_options: { is_disabled: true } });
  } catch {
    // Too old to edit: follow with a new message instead.
    await ctx.reply(text, { reply_markup: keyboard, link_preview_options: { is_disabled: true } });
  }
});

/** After the conversations (the check-in button enters one). */
const after = new Composer<BotContext>();

after.callbackQuery(/^dy:/, async (ctx) => {
  const match = DAY_BUTTON.exec(ctx.callbackQuery.data);
  await quietly(ctx.answerCallbackQuery(match ? undefined : { text: ctx.t('button-expired') }));
  if (!match) return;
  // The buttons stay: someone who read the tips may still want help.
  if (match[1] === 'checkin') return void (await ctx.conversation.enter(CHECKIN));
  if (match[1] === 'tips') return void (await ctx.reply(tipsText(ctx)));
  const country = ctx.deps.users.get(ctx.from.id)?.country ?? DEFAULT_COUNTRY;
  await ctx.reply(helpMessage(translatorOf(ctx), country), { link_preview_options: { is_disabled: true } });
});

/**
 * A message nothing else answered, from a set-up user: in their night window the companion,
 * otherwise the short day reply. Returns false when the caller should answer instead.
 */
/** Whether it is the set-up user's night window now (their wind-down time to morning time). */
export function isUsersNight(ctx: AppContext): boolean {
  const profile = ctx.from ? ctx.deps.users.get(ctx.from.id) : undefined;
  if (!profile?.onboardedAt) return false;
  return nightPosition(ctx.deps.now(), profile.timeZone ?? 'UTC', profile.eveningTime, profile.morningTime).part === 'night';
}

export async function freeTextReply(ctx: AppContext): Promise<boolean> {
  const profile = ctx.from ? ctx.deps.users.get(ctx.from.id) : undefined;
  if (!profile?.onboardedAt) return false;
  const now = ctx.deps.now();
  const zone = profile.timeZone ?? 'UTC';
  if (nightPosition(now, zone, profile.eveningTime, profile.morningTime).part === 'night') {
    await openNightCompanion(ctx, 'text');
    return true;
  }
  const checkedIn = ctx.deps.checkins.night(profile.id, localDateOf(now, zone))?.complete ?? false;
  const reply = dayReply(translatorOf(ctx), { checkinMissing: !checkedIn });
  await ctx.reply(reply.text, { reply_markup: reply.keyboard });
  return true;
}

export { before as nightFeature, after as dayButtons };

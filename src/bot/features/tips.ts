import { Composer } from 'grammy';
import { addDays } from '../../domain/dates.js';
import { selectTips, DEFAULT_TIP_COUNT } from '../../domain/tips.js';
import { TIPS } from '../../content/tips.js';
import { PHASE_IDS } from '../../domain/types.js';
import { nightPosition } from '../../domain/night-window.js';
import { tipFitsHour, unfitTips } from '../../domain/night-companion.js';
import { translatorOf, type AppContext, type BotContext } from '../context.js';
import { dayLine, phaseOf } from '../messages/status.js';

const composer = new Composer<BotContext>();

/** Tips that hold in every phase: what /tips offers someone who has not set up (or declined). */
const GENERAL_TIP_IDS = TIPS.filter((tip) => PHASE_IDS.every((phase) => tip.phases.includes(phase))).map((tip) => tip.id);

/**
 * /tips: tips for the user's phase that fit the hour — "For today" by day, "For tonight" in the
 * evening and in the night window (no daytime exercise at 3 a.m.). This morning's check-in tips
 * come first when they fit the hour; the rest is a fresh pick that avoids yesterday's.
 * Works without consent (general tips).
 */
export function tipsText(ctx: AppContext): string {
  const t = translatorOf(ctx);
  const profile = ctx.from ? ctx.deps.users.get(ctx.from.id) : undefined;
  if (!profile?.onboardedAt) {
    const tips = GENERAL_TIP_IDS.map((id) => t(`tip-${id}`)).join('\n');
    return `${t('tips-general-title')}\n${tips}\n\n${t('tips-general-footer')}`;
  }
  const now = ctx.deps.now();
  const position = nightPosition(now, profile.timeZone ?? 'UTC', profile.eveningTime, profile.morningTime);
  const today = position.localDate;
  const info = phaseOf(profile, now);
  const fromCheckin = (ctx.deps.checkins.night(profile.id, today)?.tipIds ?? []).filter((id) => tipFitsHour(id, position.part));
  const topUp = selectTips({
    phase: info.phase,
    answers: null,
    previousTipIds: ctx.deps.checkins.night(profile.id, addDays(today, -1))?.tipIds ?? [],
    seed: `${profile.id}:${today}:${position.part}`,
    exclude: [...unfitTips(position.part), ...fromCheckin],
    count: Math.max(0, DEFAULT_TIP_COUNT - fromCheckin.length),
    // The night the tips are for (named by the morning it ends on): in the small hours the one
    // in progress, otherwise the coming one.
    tonight: info.day === null ? null : info.day + (position.nightDate === today ? 0 : 1),
  });
  const ids = [...fromCheckin, ...topUp];
  const title = position.part === 'day' ? t('tips-title-today') : t('tips-title-tonight');
  return `${dayLine(t, info, profile.quitDate)}\n\n${title}\n${ids.map((id) => t(`tip-${id}`)).join('\n')}`;
}

composer.command('tips', async (ctx) => {
  await ctx.reply(tipsText(ctx));
});

export { composer as tipsFeature };

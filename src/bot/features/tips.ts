import { Composer } from 'grammy';
import { addDays, localDateOf } from '../../domain/dates.js';
import { selectTips } from '../../domain/tips.js';
import { TIPS } from '../../content/tips.js';
import { PHASE_IDS } from '../../domain/types.js';
import { translatorOf, type BotContext } from '../context.js';
import { dayLine, phaseOf } from '../messages/status.js';

const composer = new Composer<BotContext>();

/** Tips that hold in every phase: what /tips offers someone who has not set up (or declined). */
const GENERAL_TIP_IDS = TIPS.filter((tip) => PHASE_IDS.every((phase) => tip.phases.includes(phase))).map((tip) => tip.id);

/**
 * /tips: today's tips for the user's phase — the same ones this morning's check-in gave, if there
 * was one, otherwise a fresh pick that avoids yesterday's. Works without consent (general tips).
 */
composer.command('tips', async (ctx) => {
  const t = translatorOf(ctx);
  const profile = ctx.deps.users.get(ctx.from!.id);
  if (!profile?.onboardedAt) {
    const tips = GENERAL_TIP_IDS.map((id) => t(`tip-${id}`)).join('\n');
    await ctx.reply(`${t('tips-general-title')}\n${tips}\n\n${t('tips-general-footer')}`);
    return;
  }
  const now = ctx.deps.now();
  const today = localDateOf(now, profile.timeZone ?? 'UTC');
  const info = phaseOf(profile, now);
  const todays = ctx.deps.checkins.night(profile.id, today);
  const ids = todays?.tipIds.length
    ? todays.tipIds
    : selectTips({
        phase: info.phase,
        answers: null,
        previousTipIds: ctx.deps.checkins.night(profile.id, addDays(today, -1))?.tipIds ?? [],
        seed: `${profile.id}:${today}`,
        tonight: info.day === null ? null : info.day + 1,
      });
  await ctx.reply(`${dayLine(t, info, profile.quitDate)}\n\n${t('checkin-tips-title')}\n${ids.map((id) => t(`tip-${id}`)).join('\n')}`);
});

export { composer as tipsFeature };

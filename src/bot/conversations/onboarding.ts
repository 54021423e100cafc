import { addDays, localDateOf } from '../../domain/dates.js';
import { checkLastDoseDate, checkQuitDate, parseDateInput, parseLocalTime } from '../../domain/parse.js';
import { COMMON_ZONES, resolveTimeZone } from '../../domain/timezone.js';
import { proposedCountry } from '../../domain/country.js';
import { settingsCountryOf } from '../settings-view.js';
import type { LocalDate, LocalTime, UseStatus } from '../../domain/types.js';
import { supportedLocale } from '../i18n.js';
import { rescheduleUser } from '../../scheduler/reschedule.js';
import { conversationNow, type AppConversation, type ConvContext } from '../context.js';
import type { Deps } from '../deps.js';
import { statusMessage } from '../messages/status.js';
import { zonePlaceText, zoneText } from '../messages/zone.js';
import { ask, type Choice, type TypedAnswer } from './ask.js';

export const ONBOARDING = 'onboarding';

export const MORNING_CHOICES = ['06:00', '07:00', '08:00', '09:00', '10:00', '11:00'];
export const EVENING_CHOICES = ['21:00', '21:30', '22:00', '22:30', '23:00', '00:00'];

function timeChoices(times: string[]): Choice<LocalTime>[] {
  return times.map((time) => ({ label: time, code: time.replace(':', ''), value: time }));
}

/**
 * Onboarding, at most six taps: consent → where they are → time zone → last-dose or quit date
 * → morning time → evening time → summary. The time zone comes before the date because
 * "yesterday" or "3 days ago" only mean something in the user's own calendar.
 *
 * Each answer is written as it is given (after consent), and each step is skipped when the
 * profile already holds its answer, so a user whose conversation state was lost picks up
 * where they left off. Declining consent stores nothing.
 */
export function createOnboarding(deps: Deps) {
  return async function onboarding(conversation: AppConversation, ctx: ConvContext): Promise<void> {
    const userId = ctx.from!.id;
    const t = ctx.t.bind(ctx);
    let profile = await conversation.external(() => deps.users.get(userId));

    if (!profile) {
      const consent = await ask(conversation, ctx, {
        id: 'obc',
        text: t('onboarding-intro'),
        columns: 1,
        choices: [
          { label: t('onboarding-consent-yes'), code: 'y', value: true },
          { label: t('onboarding-consent-no'), code: 'n', value: false },
        ],
        expected: t('onboarding-consent-expected'),
      });
      if (!consent) {
        await ctx.reply(t('onboarding-declined'));
        return;
      }
      const locale = supportedLocale(await ctx.i18n.getLocale()) ?? deps.config.defaultLocale;
      profile = await conversation.external(() => deps.users.createWithConsent(userId, locale, deps.now()));
    }

    const save = (patch: Parameters<Deps['users']['update']>[1]) =>
      conversation.external(() => deps.users.update(userId, patch, deps.now()));

    if (!profile.status) {
      const status = await ask<UseStatus>(conversation, ctx, {
        id: 'obs',
        text: t('onboarding-status-question'),
        columns: 1,
        choices: [
          { label: t('onboarding-status-stopped'), code: 's', value: 'stopped' },
          { label: t('onboarding-status-planning'), code: 'p', value: 'planning' },
          { label: t('onboarding-status-using'), code: 'u', value: 'using' },
        ],
        expected: t('onboarding-status-expected'),
      });
      profile = await save({ status });
    }

    if (!profile.timeZone) {
      const timeZone = await askTimeZone(conversation, ctx, 'obz');
      // The country whose lines /help shows is proposed from the zone, shown in the summary and
      // changed in /settings: no extra question.
      profile = await save({ timeZone, country: proposedCountry(timeZone) });
    }

    const today = localDateOf(await conversationNow(conversation, deps.now), profile.timeZone ?? 'UTC');
    if (profile.status === 'stopped' && !profile.lastDoseDate) {
      const lastDoseDate = await askDate(conversation, ctx, today, 'past');
      profile = await save({ lastDoseDate });
    } else if (profile.status === 'planning' && !profile.quitDate) {
      const quitDate = await askDate(conversation, ctx, today, 'future');
      profile = await save({ quitDate });
    }

    if (!profile.onboardedAt) {
      const morningTime = await askTime(conversation, ctx, 'obm', 'morning', MORNING_CHOICES);
      profile = await save({ morningTime });
      const eveningTime = await askTime(conversation, ctx, 'obe', 'evening', EVENING_CHOICES);
      profile = await save({ eveningTime, onboardedAt: (await conversationNow(conversation, deps.now)).toISOString() });
      // Reminders start from here: the first morning prompt and wind-down are scheduled now.
      await conversation.external(() => rescheduleUser(deps, userId, deps.now()));
    }

    const now = await conversationNow(conversation, deps.now);
    const country = t(`settings-country-${settingsCountryOf(profile.country)}`);
    await ctx.reply(`${t('onboarding-done')}\n\n${statusMessage(t, profile, now, { firstTips: true })}\n\n${t('onboarding-country', { country })}`);
  };
}

/**
 * The time zone, by button (common zones) or typed as a city, an IANA name or a UTC offset.
 * An unknown name is re-asked with the closest matches. Also used by /settings.
 */
export async function askTimeZone(conversation: AppConversation, ctx: ConvContext, id: string): Promise<string> {
  const t = ctx.t.bind(ctx);
  const now = new Date(await conversation.now());
  return ask<string>(conversation, ctx, {
    id,
    text: t('onboarding-timezone-question'),
    columns: 2,
    choices: COMMON_ZONES.map((zone, i) => ({ label: zoneText(t, zone, now), code: String(i), value: zone })),
    parseText: (text): TypedAnswer<string> => {
      const found = resolveTimeZone(text);
      if (found.ok) return { ok: true, value: found.zone };
      const hint = found.suggestions.length
        ? `\n${t('onboarding-timezone-suggest', { suggestions: found.suggestions.map((zone) => zonePlaceText(t, zone)).join(', ') })}`
        : '';
      return { ok: false, message: `${t('onboarding-timezone-unknown')}${hint}` };
    },
    expected: t('onboarding-timezone-expected'),
  });
}

/** The last-dose date (looking back) or the quit date (looking ahead), by button or typed. Also used by /settings. */
export async function askDate(
  conversation: AppConversation,
  ctx: ConvContext,
  today: LocalDate,
  direction: 'past' | 'future',
  id: string = direction === 'past' ? 'obd' : 'obq',
): Promise<LocalDate> {
  const t = ctx.t.bind(ctx);
  const offsets = direction === 'past' ? [0, -1, -2, -3, -5, -7] : [0, 1, 2, 3, 5, 7];
  const label = (offset: number) => {
    if (offset === 0) return t('date-today');
    if (offset === -1) return t('date-yesterday');
    if (offset === 1) return t('date-tomorrow');
    if (offset === -7) return t('date-week-ago');
    if (offset === 7) return t('date-in-week');
    return offset < 0 ? t('date-days-ago', { days: -offset }) : t('date-in-days', { days: offset });
  };
  const check = (date: LocalDate): string | null => {
    if (direction === 'past') {
      const verdict = checkLastDoseDate(date, today);
      return verdict === 'future' ? t('date-in-future') : verdict === 'too-old' ? t('date-too-old') : null;
    }
    const verdict = checkQuitDate(date, today);
    return verdict === 'past' ? t('date-in-past') : verdict === 'too-far' ? t('date-too-far') : null;
  };
  return ask<LocalDate>(conversation, ctx, {
    id,
    text: t(direction === 'past' ? 'onboarding-lastdose-question' : 'onboarding-quit-question'),
    columns: 2,
    choices: offsets.map((offset) => ({ label: label(offset), code: String(offset), value: addDays(today, offset) })),
    parseText: (text): TypedAnswer<LocalDate> => {
      const parsed = parseDateInput(text, today);
      if (!parsed.ok) return { ok: false, message: t('date-format-unknown') };
      const problem = check(parsed.value);
      return problem ? { ok: false, message: problem } : { ok: true, value: parsed.value };
    },
    expected: t(direction === 'past' ? 'onboarding-lastdose-expected' : 'onboarding-quit-expected'),
  });
}

/** A time of day, by button or typed (see parseLocalTime). Also used by /settings. */
export async function askTime(
  conversation: AppConversation,
  ctx: ConvContext,
  id: string,
  which: 'morning' | 'evening',
  times: string[],
): Promise<LocalTime> {
  const t = ctx.t.bind(ctx);
  return ask<LocalTime>(conversation, ctx, {
    id,
    text: t(`onboarding-${which}-question`),
    columns: 3,
    choices: timeChoices(times),
    parseText: (text): TypedAnswer<LocalTime> => {
      const parsed = parseLocalTime(text);
      if (parsed.ok) return { ok: true, value: parsed.value };
      return { ok: false, message: t(parsed.error === 'range' ? 'time-out-of-range' : 'time-format-unknown') };
    },
    expected: t(`onboarding-${which}-expected`),
  });
}

import { selectTips } from '../../domain/tips.js';
import { currentPhase, type PhaseInfo } from '../../domain/phase.js';
import { localDateOf } from '../../domain/dates.js';
import type { UserProfile } from '../../storage/users.js';
import { dateValue, type Translate } from './translate.js';
import { zoneText } from './zone.js';

/** The user's phase today, in their own calendar. */
export function phaseOf(profile: UserProfile, now: Date): PhaseInfo {
  const today = localDateOf(now, profile.timeZone ?? 'UTC');
  return currentPhase(
    { status: profile.status ?? 'using', lastDoseDate: profile.lastDoseDate, quitDate: profile.quitDate },
    today,
  );
}

/** One line: where the user is in withdrawal, e.g. "Day 4 since your last dose · Peak". */
export function dayLine(t: Translate, info: PhaseInfo, quitDate: string | null): string {
  const phase = t(`phase-${info.phase}-name`);
  if (info.day !== null) return t('status-day', { day: info.day, phase });
  if (info.phase === 'preparing' && quitDate !== null) {
    return t('status-preparing', { days: info.daysUntilQuit ?? 0, date: dateValue(quitDate), phase });
  }
  return t('status-using', { phase });
}

/**
 * The summary after onboarding (with its first tips) and the answer to /start for a user who
 * is set up.
 */
export function statusMessage(t: Translate, profile: UserProfile, now: Date, options: { firstTips?: boolean } = {}): string {
  const info = phaseOf(profile, now);
  const tips = options.firstTips
    ? [`${t('checkin-tips-title')}\n${selectTips({ phase: info.phase, answers: null, previousTipIds: [], seed: `${profile.id}:first`, count: 2, tonight: info.day === null ? null : info.day + 1 }).map((id) => t(`tip-${id}`)).join('\n')}`]
    : [];
  return [
    dayLine(t, info, profile.quitDate),
    `${t('status-expect-title')}\n${t(`phase-${info.phase}-expect`)}`,
    ...tips,
    [
      t('status-schedule', { morning: profile.morningTime, evening: profile.eveningTime }),
      t('status-zone', { zone: zoneText(t, profile.timeZone ?? 'UTC', now) }),
    ].join('\n'),
    t('status-next-steps'),
  ].join('\n\n');
}

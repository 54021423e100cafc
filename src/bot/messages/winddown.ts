import { InlineKeyboard } from 'grammy';
import { DateTime } from 'luxon';
import { weeklySummary, type ProgressSources } from './progress.js';
import { addDays } from '../../domain/dates.js';
import { currentPhase, phaseForDay } from '../../domain/phase.js';
import type { LocalDate, PhaseId } from '../../domain/types.js';
import { windDownChecklist } from '../../domain/winddown.js';
import type { UserProfile } from '../../storage/users.js';
import type { ScheduledMessage } from './morning.js';
import type { RenderLimits } from '../../chart/pool.js';
import { dayLine } from './status.js';
import type { Translate } from './translate.js';
import { nightOpenData } from './night.js';

export type WindDownAction = 'skip' | 'stop';

/** `wd:<action>:<YYYY-MM-DD>` (the evening's date); anything else falls through. */
export const WIND_DOWN_BUTTON = /^wd:(skip|stop):(\d{4}-\d{2}-\d{2})$/;

export const windDownButtonData = (action: WindDownAction, date: LocalDate) => `wd:${action}:${date}`;

export interface TonightInfo {
  /** Tonight's number (the night after the last dose is night 1); null outside withdrawal. */
  night: number | null;
  /** The phase tonight belongs to: that of the morning it ends on. */
  phase: PhaseId;
}

/**
 * Tonight, seen from the evening of `eveningDate`: night N ends on the morning of day N, so the
 * evening of day d starts night d + 1, and its phase is that of day d + 1.
 */
export function tonight(profile: UserProfile, eveningDate: LocalDate): TonightInfo & { line: (t: Translate) => string } {
  const state = { status: profile.status ?? 'using', lastDoseDate: profile.lastDoseDate, quitDate: profile.quitDate };
  const today = currentPhase(state, eveningDate);
  if (today.day === null) {
    return { night: null, phase: today.phase, line: (t) => dayLine(t, today, profile.quitDate) };
  }
  const night = today.day + 1;
  const phase = currentPhase(state, addDays(eveningDate, 1)).day === night ? phaseForDay(night) : today.phase;
  return { night, phase, line: (t) => t('winddown-night', { night, phase: t(`phase-${phase}-name`) }) };
}

/** Sunday evenings carry the weekly summary instead of the checklist. */
export function isSummaryEvening(eveningDate: LocalDate): boolean {
  return DateTime.fromISO(eveningDate, { zone: 'UTC' }).weekday === 7;
}

/**
 * The Sunday summary in place of the checklist: the week's chart and three lines (see
 * `weeklySummary`), with the wind-down's buttons. Falls back to the usual wind-down when the
 * week has too few nights for a chart.
 */
export async function weeklyOrWindDownMessage(
  t: Translate,
  sources: ProgressSources,
  profile: UserProfile,
  eveningDate: LocalDate,
  now: Date,
  limits?: RenderLimits,
): Promise<ScheduledMessage> {
  const info = tonight(profile, eveningDate);
  const state = { status: profile.status ?? 'using', lastDoseDate: profile.lastDoseDate, quitDate: profile.quitDate };
  // The coming week's phase: the one around its middle.
  const coming = currentPhase(state, addDays(eveningDate, 4)).phase;
  const summary = await weeklySummary(t, sources, profile, now, info.line(t), coming, limits);
  if (!summary) return windDownMessage(t, profile, eveningDate);
  return { text: summary.text, photo: summary.png, keyboard: windDownKeyboard(t, eveningDate) };
}

function windDownKeyboard(t: Translate, eveningDate: LocalDate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('winddown-button-awake'), nightOpenData(eveningDate))
    .row()
    .text(t('winddown-button-skip'), windDownButtonData('skip', eveningDate))
    .row()
    .text(t('winddown-button-stop'), windDownButtonData('stop', eveningDate));
}

/**
 * The evening wind-down: tonight's number and phase, then three things to do now, chosen for the
 * phase (see `windDownChecklist`). Buttons `Skip tonight`, `Stop evening reminders`.
 */
export function windDownMessage(t: Translate, profile: UserProfile, eveningDate: LocalDate): ScheduledMessage {
  const info = tonight(profile, eveningDate);
  const items = windDownChecklist(info.phase, info.night).map((id, i) => `${i + 1}. ${t(`winddown-item-${id}`)}`);
  const text = [t('winddown-title'), info.line(t), `${t('winddown-checklist-title')}\n${items.join('\n')}`].join('\n\n');
  return { text, keyboard: windDownKeyboard(t, eveningDate) };
}

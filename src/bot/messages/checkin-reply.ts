import { InlineKeyboard } from 'grammy';
import { milestoneFor } from '../../domain/milestones.js';
import type { ThresholdResult } from '../../domain/thresholds.js';
import type { NightRecord, PhaseId } from '../../domain/types.js';
import type { Translate } from './translate.js';
import { checkinDetailData, hasWarning, warningKeyboard, warningMessage, whatCanHelp, type CheckinDetailView } from './warning.js';
import { wakesLine } from './night.js';

/** Everything the reply to a finished check-in needs, as plain data. */
export interface CheckinOutcome {
  night: NightRecord;
  day: number | null;
  phase: PhaseId;
  tipIds: string[];
  thresholds: ThresholdResult;
  /** Hours of the last 7 nights, oldest first, ending with this one; null where none recorded. */
  recentHours: (number | null)[];
  /** Hours of the 7 nights before those, oldest first; null where none recorded. */
  previousWeekHours: (number | null)[];
  country: string;
  /** Local times ("03:05") the user was awake in this night and opened the night companion. */
  wakes?: string[];
}

/** PRODUCT.md "Message budgets": the check-in reply, with and without a support warning. */
export const CHECKIN_REPLY_BUDGET = { lines: 10, chars: 700 } as const;
export const CHECKIN_WARNING_REPLY_BUDGET = { lines: 14, chars: 1000 } as const;

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One bar per night: 0 h is the lowest bar, 9 h or more the highest; a missing night is "·". */
export function sparkline(hours: readonly (number | null)[]): string {
  return hours
    .map((h) => (h === null ? '·' : BARS[Math.min(BARS.length - 1, Math.round((Math.min(h, 9) / 9) * (BARS.length - 1)))]))
    .join(' ');
}

export function averageHours(hours: readonly (number | null)[]): number | null {
  const known = hours.filter((h): h is number => h !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
}

/** "Night 4 · ~3 h · Poor · restless: Moderate · anxiety 6/10" */
export function summaryLine(t: Translate, outcome: CheckinOutcome): string {
  const { night, day } = outcome;
  const parts = [day !== null ? t('checkin-summary-night', { day }) : t('checkin-summary-last-night')];
  if (night.hours !== null) parts.push(t('checkin-summary-hours', { hours: Math.round(night.hours * 2) / 2 }));
  if (night.quality !== null) parts.push(t(`checkin-quality-${night.quality}`));
  if (night.restlessness !== null) parts.push(t('checkin-summary-restless', { level: t(`checkin-restless-${night.restlessness}`) }));
  if (night.anxiety !== null) parts.push(t('checkin-summary-anxiety', { anxiety: night.anxiety }));
  return parts.join(' · ');
}

/** Lines as a phone shows them (blank lines included) and characters, for the budgets. */
export function measure(text: string): { lines: number; chars: number } {
  return { lines: text.split('\n').length, chars: [...text].length };
}

function fits(text: string, budget: { lines: number; chars: number }): boolean {
  const m = measure(text);
  return m.lines <= budget.lines && m.chars <= budget.chars;
}

/**
 * The reply, in PRODUCT.md's order and within its budget: the support warning if a threshold
 * holds (signs in plain words and one line of what to do), the one-line summary, a milestone
 * line on a milestone day, and one or two tips — two when they fit the budget, else one.
 * What is normal now, the last 7 nights and what can help are behind buttons
 * (`checkinReplyKeyboard`) that edit this same message.
 *
 * A check-in with the self-harm flag gets no tips and no milestone: the crisis message was
 * sent the moment the flag was tapped, and nothing cheerful follows it. (The crisis flow
 * intercepts such check-ins before this reply is built.)
 */
export function renderCheckinReply(t: Translate, outcome: CheckinOutcome): string {
  const warning = warningMessage(t, outcome.thresholds);
  const budget = warning ? CHECKIN_WARNING_REPLY_BUDGET : CHECKIN_REPLY_BUDGET;
  const crisis = outcome.night.flags.includes('self-harm');
  const milestone = crisis ? null : milestoneFor(outcome.day);
  const wakes = wakesLine(t, outcome.wakes ?? []);
  const head = [
    `${t('checkin-saved')} ${summaryLine(t, outcome)}`,
    ...(wakes ? [wakes] : []),
    ...(milestone !== null ? [t(`milestone-${milestone}`, { day: milestone })] : []),
  ].join('\n');
  const build = (tipCount: number) => {
    const tips = outcome.tipIds.slice(0, tipCount).map((id) => t(`tip-${id}`));
    const sections = [...(warning ? [warning] : []), head];
    if (tips.length > 0) sections.push(`${t('checkin-tips-title')}\n${tips.join('\n')}`);
    return sections.join('\n\n');
  };
  if (crisis) return build(0);
  const two = build(2);
  return fits(two, budget) ? two : build(1);
}

/** The buttons under the reply: `What can help` with a warning, then the two detail views. */
export function checkinReplyKeyboard(t: Translate, outcome: CheckinOutcome): InlineKeyboard {
  const date = outcome.night.date;
  const keyboard = hasWarning(outcome.thresholds) ? warningKeyboard(t, outcome.thresholds, date) : new InlineKeyboard();
  return keyboard
    .text(t('checkin-button-normal'), checkinDetailData('normal', date))
    .text(t('checkin-button-week'), checkinDetailData('week', date));
}

/** The last 7 nights at a glance, and this week against the week before when both have nights. */
export function lastSevenNights(t: Translate, outcome: CheckinOutcome): string {
  const avg = averageHours(outcome.recentHours);
  const last = averageHours(outcome.previousWeekHours);
  const lines = [
    avg === null ? t('checkin-glance-title-empty') : t('checkin-glance-title', { avg: Math.round(avg * 10) / 10 }),
    sparkline(outcome.recentHours),
    t('checkin-glance-legend'),
  ];
  if (avg !== null && last !== null) {
    lines.push(t('checkin-week-compare', { week: Math.round(avg * 10) / 10, last: Math.round(last * 10) / 10 }));
  }
  return lines.join('\n');
}

/** The text of one view of the reply message (`main` is the reply itself). */
export function checkinDetailText(t: Translate, outcome: CheckinOutcome, view: CheckinDetailView): string {
  switch (view) {
    case 'main':
      return renderCheckinReply(t, outcome);
    case 'normal':
      return `${t('status-expect-title')} ${t(`phase-${outcome.phase}-name`)}\n${t(`phase-${outcome.phase}-expect`)}`;
    case 'week':
      return lastSevenNights(t, outcome);
    case 'help':
      return whatCanHelp(t, outcome.country);
  }
}

/** A detail view's buttons: back to the reply, and the other views. */
export function checkinDetailKeyboard(t: Translate, outcome: CheckinOutcome, view: CheckinDetailView): InlineKeyboard {
  if (view === 'main') return checkinReplyKeyboard(t, outcome);
  const date = outcome.night.date;
  const keyboard = new InlineKeyboard().text(t('checkin-button-back'), checkinDetailData('main', date));
  if (view !== 'help' && hasWarning(outcome.thresholds)) keyboard.text(t('checkin-button-help'), checkinDetailData('help', date));
  if (view !== 'normal') keyboard.text(t('checkin-button-normal'), checkinDetailData('normal', date));
  if (view !== 'week') keyboard.text(t('checkin-button-week'), checkinDetailData('week', date));
  return keyboard;
}


import { InlineKeyboard } from 'grammy';
import type { ProgressChartLabels } from '../../chart/progress-chart.js';
import { renderChartOffThread, type RenderLimits } from '../../chart/pool.js';
import { addDays, localDateOf } from '../../domain/dates.js';
import { buildProgress, enoughForChart, type ProgressData, type ProgressWindow } from '../../domain/progress.js';
import { tipsForPhase } from '../../domain/tips.js';
import { PHASE_IDS, type LocalDate, type PhaseId } from '../../domain/types.js';
import type { CheckinStore } from '../../storage/checkins.js';
import type { RelapseStore } from '../../storage/relapses.js';
import type { UserProfile } from '../../storage/users.js';
import type { Translate } from './translate.js';

/** `pg:14` / `pg:30`: the button under a /progress chart that switches its window. */
export const PROGRESS_BUTTON = /^pg:(14|30)$/;
export const progressButtonData = (window: ProgressWindow) => `pg:${window}`;

/** Nights read before the window, so its first 7-night averages and "last week" are complete. */
const LOOKBACK_DAYS = 13;

export interface ProgressSources {
  checkins: Pick<CheckinStore, 'nights'>;
  relapses: Pick<RelapseStore, 'dates' | 'originalLastDoseDate'>;
}

/** What places a user's nights in phases: where they are, day 0, and the relapses before it. */
export function dayCountOf(sources: Pick<ProgressSources, 'relapses'>, profile: UserProfile) {
  return {
    status: profile.status ?? 'using',
    lastDoseDate: profile.lastDoseDate,
    quitDate: profile.quitDate,
    relapseDates: sources.relapses.dates(profile.id),
    originalLastDoseDate: sources.relapses.originalLastDoseDate(profile.id),
  };
}

/** Everything /progress and the weekly summary show, for one user on their today. */
export function progressOf(sources: ProgressSources, profile: UserProfile, now: Date, windowDays: ProgressWindow) {
  const today = localDateOf(now, profile.timeZone ?? 'UTC');
  // From the window's look-back, or from day 0 when that is earlier: "since day 0" compares
  // this week with the first week after it.
  const lookback = addDays(today, -(windowDays + LOOKBACK_DAYS));
  const dayZero = profile.status === 'planning' ? profile.quitDate : profile.lastDoseDate;
  const readFrom = dayZero !== null && dayZero < lookback ? dayZero : lookback;
  const nights = sources.checkins.nights(profile.id, readFrom, today);
  const inWindow = nights.filter((n) => n.date > addDays(today, -windowDays));
  const data = buildProgress({ nights, today, windowDays, ...dayCountOf(sources, profile) });
  return { data, today, nights, enough: enoughForChart(inWindow), logged: inWindow.filter((n) => n.hours !== null).length };
}

/** "Mar 28" / "28 mar", from the locale's month names and date pattern. */
export function shortDate(t: Translate, date: LocalDate): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  const months = t('progress-months').split(' ');
  return t('progress-date', { d: day, mon: months[month - 1] ?? String(month) });
}

export function chartLabels(t: Translate, windowDays: number): ProgressChartLabels {
  const phases = Object.fromEntries(PHASE_IDS.map((id) => [id, t(`phase-${id}-name`)])) as Record<PhaseId, string>;
  return {
    title: t('progress-chart-title', { n: windowDays }),
    hoursAxis: t('progress-chart-hours'),
    qualityLegend: t('progress-chart-quality'),
    quality: [1, 2, 3, 4, 5].map((q) => t(`checkin-quality-${q}`)) as unknown as ProgressChartLabels['quality'],
    qualityUnknown: t('progress-chart-not-rated'),
    average: t('progress-chart-average'),
    missed: t('progress-chart-missed'),
    relapse: t('progress-chart-relapse'),
    phases,
    months: t('progress-months').split(' '),
    dateFormat: t('progress-chart-date-format'),
    decimalSeparator: t('progress-decimal-separator'),
  };
}

/** The chart as a PNG, drawn in the chart worker pool (never on the event loop); rejects when busy or slow. */
export function renderChart(t: Translate, data: ProgressData, limits?: RenderLimits): Promise<Buffer> {
  return renderChartOffThread(data, chartLabels(t, data.days.length), undefined, limits);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The few lines under the chart: nights logged, this week vs last, the best night (when one
 * stands out), and the trend since day 0. Every comparison is with the user's own nights.
 */
export function progressCaption(t: Translate, data: ProgressData): string {
  const s = data.summary;
  const lines = [t('progress-logged', { logged: s.nightsLogged, days: data.days.length })];
  const week = s.thisWeek.averageHours;
  const last = s.previousWeek.averageHours;
  if (week !== null && last !== null) {
    const change = round1(week - last);
    lines.push(
      change > 0
        ? t('progress-week-up', { week, last, change })
        : change < 0
          ? t('progress-week-down', { week, last, change: -change })
          : t('progress-week-same', { week }),
    );
  } else if (week !== null) {
    lines.push(t('progress-week-only', { week }));
  }
  if (s.bestNight) lines.push(t('progress-best', { date: shortDate(t, s.bestNight.date), hours: s.bestNight.hours }));
  const trend = s.sinceDayZero;
  if (trend && trend.firstWeek.averageHours !== null && trend.thisWeek.averageHours !== null) {
    lines.push(t('progress-since-day-zero', { first: trend.firstWeek.averageHours, week: trend.thisWeek.averageHours }));
  }
  return lines.join('\n');
}

/** Under 3 nights there is no chart: a kind word about what comes next instead. */
export function tooFewNights(t: Translate, logged: number): string {
  return t('progress-too-few', { logged });
}

export function progressKeyboard(t: Translate, shown: ProgressWindow): InlineKeyboard {
  const other: ProgressWindow = shown === 14 ? 30 : 14;
  return new InlineKeyboard().text(t('progress-button-window', { n: other }), progressButtonData(other));
}

export interface WeeklySummary {
  text: string;
  png: Buffer;
}

/**
 * The Sunday summary, in place of that evening's checklist: the title, tonight's line, then the
 * three lines under the chart of the last 14 nights (this week against the one before).
 * Null when the week has too few nights for a chart: the usual wind-down goes out instead.
 */
export async function weeklySummary(
  t: Translate,
  sources: ProgressSources & { checkins: Pick<CheckinStore, 'nights'> },
  profile: UserProfile,
  now: Date,
  tonightLine: string,
  comingPhase: PhaseId | null,
  limits?: RenderLimits,
): Promise<WeeklySummary | null> {
  const progress = progressOf(sources, profile, now, 14);
  if (!progress.enough || progress.data.summary.thisWeek.nights === 0) return null;
  // The last 7 nights' tips, from the nights already read (they start at least 27 days back).
  const weekFrom = addDays(progress.today, -6);
  const recentTips = new Set(progress.nights.filter((n) => n.date >= weekFrom).flatMap((n) => n.tipIds));
  const lines = weeklyLines(t, progress.data, comingPhase, recentTips);
  return { text: [t('weekly-title'), tonightLine, ...lines].join('\n\n'), png: await renderChart(t, progress.data, limits) };
}

/**
 * The Sunday summary's three lines: what improved, what to keep doing, one tip for the coming
 * week's phase (a tip not shown in the last week, when the phase has one).
 */
export function weeklyLines(
  t: Translate,
  data: ProgressData,
  comingPhase: PhaseId | null,
  recentTipIds: ReadonlySet<string>,
): string[] {
  const s = data.summary;
  const week = s.thisWeek.averageHours;
  const last = s.previousWeek.averageHours;
  const change = week !== null && last !== null ? round1(week - last) : null;
  const weekNights = data.days.filter((d) => d.date >= s.thisWeek.from && d.hours !== null && !d.crisis);
  const best = weekNights.reduce<{ date: LocalDate; hours: number } | null>(
    (top, d) => (!top || d.hours! >= top.hours ? { date: d.date, hours: d.hours! } : top),
    null,
  );
  // A "best night" only means something when the nights differ.
  const standsOut = new Set(weekNights.map((d) => d.hours)).size > 1;
  const improved =
    change !== null && change > 0
      ? t('weekly-improved-hours', { change, week: week! })
      : best && standsOut
        ? t('weekly-improved-best', { date: shortDate(t, best.date), hours: best.hours })
        : t('weekly-improved-showing-up', { logged: s.thisWeek.nights });
  const keep = t('weekly-keep', { logged: s.thisWeek.nights });
  const lines = [improved, keep];
  if (comingPhase) {
    const pool = tipsForPhase(comingPhase);
    const tip = pool.find((candidate) => !recentTipIds.has(candidate.id)) ?? pool[0];
    if (tip) lines.push(t('weekly-tip', { tip: t(`tip-${tip.id}`) }));
  }
  return lines;
}

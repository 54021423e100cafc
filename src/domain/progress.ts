/**
 * Chart data for `/progress` and the weekly summary (issue 6). Pure: no I/O, no clock —
 * `today` is passed in, and the result is plain data that the renderer
 * (src/chart/progress-chart.ts) and the summary text both read.
 *
 * Conventions
 * - A night is keyed by the morning's local date (the check-in date), as everywhere else.
 * - The window is at most `windowDays` calendar dates ending at `today` inclusive, oldest first.
 *   It begins at the user's first check-in, or at day 0 (the earliest day 0 on record, so an
 *   earlier attempt stays visible) if that is later, and never before today−(windowDays−1):
 *   a user with 3 check-ins sees 3 nights, not 11 "no entry" slots from before they started.
 *   It always ends at today, not at the latest night, so a run of missed mornings shows as
 *   missed rather than silently dropping off. Today without a check-in is `not-yet` (the
 *   morning may still come), not `missed`.
 * - Records dated after `today`, with a malformed date, or outside the dates a rule looks at
 *   are ignored. If there are two records for a date, the last one in the array wins.
 * - A night counts as logged when it has hours (a partial check-in with hours counts; its
 *   quality may be null). A record without hours is treated as a missed night.
 * - Averages are taken in whole minutes and given in hours rounded to 0.1.
 * - Callers should pass the nights from today−(windowDays+12) on, so the 7-night average at
 *   the window's first date and "the previous 7 days" of a 14-night window are complete.
 *
 * Phases and relapses
 * - Day 0 anchors: the recorded last dose (`lastDoseDate`; for a planning user the quit date
 *   once reached), `originalLastDoseDate` if the caller still knows it, and every relapse date
 *   from `/used` (each one is the new last dose). The phase of a date is
 *   `phaseForDay(date − anchor)` for the latest anchor on or before that date — so a relapse
 *   restarts the phases from `onset` on its own date.
 * - A date before every anchor has no phase (null, nothing shaded) — except for a planning
 *   user, where dates before the quit date are `preparing`. A `using` user is `using` on
 *   every date.
 * - Dates on or before the latest relapse belong to the `previous` attempt, later ones to the
 *   `current` one. The 7-night average does not reset at a relapse (it is about sleep, not
 *   about the count).
 *
 * Comparisons are only ever with the user's own earlier nights (this week against last week,
 * this week against the first week after day 0): the articles give no typical hours of sleep
 * for any phase, so the bot has no norm of its own to compare with.
 */
import { isPreviousAttempt } from './attempts.js';
import { addDays, daysBetween, isLocalDate } from './dates.js';
import { phaseForDay } from './phase.js';
import type { LocalDate, NightRecord, PhaseId, UseStatus } from './types.js';

/** The two windows /progress offers. */
export type ProgressWindow = 14 | 30;

/** The fields of a stored night the chart reads; `StoredNight` and `NightRecord` fit. */
export type ProgressNight = Pick<NightRecord, 'date' | 'hours' | 'quality'> & Partial<Pick<NightRecord, 'flags'>>;

export interface ProgressInput {
  /** Stored nights, any order; gaps allowed. See "Callers should pass…" above. */
  nights: readonly ProgressNight[];
  today: LocalDate;
  /** /progress draws 14 or 30 nights; /report 14 or 28. */
  windowDays: number;
  status: UseStatus;
  /** The last-dose date in force today (after a /used, normally the latest relapse date). */
  lastDoseDate: LocalDate | null;
  quitDate: LocalDate | null;
  /** Dates the user reported using again via /used; each one is a new day 0. Any order. */
  relapseDates: readonly LocalDate[];
  /**
   * The last dose before the earliest relapse, if the store kept it (a /used that overwrites
   * `lastDoseDate` loses it). Without it, dates before the earliest relapse get no phase
   * unless `lastDoseDate` itself is earlier.
   */
  originalLastDoseDate?: LocalDate | null;
}

/**
 * - `logged`: a check-in with hours for this date.
 * - `missed`: no check-in (or one without hours) for a past date: drawn as an empty slot.
 * - `not-yet`: today, not checked in yet.
 */
export type DayState = 'logged' | 'missed' | 'not-yet';

export interface ProgressDay {
  date: LocalDate;
  state: DayState;
  /** Hours slept; null unless `logged`. */
  hours: number | null;
  /** Sleep quality 1 (very poor) … 5 (very good); null when unknown. */
  quality: number | null;
  /** Phase on this date (see "Phases and relapses"); null when unknown. */
  phase: PhaseId | null;
  /** Days since the day 0 in force on this date (the check-in's "Night N"); null without one. */
  day: number | null;
  attempt: 'previous' | 'current';
  /** Average hours over the logged nights among the 7 dates ending here; null when none. */
  rollingAverage: number | null;
  /**
   * The check-in had the `Thoughts of hurting myself` flag: such a night is never singled out
   * as the best night or as what went well, whatever its hours.
   */
  crisis: boolean;
}

/** A contiguous run of dates in one phase of one attempt (a relapse always starts a new band). */
export interface PhaseBand {
  phase: PhaseId;
  from: LocalDate;
  to: LocalDate;
  /** Positions of `from` and `to` in `days`. */
  fromIndex: number;
  toIndex: number;
}

export interface WeekStats {
  from: LocalDate;
  to: LocalDate;
  /** Logged nights in these 7 dates. */
  nights: number;
  /** Average hours of those nights; null when none. */
  averageHours: number | null;
}

export interface ProgressSummary {
  /** Logged nights in the window. */
  nightsLogged: number;
  /** today−6 … today. */
  thisWeek: WeekStats;
  /** today−13 … today−7. */
  previousWeek: WeekStats;
  /** thisWeek − previousWeek average, in hours (0.1); null unless both have nights. */
  weekChange: number | null;
  /**
   * Most hours in the window (never a night with the crisis flag); ties go to the better quality, then the more recent night.
   * Null when the logged nights all have the same hours: then no night stands out.
   */
  bestNight: { date: LocalDate; hours: number; quality: number | null } | null;
  /** Today's phase and day (same rules as the days). */
  phase: PhaseId | null;
  day: number | null;
  /**
   * The trend since day 0: the first week after the current day 0 (days 1–7) against this week.
   * Null until day ≥ 14 (the two weeks must not overlap) or with fewer than
   * `TREND_MIN_NIGHTS` logged nights in either week.
   */
  sinceDayZero: { firstWeek: WeekStats; thisWeek: WeekStats } | null;
}

export interface ProgressData {
  windowDays: number;
  /** First and last date of the span drawn (`to` is today); see "The window is…". */
  from: LocalDate;
  to: LocalDate;
  /** One entry per date of the span, oldest first; 1 ≤ `days.length` ≤ `windowDays`. */
  days: ProgressDay[];
  /** Phase bands in date order, covering every day with a phase. */
  bands: PhaseBand[];
  /** Relapse dates inside the window, oldest first, no duplicates. */
  relapses: LocalDate[];
  summary: ProgressSummary;
}

/** Logged nights needed in each of two weeks before comparing them ("since day 0"). */
export const TREND_MIN_NIGHTS = 3;

/** Fewer logged nights than this get a friendly message instead of a chart (issue 6). */
export const MIN_NIGHTS_FOR_CHART = 3;

/**
 * Whether there is enough to draw: at least 3 distinct dates with hours. Pass the nights of the
 * window (stored nights, or `data.days` — days without hours do not count).
 */
export function enoughForChart(nights: readonly Pick<ProgressNight, 'date' | 'hours'>[]): boolean {
  const dates = new Set(nights.filter((n) => n.hours !== null).map((n) => n.date));
  return dates.size >= MIN_NIGHTS_FOR_CHART;
}

export function buildProgress(input: ProgressInput): ProgressData {
  const { today } = input;

  const byDate = new Map<LocalDate, ProgressNight>();
  for (const night of input.nights) {
    if (isLocalDate(night.date) && night.date <= today) byDate.set(night.date, night);
  }
  const hoursOn = (date: LocalDate): number | null => byDate.get(date)?.hours ?? null;

  const relapses = [...new Set(input.relapseDates.filter(isLocalDate))].sort();
  const phaseOn = phaseResolver(input, relapses);
  const from = spanStart(input, byDate, relapses);
  const spanDays = daysBetween(from, today) + 1;

  const days: ProgressDay[] = [];
  for (let i = 0; i < spanDays; i++) {
    const date = addDays(from, i);
    const night = byDate.get(date);
    const hours = night?.hours ?? null;
    const state: DayState = hours !== null ? 'logged' : date === today ? 'not-yet' : 'missed';
    const { phase, day } = phaseOn(date);
    days.push({
      date,
      state,
      hours,
      quality: night?.quality ?? null,
      phase,
      day,
      attempt: isPreviousAttempt(date, relapses) ? 'previous' : 'current',
      rollingAverage: averageHours(datesEndingAt(date, 7).map(hoursOn)),
      crisis: night?.flags?.includes('self-harm') ?? false,
    });
  }

  return {
    windowDays: input.windowDays,
    from,
    to: today,
    days,
    bands: phaseBands(days, phaseOn),
    relapses: relapses.filter((d) => d >= from && d <= today),
    summary: summarise(input, days, hoursOn, phaseOn),
  };
}

/**
 * The first date drawn: the later of the first logged night and the earliest day 0 (when that
 * is not in the future), but no earlier than the window allows. Without any logged night the
 * whole window is drawn (there is then no chart anyway, see `enoughForChart`).
 */
function spanStart(input: ProgressInput, byDate: ReadonlyMap<LocalDate, ProgressNight>, relapses: readonly LocalDate[]): LocalDate {
  const windowStart = addDays(input.today, -(input.windowDays - 1));
  const logged = [...byDate.values()].filter((n) => n.hours !== null).map((n) => n.date).sort();
  const firstCheckin = logged[0];
  if (firstCheckin === undefined) return windowStart;
  const own = input.status === 'planning' ? input.quitDate : input.status === 'stopped' ? input.lastDoseDate : null;
  const dayZeros = [own, input.originalLastDoseDate, ...relapses]
    .filter((d): d is LocalDate => typeof d === 'string' && isLocalDate(d) && d <= input.today)
    .sort();
  const earliestDayZero = dayZeros[0];
  const start = earliestDayZero !== undefined && earliestDayZero > firstCheckin ? earliestDayZero : firstCheckin;
  return start > windowStart ? start : windowStart;
}

// ——— phases ———

interface DatedPhase {
  phase: PhaseId | null;
  day: number | null;
  /** The day 0 in force, so that bands split at a relapse even when the phase repeats. */
  anchor: LocalDate | null;
}

function phaseResolver(input: ProgressInput, relapses: readonly LocalDate[]): (date: LocalDate) => DatedPhase {
  if (input.status === 'using') return () => ({ phase: 'using', day: null, anchor: null });

  const own = input.status === 'planning' ? input.quitDate : input.lastDoseDate;
  const anchors = [...new Set([own, input.originalLastDoseDate, ...relapses])]
    .filter((d): d is LocalDate => typeof d === 'string' && isLocalDate(d))
    .sort();
  const preparingBefore = input.status === 'planning' && input.quitDate !== null ? input.quitDate : null;

  return (date) => {
    let anchor: LocalDate | null = null;
    for (const a of anchors) if (a <= date) anchor = a;
    if (anchor !== null) {
      const day = daysBetween(anchor, date);
      return { phase: phaseForDay(day), day, anchor };
    }
    if (preparingBefore !== null && date < preparingBefore) return { phase: 'preparing', day: null, anchor: null };
    return { phase: null, day: null, anchor: null };
  };
}

function phaseBands(days: readonly ProgressDay[], phaseOn: (date: LocalDate) => DatedPhase): PhaseBand[] {
  const bands: PhaseBand[] = [];
  let openAnchor: LocalDate | null = null;
  days.forEach((d, i) => {
    const { phase, anchor } = phaseOn(d.date);
    const last = bands.at(-1);
    if (phase === null) return;
    if (last && last.phase === phase && last.toIndex === i - 1 && openAnchor === anchor) {
      last.to = d.date;
      last.toIndex = i;
    } else {
      bands.push({ phase, from: d.date, to: d.date, fromIndex: i, toIndex: i });
      openAnchor = anchor;
    }
  });
  return bands;
}

// ——— summary ———

function summarise(
  input: ProgressInput,
  days: readonly ProgressDay[],
  hoursOn: (date: LocalDate) => number | null,
  phaseOn: (date: LocalDate) => DatedPhase,
): ProgressSummary {
  const { today } = input;
  const week = (endAgo: number): WeekStats => {
    const dates = datesEndingAt(addDays(today, -endAgo), 7);
    const hours = dates.map(hoursOn);
    return {
      from: dates[0]!,
      to: dates[6]!,
      nights: hours.filter((h) => h !== null).length,
      averageHours: averageHours(hours),
    };
  };
  const thisWeek = week(0);
  const previousWeek = week(7);
  const weekChange =
    thisWeek.averageHours !== null && previousWeek.averageHours !== null
      ? Math.round((thisWeek.averageHours - previousWeek.averageHours) * 10) / 10
      : null;

  let bestNight: ProgressSummary['bestNight'] = null;
  for (const d of days) {
    if (d.hours === null || d.crisis) continue;
    const better =
      bestNight === null ||
      d.hours > bestNight.hours ||
      (d.hours === bestNight.hours && (d.quality ?? 0) >= (bestNight.quality ?? 0));
    if (better) bestNight = { date: d.date, hours: d.hours, quality: d.quality };
  }
  const distinctHours = new Set(days.flatMap((d) => (d.hours === null ? [] : [minutes(d.hours)])));
  if (distinctHours.size < 2) bestNight = null;

  const { phase, day } = phaseOn(today);
  let sinceDayZero: ProgressSummary['sinceDayZero'] = null;
  if (day !== null && day >= 14) {
    const dayZero = addDays(today, -day);
    const firstDates = datesEndingAt(addDays(dayZero, 7), 7);
    const firstHours = firstDates.map(hoursOn);
    const firstWeek: WeekStats = {
      from: firstDates[0]!,
      to: firstDates[6]!,
      nights: firstHours.filter((h) => h !== null).length,
      averageHours: averageHours(firstHours),
    };
    if (firstWeek.nights >= TREND_MIN_NIGHTS && thisWeek.nights >= TREND_MIN_NIGHTS) sinceDayZero = { firstWeek, thisWeek };
  }
  return {
    nightsLogged: days.filter((d) => d.state === 'logged').length,
    thisWeek,
    previousWeek,
    weekChange,
    bestNight,
    phase,
    day,
    sinceDayZero,
  };
}

// ——— helpers ———

/** The `n` dates ending at `end` inclusive, oldest first. */
function datesEndingAt(end: LocalDate, n: number): LocalDate[] {
  return Array.from({ length: n }, (_, i) => addDays(end, i - (n - 1)));
}

function minutes(hours: number): number {
  return Math.round(hours * 60);
}

/** Mean of the non-null values, taken in whole minutes, in hours rounded to 0.1; null when none. */
function averageHours(values: readonly (number | null)[]): number | null {
  const mins = values.filter((v): v is number => v !== null).map(minutes);
  if (mins.length === 0) return null;
  const mean = mins.reduce((a, b) => a + b, 0) / mins.length;
  return Math.round(mean / 6) / 10;
}

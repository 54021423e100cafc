/**
 * Chart data for `/progress` and the weekly summary (issue 6). Pure: no I/O, no clock —
 * `today` is passed in, and the result is plain data that the renderer
 * (src/chart/progress-chart.ts) and the summary text both read.
 *
 * Conventions
 * - A night is keyed by the morning's local date (the check-in date), as everywhere else.
 * - The window is the `windowDays` calendar dates ending at `today` inclusive
 *   (today−(windowDays−1) … today), oldest first. It always ends at today, not at the latest
 *   night, so a run of missed mornings shows as missed rather than silently dropping off.
 *   Today without a check-in is `not-yet` (the morning may still come), not `missed`.
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
 *   about the count); the comparison with the phase only looks at the current attempt.
 */
import { isPreviousAttempt } from './attempts.js';
import { addDays, daysBetween, isLocalDate } from './dates.js';
import { phaseForDay } from './phase.js';
import type { LocalDate, NightRecord, PhaseId, UseStatus } from './types.js';

/** The two windows /progress offers. */
export type ProgressWindow = 14 | 30;

/** The fields of a stored night the chart reads; `StoredNight` and `NightRecord` fit. */
export type ProgressNight = Pick<NightRecord, 'date' | 'hours' | 'quality'>;

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

/**
 * How the current attempt's recent nights compare with what the phase usually brings:
 * - `better-than-typical` / `typical` / `harder-than-typical`: see `TYPICAL_HOURS`;
 * - `no-reference`: using, preparing or phase unknown — there is nothing to compare with;
 * - `not-enough-nights`: fewer than `PHASE_COMPARISON_MIN_NIGHTS` such nights.
 */
export type PhaseComparison =
  | 'better-than-typical'
  | 'typical'
  | 'harder-than-typical'
  | 'no-reference'
  | 'not-enough-nights';

export interface ProgressSummary {
  /** Logged nights in the window. */
  nightsLogged: number;
  /** today−6 … today. */
  thisWeek: WeekStats;
  /** today−13 … today−7. */
  previousWeek: WeekStats;
  /** thisWeek − previousWeek average, in hours (0.1); null unless both have nights. */
  weekChange: number | null;
  /** Most hours in the window; ties go to the better quality, then the more recent night. */
  bestNight: { date: LocalDate; hours: number; quality: number | null } | null;
  /** Today's phase and day (same rules as the days). */
  phase: PhaseId | null;
  day: number | null;
  phaseComparison: PhaseComparison;
  /** The typical range of today's phase, for the text ("usually 1–4 h"); null without one. */
  typicalHours: TypicalHours | null;
}

export interface ProgressData {
  windowDays: number;
  /** First and last date of the window (`to` is today). */
  from: LocalDate;
  to: LocalDate;
  /** One entry per date, oldest first; `days.length === windowDays`. */
  days: ProgressDay[];
  /** Phase bands in date order, covering every day with a phase. */
  bands: PhaseBand[];
  /** Relapse dates inside the window, oldest first, no duplicates. */
  relapses: LocalDate[];
  summary: ProgressSummary;
}

export interface TypicalHours {
  low: number;
  high: number;
}

/**
 * Hours of sleep a night usually brings in each withdrawal phase. The articles give the shape
 * (PRODUCT.md "Phases"), not numbers, so these ranges are a deliberately rough reading of them:
 * - onset (days 0–1): falling and staying asleep hard, early waking → 2–5 h;
 * - peak (2–5): several nights of very broken or absent sleep possible → 1–4 h;
 * - easing (6–10): slightly easier to fall asleep, total sleep still well reduced → 2.5–5 h;
 * - rebuilding (11–28): recovering but disrupted → 4–6 h;
 * - post-acute (29–56): gradual return toward baseline → 5–7 h;
 * - long-term (57+): near baseline for most → 6–8 h.
 * `using` and `preparing` have none: sleep then depends on doses, not on a withdrawal day.
 */
export const TYPICAL_HOURS: Readonly<Partial<Record<PhaseId, TypicalHours>>> = {
  onset: { low: 2, high: 5 },
  peak: { low: 1, high: 4 },
  easing: { low: 2.5, high: 5 },
  rebuilding: { low: 4, high: 6 },
  'post-acute': { low: 5, high: 7 },
  'long-term': { low: 6, high: 8 },
};

/** Logged nights (in the current attempt, last 7 dates) needed before comparing with the phase. */
export const PHASE_COMPARISON_MIN_NIGHTS = 3;

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
  const { today, windowDays } = input;
  const from = addDays(today, -(windowDays - 1));

  const byDate = new Map<LocalDate, ProgressNight>();
  for (const night of input.nights) {
    if (isLocalDate(night.date) && night.date <= today) byDate.set(night.date, night);
  }
  const hoursOn = (date: LocalDate): number | null => byDate.get(date)?.hours ?? null;

  const relapses = [...new Set(input.relapseDates.filter(isLocalDate))].sort();
  const latestRelapse = relapses.at(-1) ?? null;
  const phaseOn = phaseResolver(input, relapses);

  const days: ProgressDay[] = [];
  for (let i = 0; i < windowDays; i++) {
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
    });
  }

  return {
    windowDays,
    from,
    to: today,
    days,
    bands: phaseBands(days, phaseOn),
    relapses: relapses.filter((d) => d >= from && d <= today),
    summary: summarise(input, days, hoursOn, phaseOn, latestRelapse),
  };
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
  latestRelapse: LocalDate | null,
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
    if (d.hours === null) continue;
    const better =
      bestNight === null ||
      d.hours > bestNight.hours ||
      (d.hours === bestNight.hours && (d.quality ?? 0) >= (bestNight.quality ?? 0));
    if (better) bestNight = { date: d.date, hours: d.hours, quality: d.quality };
  }

  const { phase, day } = phaseOn(today);
  return {
    nightsLogged: days.filter((d) => d.state === 'logged').length,
    thisWeek,
    previousWeek,
    weekChange,
    bestNight,
    phase,
    day,
    phaseComparison: comparePhase(today, hoursOn, phaseOn, latestRelapse),
    typicalHours: (phase && TYPICAL_HOURS[phase]) ?? null,
  };
}

/**
 * Average hours of the logged nights among the last 7 dates that belong to the current attempt,
 * against the average of each night's own typical range (so a week that crosses from one phase
 * into the next is judged fairly): above the highs → better, below the lows → harder.
 */
function comparePhase(
  today: LocalDate,
  hoursOn: (date: LocalDate) => number | null,
  phaseOn: (date: LocalDate) => DatedPhase,
  latestRelapse: LocalDate | null,
): PhaseComparison {
  const todays = phaseOn(today).phase;
  if (todays === null || !TYPICAL_HOURS[todays]) return 'no-reference';

  let slept = 0;
  let low = 0;
  let high = 0;
  let n = 0;
  for (const date of datesEndingAt(today, 7)) {
    if (latestRelapse !== null && date <= latestRelapse) continue;
    const hours = hoursOn(date);
    const { phase } = phaseOn(date);
    const typical = phase ? TYPICAL_HOURS[phase] : undefined;
    if (hours === null || !typical) continue;
    slept += minutes(hours);
    low += minutes(typical.low);
    high += minutes(typical.high);
    n++;
  }
  if (n < PHASE_COMPARISON_MIN_NIGHTS) return 'not-enough-nights';
  if (slept > high) return 'better-than-typical';
  if (slept < low) return 'harder-than-typical';
  return 'typical';
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

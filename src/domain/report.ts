/**
 * The data of /report (issue 15), the one-page summary a user can show a prescriber. Pure: no
 * I/O, no clock — `today` is passed in — and nothing here is stored; the PDF is built from it on
 * request (src/report/).
 *
 * Conventions
 * - The range is the `windowDays` calendar dates ending at `today` inclusive, as /progress: a
 *   night is keyed by the morning's date, and missed mornings stay visible as rows.
 * - The chart data, today's day count and phase, the relapses in the range and the hours
 *   averages come from `buildProgress`, so the report and /progress never disagree.
 * - "This week" is today−6 … today, "last week" today−13 … today−7. Averages of quality,
 *   restlessness and anxiety are over the nights that have that answer, rounded to 0.1.
 * - Support signs are evaluated with `evaluateThresholds` as of each date in the range that has
 *   a finished check-in — the moment the bot would have shown the warning — over the whole
 *   history passed in (the rules ignore later nights), with that date's own day count.
 * - Callers should pass the nights from today−(windowDays+13) on, so the first dates' signs and
 *   averages see the two weeks before them.
 */
import { addDays, daysBetween } from './dates.js';
import { buildProgress, enoughForChart, type ProgressData, type ProgressInput } from './progress.js';
import { evaluateThresholds, THRESHOLD_IDS, type ThresholdId } from './thresholds.js';
import type { CheckinFlag, LocalDate, LocalTime, NightRecord, PhaseId, UseStatus } from './types.js';

/** The two ranges /report offers. */
export const REPORT_WINDOWS = [14, 28] as const;
export type ReportWindow = (typeof REPORT_WINDOWS)[number];

export function isReportWindow(n: number): n is ReportWindow {
  return (REPORT_WINDOWS as readonly number[]).includes(n);
}

export type PaperSize = 'LETTER' | 'A4';

/** Countries whose paper is US Letter; everyone else prints on A4. */
export const LETTER_COUNTRIES: readonly string[] = ['US', 'CA', 'MX'];

export function paperSizeFor(country: string): PaperSize {
  return LETTER_COUNTRIES.includes(country.toUpperCase()) ? 'LETTER' : 'A4';
}

/** A stored night as the report reads it. */
export interface ReportNight extends NightRecord {
  /** False for a check-in left unfinished (kept as a partial night). */
  complete: boolean;
  /** Local times the user reported being awake in that night ("03:05"), oldest first. */
  wakes: readonly LocalTime[];
}

export interface ReportInput extends Omit<ProgressInput, 'nights' | 'windowDays'> {
  nights: readonly ReportNight[];
  windowDays: ReportWindow;
}

/**
 * - `logged`: there is a record for the date (its answers may be partly missing);
 * - `missed`: a past date without one;
 * - `not-yet`: today, not checked in yet.
 */
export type ReportRowState = 'logged' | 'missed' | 'not-yet';

export interface ReportRow {
  date: LocalDate;
  state: ReportRowState;
  hours: number | null;
  quality: number | null;
  restlessness: number | null;
  anxiety: number | null;
  flags: CheckinFlag[];
  wakes: LocalTime[];
  /** Days since the day 0 in force on this date; null while using or preparing. */
  day: number | null;
  /** The user reported using again on this date (a new day 0). */
  relapse: boolean;
}

export interface WeekAverages {
  from: LocalDate;
  to: LocalDate;
  /** Nights with hours in these 7 dates (as /progress counts them). */
  nights: number;
  hours: number | null;
  quality: number | null;
  restlessness: number | null;
  anxiety: number | null;
}

export interface FiredSign {
  id: ThresholdId;
  /** Dates (in the range) whose check-in met the rule, oldest first. */
  dates: LocalDate[];
}

export interface ReportData {
  windowDays: ReportWindow;
  from: LocalDate;
  to: LocalDate;
  /** One per date of the range, oldest first. */
  rows: ReportRow[];
  /** Dates in the range with hours. */
  nightsLogged: number;
  /** Whether there is enough for a report (the same 3 nights /progress needs for a chart). */
  enough: boolean;
  status: UseStatus;
  /** Today's day count and phase. */
  day: number | null;
  phase: PhaseId | null;
  /** Relapse dates inside the range, oldest first. */
  relapses: LocalDate[];
  thisWeek: WeekAverages;
  lastWeek: WeekAverages;
  /** Signs that fired on at least one date of the range, in the thresholds table's order. */
  signs: FiredSign[];
  /** The /progress chart of the same range. */
  chart: ProgressData;
}

export function buildReport(input: ReportInput): ReportData {
  const { today, windowDays } = input;
  const chart = buildProgress({ ...input, nights: input.nights, windowDays });
  const byDate = new Map<LocalDate, ReportNight>();
  for (const night of input.nights) if (night.date <= today) byDate.set(night.date, night);

  const relapseSet = new Set(chart.relapses);
  const rows: ReportRow[] = chart.days.map((d) => {
    const night = byDate.get(d.date);
    return {
      date: d.date,
      state: night ? 'logged' : d.date === today ? 'not-yet' : 'missed',
      hours: night?.hours ?? null,
      quality: night?.quality ?? null,
      restlessness: night?.restlessness ?? null,
      anxiety: night?.anxiety ?? null,
      flags: night ? [...night.flags] : [],
      wakes: night ? [...night.wakes].sort() : [],
      day: d.day,
      relapse: relapseSet.has(d.date),
    };
  });

  const inRange = [...byDate.values()].filter((n) => n.date >= chart.from);
  return {
    windowDays,
    from: chart.from,
    to: today,
    rows,
    nightsLogged: chart.summary.nightsLogged,
    enough: enoughForChart(inRange),
    status: input.status,
    day: chart.summary.day,
    phase: chart.summary.phase,
    relapses: chart.relapses,
    thisWeek: weekAverages([...byDate.values()], chart.summary.thisWeek),
    lastWeek: weekAverages([...byDate.values()], chart.summary.previousWeek),
    signs: firedSigns([...byDate.values()], rows),
    chart,
  };
}

function weekAverages(
  nights: readonly ReportNight[],
  week: { from: LocalDate; to: LocalDate; nights: number; averageHours: number | null },
): WeekAverages {
  const inWeek = nights.filter((n) => n.date >= week.from && n.date <= week.to);
  const mean = (values: (number | null)[]): number | null => {
    const known = values.filter((v): v is number => v !== null);
    if (known.length === 0) return null;
    return Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) / 10;
  };
  return {
    from: week.from,
    to: week.to,
    nights: week.nights,
    hours: week.averageHours,
    quality: mean(inWeek.map((n) => n.quality)),
    restlessness: mean(inWeek.map((n) => n.restlessness)),
    anxiety: mean(inWeek.map((n) => n.anxiety)),
  };
}

function firedSigns(history: readonly ReportNight[], rows: readonly ReportRow[]): FiredSign[] {
  const completeOn = new Set(history.filter((n) => n.complete).map((n) => n.date));
  const datesBySign = new Map<ThresholdId, LocalDate[]>();
  for (const row of rows) {
    if (!completeOn.has(row.date)) continue;
    const result = evaluateThresholds({ history: [...history], today: row.date, day: row.day });
    for (const id of [...result.urgent, ...result.support]) {
      datesBySign.set(id, [...(datesBySign.get(id) ?? []), row.date]);
    }
  }
  return THRESHOLD_IDS.filter((id) => datesBySign.has(id)).map((id) => ({ id, dates: datesBySign.get(id)! }));
}

/** The first date the caller should read nights from (see "Callers should pass…"). */
export function reportHistoryStart(today: LocalDate, windowDays: ReportWindow): LocalDate {
  return addDays(today, -(windowDays + 13));
}

/** Dates grouped into runs of consecutive days, oldest first, so 14 dates in a row read as one range. */
export function dateRuns(dates: readonly LocalDate[]): { from: LocalDate; to: LocalDate }[] {
  const runs: { from: LocalDate; to: LocalDate }[] = [];
  for (const date of [...new Set(dates)].sort()) {
    const last = runs.at(-1);
    if (last && daysBetween(last.to, date) === 1) last.to = date;
    else runs.push({ from: date, to: date });
  }
  return runs;
}

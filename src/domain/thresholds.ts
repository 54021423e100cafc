/**
 * Support thresholds (PRODUCT.md "Support thresholds"), evaluated on the stored history
 * right after a check-in. Pure: `today` is passed in, nothing reads a clock.
 *
 * Conventions shared by every rule:
 * - Windows are counted in local calendar days back from `today`: "the last 4 days" is
 *   today−3 … today inclusive. Dates are compared as calendar days, so gaps in the history
 *   simply mean fewer nights in a window.
 * - Records dated after `today` are ignored (they cannot be "in the last N days").
 * - If the history holds more than one record for a date (it should not), the last one in
 *   the array wins.
 * - Averages and the improvement of `persistent` are computed in hundredths of an hour, the
 *   precision hours are stored with (parseHours keeps 2 decimals), with integer arithmetic,
 *   so nothing is rounded away and floating point never decides a boundary: 5.04, 5.04,
 *   4.92 and 5.00 h average exactly 5.00 h (not under 5), and 4.1 h − 3.6 h is exactly
 *   0.50 h, while in doubles it is 0.49999999999999956 h.
 */
import type { LocalDate, NightRecord } from './types.js';

export const THRESHOLD_IDS = [
  'no-sleep',
  'anxiety-rising',
  'unstable',
  'cant-function',
  'relapse-risk',
  'persistent',
] as const;
export type ThresholdId = (typeof THRESHOLD_IDS)[number];

/** Thresholds that call for a support warning. */
export const SUPPORT_THRESHOLDS: readonly ThresholdId[] = ['no-sleep', 'anxiety-rising', 'persistent'];
/** Thresholds that call for an urgent "please reach out today" warning. */
export const URGENT_THRESHOLDS: readonly ThresholdId[] = ['unstable', 'cant-function', 'relapse-risk'];

export interface ThresholdInput {
  /** Completed check-ins, any order, at most one per date, gaps allowed. */
  history: NightRecord[];
  /** Local date of the check-in just made. */
  today: LocalDate;
  /** Days since the last dose; null while using or preparing. */
  day: number | null;
}

export interface ThresholdResult {
  /** Support-level thresholds that hold, in table order. */
  support: ThresholdId[];
  /** Urgent thresholds that hold, in table order. */
  urgent: ThresholdId[];
}

/** Nights under this many hours count as "little or no sleep". */
export const NO_SLEEP_HOURS_BELOW = 3;
/** How many such nights, within the last 4 local days, make the sign. */
export const NO_SLEEP_MIN_NIGHTS = 3;
export const NO_SLEEP_WINDOW_DAYS = 4;

export const ANXIETY_WINDOW_DAYS = 5;
export const ANXIETY_RISING_LATEST_AT_LEAST = 6;
export const ANXIETY_LATEST_AT_LEAST = 9;

export const PERSISTENT_FROM_DAY = 14;
export const PERSISTENT_WINDOW_DAYS = 7;
export const PERSISTENT_MIN_NIGHTS = 4;
export const PERSISTENT_AVERAGE_BELOW_HOURS = 5;
export const PERSISTENT_IMPROVEMENT_HOURS = 0.5;

export function evaluateThresholds(input: ThresholdInput): ThresholdResult {
  const holds: Record<ThresholdId, boolean> = {
    'no-sleep': isNoSleep(input),
    'anxiety-rising': isAnxietyRising(input),
    unstable: isUnstable(input),
    'cant-function': isCantFunction(input),
    'relapse-risk': isRelapseRisk(input),
    persistent: isPersistent(input),
  };
  return {
    support: THRESHOLD_IDS.filter((id) => SUPPORT_THRESHOLDS.includes(id) && holds[id]),
    urgent: THRESHOLD_IDS.filter((id) => URGENT_THRESHOLDS.includes(id) && holds[id]),
  };
}

/** `no-sleep`: at least 3 nights dated today−3 … today recorded under 3 hours (3.0 is not under). */
export function isNoSleep(input: ThresholdInput): boolean {
  const short = inWindow(input, 0, NO_SLEEP_WINDOW_DAYS - 1).filter(
    ({ record }) => record.hours !== null && record.hours < NO_SLEEP_HOURS_BELOW,
  );
  return short.length >= NO_SLEEP_MIN_NIGHTS;
}

/**
 * `anxiety-rising`: either the check-in dated today has anxiety ≥ 9, or the last 3 check-ins
 * that have an anxiety value are all dated today−4 … today, strictly rise in date order and
 * the latest of them is ≥ 6.
 */
export function isAnxietyRising(input: ThresholdInput): boolean {
  const todays = recordFor(input, input.today);
  if (todays?.anxiety != null && todays.anxiety >= ANXIETY_LATEST_AT_LEAST) return true;

  const withAnxiety = inWindow(input, 0, Number.POSITIVE_INFINITY)
    .filter(({ record }) => record.anxiety !== null)
    .sort((a, b) => a.age - b.age); // newest first
  const last3 = withAnxiety.slice(0, 3);
  if (last3.length < 3) return false;
  if (last3.some(({ age }) => age > ANXIETY_WINDOW_DAYS - 1)) return false;
  const [latest, middle, earliest] = last3.map(({ record }) => record.anxiety as number) as [
    number,
    number,
    number,
  ];
  return earliest < middle && middle < latest && latest >= ANXIETY_RISING_LATEST_AT_LEAST;
}

/** `unstable`: flag "Mood feels unstable" on today's check-in. */
export function isUnstable(input: ThresholdInput): boolean {
  return todayHasFlag(input, 'unstable');
}

/** `cant-function`: flag "I can't function" on today's check-in. */
export function isCantFunction(input: ThresholdInput): boolean {
  return todayHasFlag(input, 'cant-function');
}

/** `relapse-risk`: flag "Strong urge to use" on today's check-in. */
export function isRelapseRisk(input: ThresholdInput): boolean {
  return todayHasFlag(input, 'urge');
}

/**
 * `persistent`: insomnia beyond 2 weeks without improvement.
 * - `day` ≥ 14 (never while using or preparing);
 * - at least 4 nights with hours recorded in today−6 … today, averaging under 5 h;
 * - and not at least 0.5 h better than the 7 days before (today−13 … today−7).
 *
 * Decision: the previous window only counts when it, too, holds at least 4 recorded nights.
 * An average of 1–3 nights is too thin to show improvement either way, so with fewer the
 * rule fires on the current window alone (the spec's "when those exist").
 */
export function isPersistent(input: ThresholdInput): boolean {
  if (input.day === null || input.day < PERSISTENT_FROM_DAY) return false;

  const current = recordedHundredths(inWindow(input, 0, PERSISTENT_WINDOW_DAYS - 1));
  if (current.length < PERSISTENT_MIN_NIGHTS) return false;
  const currentSum = sum(current);
  // average < 5 h  ⇔  sum < 500 hundredths × n
  if (currentSum >= PERSISTENT_AVERAGE_BELOW_HOURS * HUNDREDTHS * current.length) return false;

  const previous = recordedHundredths(inWindow(input, PERSISTENT_WINDOW_DAYS, 2 * PERSISTENT_WINDOW_DAYS - 1));
  if (previous.length < PERSISTENT_MIN_NIGHTS) return true;
  const previousSum = sum(previous);
  // currentSum/nc − previousSum/np ≥ 50  ⇔  currentSum·np − previousSum·nc ≥ 50·nc·np (integers)
  const improvedBy = currentSum * previous.length - previousSum * current.length;
  return improvedBy < PERSISTENT_IMPROVEMENT_HOURS * HUNDREDTHS * current.length * previous.length;
}

// ——— helpers ———

interface Aged {
  record: NightRecord;
  /** Whole local days between the record's date and today (0 = today). */
  age: number;
}

/** Records aged `from` … `to` days (inclusive), one per date, none from the future. */
function inWindow(input: ThresholdInput, from: number, to: number): Aged[] {
  const todayDay = dayNumber(input.today);
  if (Number.isNaN(todayDay)) return [];
  const byDate = new Map<LocalDate, NightRecord>();
  for (const record of input.history) byDate.set(record.date, record);
  const result: Aged[] = [];
  for (const record of byDate.values()) {
    const age = todayDay - dayNumber(record.date);
    if (age >= from && age <= to) result.push({ record, age });
  }
  return result;
}

function recordFor(input: ThresholdInput, date: LocalDate): NightRecord | undefined {
  let found: NightRecord | undefined;
  for (const record of input.history) if (record.date === date) found = record;
  return found;
}

function todayHasFlag(input: ThresholdInput, flag: NightRecord['flags'][number]): boolean {
  return recordFor(input, input.today)?.flags.includes(flag) ?? false;
}

/** Hours are stored to 0.01 h, so hundredths are exact integers. */
const HUNDREDTHS = 100;

function recordedHundredths(nights: readonly Aged[]): number[] {
  return nights.flatMap(({ record }) => (record.hours === null ? [] : [Math.round(record.hours * HUNDREDTHS)]));
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Days since 1970-01-01 for a valid `YYYY-MM-DD`, NaN otherwise. Pure calendar arithmetic. */
function dayNumber(date: LocalDate): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    return Number.NaN;
  }
  return ms / 86_400_000;
}

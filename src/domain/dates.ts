import { DateTime } from 'luxon';
import { isValidZone } from './timezone.js';
import type { LocalDate, LocalTime } from './types.js';

const LOCAL_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

export function isLocalDate(s: string): boolean {
  return LOCAL_DATE_SHAPE.test(s) && dayNumberOrNull(s) !== null;
}

const DAY_MS = 86_400_000;

/**
 * Calendar arithmetic is done on day numbers (days since 1970-01-01, in UTC) on purpose: a
 * LocalDate has no zone, and doing the sums in a DST zone could turn a 23-hour day into "0 days".
 * Plain integer sums rather than luxon objects: /progress and the Sunday summaries call these a
 * few hundred times per chart, and luxon made them the bulk of a broadcast's main-thread time.
 */
function dayNumberOrNull(date: string): number | null {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d); // (not Date.UTC, which reads years 0–99 as 1900–1999)
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? Math.round(t.getTime() / DAY_MS) : null;
}

function dayNumber(date: LocalDate): number {
  const n = LOCAL_DATE_SHAPE.test(date) ? dayNumberOrNull(date) : null;
  if (n === null) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return n;
}

function fromDayNumber(n: number): LocalDate {
  const t = new Date(n * DAY_MS);
  const y = t.getUTCFullYear();
  if (!(y >= 0 && y <= 9999)) throw new RangeError('Date out of the supported range (years 0000–9999)');
  const pad = (v: number, width: number) => String(v).padStart(width, '0');
  return `${pad(y, 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
}

function toLocalDate(dt: DateTime): LocalDate {
  const iso = dt.toISODate();
  if (iso === null || !LOCAL_DATE_SHAPE.test(iso)) {
    throw new RangeError('Date out of the supported range (years 0000–9999)');
  }
  return iso;
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return fromDayNumber(dayNumber(date) + Math.trunc(n));
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday: Monday 1 … Sunday 7 (1970-01-01 was a Thursday). */
export function isoWeekday(date: LocalDate): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * Throws on an unknown zone, or on "local"/"system" (the server's zone), rather than
 * silently computing in a zone other than the user's, which would shift their day.
 */
function inZone(instant: Date, zone: string): DateTime {
  const dt = DateTime.fromJSDate(instant, { zone });
  if (!isValidZone(zone) || !dt.isValid) throw new RangeError(`Invalid instant or time zone: ${zone}`);
  return dt;
}

export function localDateOf(instant: Date, zone: string): LocalDate {
  return toLocalDate(inZone(instant, zone));
}

export function localTimeOf(instant: Date, zone: string): LocalTime {
  return inZone(instant, zone).toFormat('HH:mm');
}

import { DateTime } from 'luxon';
import { isValidZone } from './timezone.js';
import type { LocalDate, LocalTime } from './types.js';

const LOCAL_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

export function isLocalDate(s: string): boolean {
  return LOCAL_DATE_SHAPE.test(s) && DateTime.fromISO(s, { zone: 'utc' }).isValid;
}

/**
 * Calendar arithmetic runs in UTC on purpose: a LocalDate has no zone, and doing the
 * sums in a DST zone could turn a 23-hour day into "0 days".
 */
function calendarDay(date: LocalDate): DateTime {
  if (!isLocalDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return DateTime.fromISO(date, { zone: 'utc' });
}

function toLocalDate(dt: DateTime): LocalDate {
  const iso = dt.toISODate();
  if (iso === null || !LOCAL_DATE_SHAPE.test(iso)) {
    throw new RangeError('Date out of the supported range (years 0000–9999)');
  }
  return iso;
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return toLocalDate(calendarDay(date).plus({ days: n }));
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(calendarDay(to).diff(calendarDay(from), 'days').days);
}

export function isoWeekday(date: LocalDate): number {
  return calendarDay(date).weekday;
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

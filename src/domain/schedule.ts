import { DateTime, type Zone } from 'luxon';
import { addDays, isLocalDate, localDateOf } from './dates.js';
import { isValidZone } from './timezone.js';
import type { LocalDate, LocalTime } from './types.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const LOCAL_TIME_SHAPE = /^([01]\d|2[0-3]):([0-5]\d)$/;

function zoneObject(zone: string): Zone {
  if (!isValidZone(zone)) throw new RangeError(`Invalid time zone: ${zone}`);
  return DateTime.fromMillis(0, { zone }).zone;
}

/** The wall-clock reading written as if it were UTC: the instant it names in a zone is this minus the offset. */
function wallClockMs(date: LocalDate, time: LocalTime): number {
  const t = LOCAL_TIME_SHAPE.exec(time);
  if (!isLocalDate(date) || !t) throw new RangeError(`Invalid local date/time: ${date} ${time}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(Number(t[1]), Number(t[2]), 0, 0);
  return d.getTime();
}

/** Smallest whole minute in (low, high] at which the zone's offset is already `offset`. */
function firstMinuteWithOffset(zone: Zone, low: number, high: number, offset: number): number {
  let lo = Math.floor(low / MINUTE_MS);
  let hi = Math.ceil(high / MINUTE_MS);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offset(mid * MINUTE_MS) === offset) hi = mid;
    else lo = mid;
  }
  return hi * MINUTE_MS;
}

/**
 * Computed by hand instead of through `DateTime.fromObject`, whose choice between the two
 * readings of a repeated wall time depends on the offset at the moment the code runs, and
 * which pushes a time in a spring-forward gap forward by the gap's length (02:30 → 03:30)
 * rather than to the end of the gap. Here: a repeated time gives its earlier instant, and a
 * skipped time gives the first minute after the gap (02:30 → 03:00), so a reminder set
 * inside the gap still fires that day, and as early as possible. Assumes at most one offset
 * change within a day either side, which holds for every real zone.
 */
export function occurrenceOn(date: LocalDate, time: LocalTime, zone: string): Date {
  const z = zoneObject(zone);
  const wall = wallClockMs(date, time);
  const before = z.offset(wall - DAY_MS);
  const after = z.offset(wall + DAY_MS);
  const readings = [...new Set([before, after, z.offset(wall)])]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((instant) => z.offset(instant) * MINUTE_MS === wall - instant)
    .sort((a, b) => a - b);
  const earliest = readings[0];
  if (earliest !== undefined) return new Date(earliest);
  // In a gap: the clock jumped from `before` to `after` somewhere in this window.
  return new Date(firstMinuteWithOffset(z, wall - after * MINUTE_MS, wall - before * MINUTE_MS, after));
}

/**
 * Walks local dates from the one `after` falls on, so the scheduler never skips "today"
 * and a time that repeats at fall-back fires once: its second reading is not an occurrence.
 */
export function nextOccurrence(time: LocalTime, zone: string, after: Date): Date {
  const firstDate = localDateOf(after, zone);
  for (let i = 0; i < 3; i++) {
    const candidate = occurrenceOn(addDays(firstDate, i), time, zone);
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  throw new RangeError(`No occurrence of ${time} in ${zone} within 3 days after ${after.toISOString()}`);
}

import { addDays, localDateOf, localTimeOf } from './dates.js';
import type { LocalDate, LocalTime } from './types.js';

/**
 * Where an instant falls in the user's own day, for the night companion and time-aware /tips.
 *
 * - `night`: between the wind-down time and the morning time, read on the local wall clock.
 *   The window may cross midnight (22:00 → 08:00) or not (01:00 → 08:00); start inclusive,
 *   end exclusive. Equal times make an empty window.
 * - `evening`: not night, and 17:00 or later — still "tonight" for /tips.
 * - `day`: everything else.
 *
 * DST-safe by construction: only wall-clock times are compared, never durations, so a 23- or
 * 25-hour day changes nothing (02:30 on a spring-forward day never happens; 01:30 on a fall-back
 * day happens twice, and both readings fall in the same window).
 */
export type PartOfDay = 'day' | 'evening' | 'night';

export interface NightPosition {
  localDate: LocalDate;
  localTime: LocalTime;
  part: PartOfDay;
  /**
   * The night a wake at this instant belongs to, named — as check-ins are — by the date of the
   * morning it ends on: before the morning time that is today, after it the coming night.
   */
  nightDate: LocalDate;
}

/** The hour from which a non-night time counts as evening ("For tonight" in /tips). */
export const EVENING_FROM: LocalTime = '17:00';

export function isInNightWindow(time: LocalTime, windDown: LocalTime, morning: LocalTime): boolean {
  if (windDown === morning) return false;
  if (windDown < morning) return time >= windDown && time < morning;
  return time >= windDown || time < morning;
}

export function nightPosition(now: Date, zone: string, windDown: LocalTime, morning: LocalTime): NightPosition {
  const localDate = localDateOf(now, zone);
  const localTime = localTimeOf(now, zone);
  const part: PartOfDay = isInNightWindow(localTime, windDown, morning) ? 'night' : localTime >= EVENING_FROM ? 'evening' : 'day';
  const nightDate = localTime < morning ? localDate : addDays(localDate, 1);
  return { localDate, localTime, part, nightDate };
}

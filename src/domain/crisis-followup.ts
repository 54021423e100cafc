import { localTimeOf } from './dates.js';
import { nextOccurrence } from './schedule.js';
import type { LocalTime } from './types.js';

/** "A few hours later": after "I'm safe for now", the bot checks in once, this long after. */
export const FOLLOW_UP_DELAY_MS = 3 * 60 * 60 * 1000;

export interface FollowUpTimes {
  /** The user's IANA zone; null before onboarding (then "night" cannot be known). */
  zone: string | null;
  morningTime: LocalTime;
  eveningTime: LocalTime;
}

/**
 * When the follow-up goes out: `FOLLOW_UP_DELAY_MS` after `now`, unless that falls in the
 * user's night — from their evening (wind-down) time to their morning time — in which case it
 * waits for their next morning time, so nobody is woken by it. Pure (the clock is an argument).
 */
export function followUpAt(now: Date, times: FollowUpTimes): Date {
  const candidate = new Date(now.getTime() + FOLLOW_UP_DELAY_MS);
  if (!times.zone) return candidate;
  const local = localTimeOf(candidate, times.zone);
  return isNight(local, times.eveningTime, times.morningTime) ? nextOccurrence(times.morningTime, times.zone, candidate) : candidate;
}

/** Whether a local time lies in [evening, morning), a range that usually wraps past midnight. */
export function isNight(local: LocalTime, evening: LocalTime, morning: LocalTime): boolean {
  if (evening === morning) return false;
  return evening < morning ? local >= evening && local < morning : local >= evening || local < morning;
}

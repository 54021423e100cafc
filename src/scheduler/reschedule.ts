import { nextOccurrence } from '../domain/schedule.js';
import { isValidZone } from '../domain/timezone.js';
import type { ScheduleStore } from '../storage/schedules.js';
import type { UserStore } from '../storage/users.js';

export interface RescheduleDeps {
  users: Pick<UserStore, 'get'>;
  schedules: Pick<ScheduleStore, 'set' | 'remove' | 'removeAll'>;
}

/**
 * Recomputes when the user's morning prompt and evening wind-down are next due, from their local
 * times and time zone (DST-safe, see `nextOccurrence`). Call it whenever any of those change —
 * onboarding finishing, a new time or zone in settings, a reminder turned on or off — and the
 * change takes effect at once. Kinds that are off, and users not set up (or gone), get no rows.
 *
 * Moving a time later on the same day cannot cause a second prompt that day: the delivery ledger
 * is keyed by local date, so the second occurrence finds the day already handled.
 */
export function rescheduleUser(deps: RescheduleDeps, userId: number, now: Date): void {
  const profile = deps.users.get(userId);
  if (!profile || !profile.onboardedAt || !profile.timeZone || !isValidZone(profile.timeZone)) {
    deps.schedules.removeAll(userId);
    return;
  }
  const zone = profile.timeZone;
  if (profile.morningEnabled) {
    deps.schedules.set(userId, 'morning', nextOccurrence(profile.morningTime, zone, now));
  } else {
    deps.schedules.remove(userId, 'morning');
    deps.schedules.remove(userId, 'snooze');
  }
  if (profile.eveningEnabled) {
    deps.schedules.set(userId, 'evening', nextOccurrence(profile.eveningTime, zone, now));
  } else {
    deps.schedules.remove(userId, 'evening');
  }
}


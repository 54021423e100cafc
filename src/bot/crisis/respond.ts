import { DEFAULT_COUNTRY } from '../../content/resources.js';
import { followUpAt, FOLLOW_UP_DELAY_MS } from '../../domain/crisis-followup.js';
import { isValidZone } from '../../domain/timezone.js';
import { metrics } from '../../ops/metrics.js';
import type { CrisisEventLevel, CrisisEventSource } from '../../storage/crisis-events.js';
import type { Deps } from '../deps.js';
import type { FollowUpWhen } from '../messages/crisis.js';

/**
 * What the crisis path writes, in one place: that a response was shown (the event and the
 * metric — never the text), and the one follow-up after `I'm safe for now`.
 */

/** The country whose lines the user sees; before a profile exists, the default. */
export function countryOf(deps: Pick<Deps, 'users'>, userId: number): string {
  return deps.users.get(userId)?.country ?? DEFAULT_COUNTRY;
}

/** Call once per response actually shown. Inside a conversation, call it through `conversation.external`. */
export function recordResponse(
  deps: Pick<Deps, 'crisisEvents'>,
  userId: number,
  level: CrisisEventLevel,
  source: CrisisEventSource,
  now: Date,
): void {
  deps.crisisEvents.record(userId, { at: now, level, source });
  metrics.crisisResponses.inc({ level, source });
}

/**
 * Schedules the one follow-up a few hours from now (at the morning time if that falls in the
 * user's night) through the reminder scheduler's `followup` row, which the delivery ledger sends
 * at most once. A newer "safe" moves the pending one rather than adding a second. Someone who has
 * not consented to storage gets no follow-up (nothing may be stored about them).
 */
export function scheduleFollowUp(deps: Pick<Deps, 'users' | 'schedules'>, userId: number, now: Date): FollowUpWhen {
  const profile = deps.users.get(userId);
  if (!profile) return 'none';
  const zone = profile.timeZone && isValidZone(profile.timeZone) ? profile.timeZone : null;
  const at = followUpAt(now, { zone, morningTime: profile.morningTime, eveningTime: profile.eveningTime });
  deps.schedules.set(userId, 'followup', at);
  return at.getTime() - now.getTime() > FOLLOW_UP_DELAY_MS ? 'morning' : 'later';
}

import { addDays, localDateOf, localTimeOf } from './dates.js';
import type { LocalDate } from './types.js';

/**
 * The reminders the bot sends on its own: the morning check-in prompt, the one extra prompt an
 * hour later that a user can ask for ("snooze"), the evening wind-down, and the one message a
 * few hours after someone in crisis said they were safe for now ("followup", see crisis-followup.ts).
 */
export const REMINDER_KINDS = ['morning', 'snooze', 'evening', 'followup'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A reminder found late (the bot was down) is still sent within this long after its time. */
export const LATE_LIMIT_MS = 2 * 60 * 60 * 1000;

/** The extra prompt behind "Remind me in 1 hour". */
export const SNOOZE_DELAY_MS = 60 * 60 * 1000;

/** More than 2 hours after its time, a reminder is recorded as missed instead of being sent. */
export function isTooLate(dueAt: Date, now: Date): boolean {
  return now.getTime() - dueAt.getTime() > LATE_LIMIT_MS;
}

/**
 * The local date a reminder belongs to, the key of "once per day". A morning prompt belongs to
 * the morning's date (the date its check-in is stored under). An evening wind-down belongs to
 * the evening it starts: one set for 00:30 is still "tonight" of the day before, so a wind-down
 * moved from 22:00 to 00:30 after 22:00 has fired does not fire a second time that night.
 */
export function reminderDate(kind: ReminderKind, dueAt: Date, zone: string): LocalDate {
  const date = localDateOf(dueAt, zone);
  if (kind === 'evening' && localTimeOf(dueAt, zone) < '12:00') return addDays(date, -1);
  return date;
}

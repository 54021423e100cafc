/**
 * Shared vocabulary of the pure core. Nothing here imports grammY, SQLite or reads a clock:
 * every "now" or "today" is passed in by the caller.
 */

/** A calendar date in the user's own time zone, as `YYYY-MM-DD`. */
export type LocalDate = string;

/** A wall-clock time of day, as zero-padded `HH:MM` (24 h). */
export type LocalTime = string;

/** Where the user stands with kratom, chosen at onboarding. */
export type UseStatus = 'stopped' | 'planning' | 'using';

export const PHASE_IDS = [
  'using',
  'preparing',
  'onset',
  'peak',
  'easing',
  'rebuilding',
  'post-acute',
  'long-term',
] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

/** The flags of check-in question 5. */
export const CHECKIN_FLAGS = ['cant-function', 'unstable', 'urge', 'self-harm'] as const;
export type CheckinFlag = (typeof CHECKIN_FLAGS)[number];

/** One night's answers as stored. Any answer may still be missing in a partial check-in. */
export interface NightAnswers {
  /** Hours slept, 0–16, half-hour precision at most. */
  hours: number | null;
  /** 1 very poor … 5 very good. */
  quality: number | null;
  /** 0 none … 3 severe. */
  restlessness: number | null;
  /** 0–10. */
  anxiety: number | null;
  flags: CheckinFlag[];
}

/** A completed check-in, dated by the morning's local date. */
export interface NightRecord extends NightAnswers {
  date: LocalDate;
}

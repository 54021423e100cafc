import type { PartOfDay } from './night-window.js';

/**
 * The night companion's vocabulary. Words live in `locales/<lang>/night.ftl`; every fact comes
 * from the two source articles (see the comments there).
 */

/** The four buttons, in the order they are shown. Stored by these ids on the wake's record. */
export const NIGHT_STEPS = ['body', 'mind', 'urge', 'talk'] as const;
export type NightStep = (typeof NIGHT_STEPS)[number];

export const isNightStep = (value: string): value is NightStep => (NIGHT_STEPS as readonly string[]).includes(value);

/** How the companion was opened (also the metric's label). */
export type WakeTrigger = 'command' | 'button' | 'text';

/**
 * Several messages in a row at 03:05 and 03:10 are one wake, not three: a new opening within
 * this long of the last one on the same night adds to that wake. Later ones are a new wake.
 */
export const SAME_WAKE_MS = 30 * 60 * 1000;

/** Adds a step to the steps already tapped on a wake, once, keeping the first-tap order. */
export function withStep(steps: readonly NightStep[], step: NightStep): NightStep[] {
  return steps.includes(step) ? [...steps] : [...steps, step];
}

/** "03:05" → "3:05", as people say it. */
export function spokenTime(localTime: string): string {
  return localTime.replace(/^0(\d)/, '$1');
}

/**
 * Tips that do not fit the hour. By night (after wind-down) nothing that belongs to the day or to
 * the hour before sleep: no daytime movement or exercise, no calls to arrange, no melatonin
 * (a timing signal taken about an hour before intended sleep) and no antihistamine bridge
 * (an evening decision, checked with a pharmacist beforehand). In the evening, no daytime
 * exercise or movement either.
 */
const UNFIT: Record<PartOfDay, readonly string[]> = {
  day: [],
  evening: ['daytime-movement', 'exercise-timing'],
  night: ['daytime-movement', 'exercise-timing', 'prescriber', 'work-flexibility', 'melatonin-low-dose', 'antihistamine-bridge', 'simple-routine'],
};

export function tipFitsHour(tipId: string, part: PartOfDay): boolean {
  return !UNFIT[part].includes(tipId);
}

export function unfitTips(part: PartOfDay): readonly string[] {
  return UNFIT[part];
}

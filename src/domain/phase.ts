import { daysBetween } from './dates.js';
import type { LocalDate, PhaseId, UseStatus } from './types.js';

/** Last day (inclusive) of each withdrawal phase, counted from day 0 = the date of the last dose. */
const PHASE_ENDS: ReadonlyArray<readonly [lastDay: number, phase: PhaseId]> = [
  [1, 'onset'],
  [5, 'peak'],
  [10, 'easing'],
  [28, 'rebuilding'],
  [56, 'post-acute'],
];

export function phaseForDay(day: number): PhaseId {
  for (const [lastDay, phase] of PHASE_ENDS) {
    if (day <= lastDay) return phase;
  }
  return 'long-term';
}

export interface UserPhaseState {
  status: UseStatus;
  lastDoseDate: LocalDate | null;
  quitDate: LocalDate | null;
}

export interface PhaseInfo {
  phase: PhaseId;
  /** Days since `effectiveLastDose`; null while not (yet) in withdrawal. */
  day: number | null;
  /** Only for `preparing`: days from today to the quit date, always ≥ 1. */
  daysUntilQuit: number | null;
  /** The date counted as day 0, which may be a reached quit date rather than a recorded last dose. */
  effectiveLastDose: LocalDate | null;
}

const USING: PhaseInfo = { phase: 'using', day: null, daysUntilQuit: null, effectiveLastDose: null };

function withdrawalFrom(dayZero: LocalDate, today: LocalDate): PhaseInfo {
  // A day-0 in the future is bad data; clamping to today keeps day === daysBetween(effectiveLastDose, today).
  const day = daysBetween(dayZero, today);
  if (day < 0) return { phase: 'onset', day: 0, daysUntilQuit: null, effectiveLastDose: today };
  return { phase: phaseForDay(day), day, daysUntilQuit: null, effectiveLastDose: dayZero };
}

/**
 * Planning users are never asked again once their quit date arrives: they move into onset
 * on their own, with the quit date as day 0. A planning user without a quit date falls in
 * the `using` row of the phase table ("no quit date"). A stopped user without a last-dose
 * date (onboarding not finished) gets `onset` with an unknown day rather than a made-up count.
 */
export function currentPhase(state: UserPhaseState, today: LocalDate): PhaseInfo {
  switch (state.status) {
    case 'using':
      return USING;
    case 'planning': {
      if (state.quitDate === null) return USING;
      const daysUntilQuit = daysBetween(today, state.quitDate);
      if (daysUntilQuit > 0) {
        return { phase: 'preparing', day: null, daysUntilQuit, effectiveLastDose: null };
      }
      return withdrawalFrom(state.quitDate, today);
    }
    case 'stopped':
      if (state.lastDoseDate === null) {
        return { phase: 'onset', day: null, daysUntilQuit: null, effectiveLastDose: null };
      }
      return withdrawalFrom(state.lastDoseDate, today);
  }
}

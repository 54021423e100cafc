import type { LocalDate } from './types.js';

/**
 * After a relapse the day count restarts from the new last-dose date. A night dated on or before
 * the latest relapse date belongs to a previous attempt: its morning came before (or on) the
 * day of that dose, so it describes the attempt that ended there.
 */
export function isPreviousAttempt(nightDate: LocalDate, relapseDates: readonly LocalDate[]): boolean {
  const latest = latestRelapse(relapseDates);
  return latest !== null && nightDate <= latest;
}

export function latestRelapse(relapseDates: readonly LocalDate[]): LocalDate | null {
  return relapseDates.reduce<LocalDate | null>((latest, date) => (latest === null || date > latest ? date : latest), null);
}

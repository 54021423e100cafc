import type { LocalDate } from '../../domain/types.js';

/** What a message may be given: text, a number (formatted for the language), or a date. */
export type TranslateValue = string | number | Date;

/**
 * A translation function bound to one language. Message builders take one of these instead of
 * a grammY context, so the scheduler (which has no update) builds the same messages.
 */
export type Translate = (key: string, vars?: Record<string, TranslateValue>) => string;

/**
 * A calendar date as a message value, for `{ DATETIME($date, dateStyle: "long") }` in the
 * locale files: "November 19, 2026", "19 de noviembre de 2026". Intl formats in the host's
 * zone, so the date is built at noon in that zone: the same calendar day whatever it is.
 */
export function dateValue(date: LocalDate): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const value = new Date(2000, 0, 1, 12);
  value.setFullYear(year, month - 1, day);
  return value;
}

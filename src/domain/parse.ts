import { DateTime } from 'luxon';
import { addDays, daysBetween, isLocalDate } from './dates.js';
import { foldText } from './fold.js';
import type { LocalDate, LocalTime } from './types.js';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: 'format' | 'range' };

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const FORMAT = { ok: false, error: 'format' } as const;
const RANGE = { ok: false, error: 'range' } as const;

/** A leading minus is split off so "-1" is refused as out of range (the user meant a number) rather than as gibberish. */
function splitSign(s: string): { negative: boolean; rest: string } {
  return s.startsWith('-') ? { negative: true, rest: s.slice(1).trim() } : { negative: false, rest: s };
}

const MAX_HOURS = 16;
const NUMBER = String.raw`\d+(?:\.\d+)?|\.\d+`;
const HOUR_UNIT = String.raw`(?:h|hs|hr|hrs|hour|hours|hora|horas)`;
const MINUTE_UNIT = String.raw`(?:m|min|mins|minute|minutes|minuto|minutos)`;
const AND_A_HALF = String.raw`(?:and a half|and half|y media|y medio)`;

const HOURS_PLUS = new RegExp(`^(${NUMBER})\\s*\\+$`);
const HOURS_DECIMAL = new RegExp(`^(${NUMBER})$`);
const HOURS_CLOCK = /^(\d+):(\d{2})$/;
const HOURS_WITH_UNIT = new RegExp(
  `^(${NUMBER})\\s*${HOUR_UNIT}(?:\\s*(?:and|y)?\\s*(\\d{1,2})\\s*${MINUTE_UNIT}?)?$`,
);
const HOURS_AND_A_HALF = new RegExp(`^(\\d+)\\s*${HOUR_UNIT}?\\s*${AND_A_HALF}\\s*${HOUR_UNIT}?$`);
/** Minutes alone need a spelled-out unit: a bare "4m" is more likely a slip for hours than four minutes. */
const MINUTES_ONLY = /^(\d+)\s*(?:min|mins|minute|minutes|minuto|minutos)$/;
const HALF_AN_HOUR = /^(?:half an hour|media hora)$/;
const ROUGHLY = /^(?:~|about |around |approx\.? |unas |como |casi )\s*/;

function hoursAndMinutes(hours: string, minutes: string | undefined): number | 'format' | 'range' {
  if (minutes === undefined) return Number(hours);
  if (hours.includes('.')) return 'format';
  const m = Number(minutes);
  return m >= 60 ? 'range' : Number(hours) + m / 60;
}

function unsignedHours(s: string): number | 'format' | 'range' {
  let m: RegExpExecArray | null;
  if ((m = HOURS_PLUS.exec(s)) || (m = HOURS_DECIMAL.exec(s))) return Number(m[1]);
  if ((m = HOURS_CLOCK.exec(s))) return hoursAndMinutes(m[1]!, m[2]!);
  if ((m = HOURS_WITH_UNIT.exec(s))) return hoursAndMinutes(m[1]!, m[2]);
  if ((m = HOURS_AND_A_HALF.exec(s))) return Number(m[1]) + 0.5;
  if ((m = MINUTES_ONLY.exec(s))) return Number(m[1]) / 60;
  if (HALF_AN_HOUR.test(s)) return 0.5;
  return 'format';
}

/**
 * Hours slept, 0–16, to 2 decimals. Accepts decimals with "." or ",", "H:MM", hours with a
 * unit and optional minutes ("4h30", "4 h 30", "4 horas y 30 minutos"), "and a half" /
 * "y media", minutes alone with a spelled unit ("90 min"), the button's "9+" (stored as 9),
 * and a leading "~"/"about"/"unas". Minutes must be under 60.
 */
export function parseHours(text: string): ParseResult<number> {
  const { negative, rest } = splitSign(foldText(text).replace(/(\d),(\d)/g, '$1.$2'));
  const value = unsignedHours(rest.replace(ROUGHLY, ''));
  if (value === 'format' || value === 'range') return { ok: false, error: value };
  if (negative && value > 0) return RANGE;
  if (value > MAX_HOURS) return RANGE;
  return ok(Math.round(value * 100) / 100);
}

/** Anxiety 0–10 as a whole number; "7/10" is accepted because people write scores that way. */
export function parseAnxiety(text: string): ParseResult<number> {
  const { negative, rest } = splitSign(foldText(text));
  const m = /^(\d+)(?:\s*\/\s*10)?$/.exec(rest);
  if (!m) return FORMAT;
  const value = Number(m[1]);
  if ((negative && value > 0) || value > 10) return RANGE;
  return ok(value);
}

const NAMED_TIMES: Readonly<Record<string, LocalTime>> = {
  noon: '12:00',
  midday: '12:00',
  mediodia: '12:00',
  midnight: '00:00',
  medianoche: '00:00',
};
const CLOCK_TIME = /^(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*h?\s*(am|pm)?$/;
const MILITARY_TIME = /^(\d{1,2})(\d{2})\s*(am|pm)?$/;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Spanish speakers say the part of the day instead of am/pm: "7 de la tarde" (19:00),
 * "6:30 de la mañana", "3 de la madrugada". "De la noche" is pm, except 12, which is midnight.
 */
function spanishDayPart(s: string): string {
  const m = /^(.*\S)\s+de la (manana|madrugada|tarde|noche)$/.exec(s);
  if (!m) return s;
  const clock = m[1]!;
  if (m[2] === 'manana' || m[2] === 'madrugada') return `${clock}am`;
  if (m[2] === 'noche' && /^12(?:\D|$)/.test(clock)) return `${clock}am`;
  return `${clock}pm`;
}

/**
 * A wall-clock time as `HH:MM`. Accepts "7", "7:30", "7.30", "19h30", "7pm", "7.30 p.m.",
 * "noon"/"medianoche", Spanish parts of the day ("7 de la tarde"), and three or four bare
 * digits as HHMM ("730", "0730", "1930"), the way times are written on 24-hour clocks.
 * With am/pm (or a part of the day) the hour must be 1–12.
 */
export function parseLocalTime(text: string): ParseResult<LocalTime> {
  const s = spanishDayPart(foldText(text).replace(/([ap])\.?\s*m\.?$/, '$1m'));
  const named = NAMED_TIMES[s];
  if (named !== undefined) return ok(named);
  const m = CLOCK_TIME.exec(s) ?? MILITARY_TIME.exec(s);
  if (!m) return FORMAT;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const meridiem = m[3];
  if (minute > 59) return RANGE;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return RANGE;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (hour > 23) {
    return RANGE;
  }
  return ok(`${pad2(hour)}:${pad2(minute)}`);
}

const DAY_OFFSETS: Readonly<Record<string, number>> = {
  today: 0,
  hoy: 0,
  'this morning': 0,
  'esta manana': 0,
  tonight: 0,
  'esta noche': 0,
  yesterday: -1,
  ayer: -1,
  'last night': -1,
  anoche: -1,
  'day before yesterday': -2,
  'the day before yesterday': -2,
  anteayer: -2,
  antier: -2,
  'antes de ayer': -2,
  'antes de anoche': -2,
  tomorrow: 1,
  manana: 1,
  'day after tomorrow': 2,
  'the day after tomorrow': 2,
  'pasado manana': 2,
};

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, un: 1, una: 1, uno: 1,
  two: 2, dos: 2, three: 3, tres: 3, four: 4, cuatro: 4, five: 5, cinco: 5,
  six: 6, seis: 6, seven: 7, siete: 7, eight: 8, ocho: 8, nine: 9, nueve: 9, ten: 10, diez: 10,
};

const AMOUNT = String.raw`(\d+|[a-z]+)`;
const UNIT = String.raw`(days?|dias?|weeks?|semanas?|months?|mes|meses)`;
const PAST = [new RegExp(`^${AMOUNT} ?${UNIT} ago$`), new RegExp(`^hace ${AMOUNT} ?${UNIT}$`)];
const FUTURE = [new RegExp(`^in ${AMOUNT} ?${UNIT}$`), new RegExp(`^(?:en|dentro de) ${AMOUNT} ?${UNIT}$`)];

const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;

function calendarDate(year: string, month: string, day: string): ParseResult<LocalDate> {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isLocalDate(iso) ? ok(iso) : FORMAT;
}

/** Months are calendar months (Luxon clamps 31 March − 1 month to the end of February). */
function shift(today: LocalDate, amount: number, unit: string): ParseResult<LocalDate> {
  try {
    if (unit.startsWith('mes') || unit.startsWith('month')) {
      const iso = DateTime.fromISO(today, { zone: 'utc' }).plus({ months: amount }).toISODate();
      return iso !== null && isLocalDate(iso) ? ok(iso) : RANGE;
    }
    const perUnit = unit.startsWith('week') || unit.startsWith('semana') ? 7 : 1;
    return ok(addDays(today, amount * perUnit));
  } catch {
    return RANGE;
  }
}

function relative(s: string, today: LocalDate): ParseResult<LocalDate> | null {
  for (const [patterns, sign] of [[PAST, -1], [FUTURE, 1]] as const) {
    for (const pattern of patterns) {
      const m = pattern.exec(s);
      if (!m) continue;
      const amount = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!];
      if (amount === undefined) return FORMAT;
      return shift(today, sign * amount, m[2]!);
    }
  }
  return null;
}

/**
 * A calendar date typed in English or Spanish. Numeric dates are year-first ("2026-11-19",
 * "2026/11/19") or day-first ("19.11.2026", "19/11/2026", "19-11-2026"), never month-first:
 * Spanish speakers write dates day-first, and guessing between the two readings would
 * silently misdate days 1–12. So a US-style "11/19/2026" is refused as 'format', while
 * "11/05/2026" is read as 11 May (callers should echo the date back). Relative forms: today/yesterday/tomorrow (and day before
 * yesterday / after tomorrow, last night, this morning), "N days|weeks|months ago",
 * "in N …", "hace N …", "en N …"/"dentro de N …", with N as digits or a word up to ten.
 * 'range' only when the result falls outside years 0000–9999; whether a date is sensible
 * for a question is for checkLastDoseDate / checkQuitDate.
 */
export function parseDateInput(text: string, today: LocalDate): ParseResult<LocalDate> {
  const s = foldText(text);
  const offset = DAY_OFFSETS[s];
  if (offset !== undefined) return shift(today, offset, 'days');
  let m: RegExpExecArray | null;
  if ((m = YEAR_FIRST.exec(s))) return calendarDate(m[1]!, m[3]!, m[4]!);
  if ((m = DAY_FIRST.exec(s))) return calendarDate(m[4]!, m[3]!, m[1]!);
  return relative(s, today) ?? FORMAT;
}

const MAX_DAYS_SINCE_LAST_DOSE = 730;
const MAX_DAYS_UNTIL_QUIT = 365;

/** Two years back is far past every phase in the table, so an older date is almost surely a typo. */
export function checkLastDoseDate(date: LocalDate, today: LocalDate): 'ok' | 'future' | 'too-old' {
  const ago = daysBetween(date, today);
  if (ago < 0) return 'future';
  return ago > MAX_DAYS_SINCE_LAST_DOSE ? 'too-old' : 'ok';
}

export function checkQuitDate(date: LocalDate, today: LocalDate): 'ok' | 'past' | 'too-far' {
  const ahead = daysBetween(today, date);
  if (ahead < 0) return 'past';
  return ahead > MAX_DAYS_UNTIL_QUIT ? 'too-far' : 'ok';
}

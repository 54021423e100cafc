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
const HALF_AN_HOUR = /^(?:half an hour|half hour|a half hour|media hora)$/;
/** Hedges people put in front of a number ("maybe an hour", "unas 4"); the number is what counts. */
const ROUGHLY = /^(?:(?:~|about|around|approx\.?|approximately|roughly|maybe|perhaps|probably|like|only|just|unas|unos|como|casi|quizas|quiza|tal vez|mas o menos|solo|apenas)\s*)+/;
/** "No sleep at all" in words: stored as 0 hours. */
const NO_SLEEP = /^(?:0|none|zero|nothing|nada|cero|ninguna|no sleep|not at all|no sleep at all|didn'?t sleep|did not sleep|nada de nada|no dormi|no he dormido|ni una hora|ni un minuto|not a minute)$/;
/** Spelled-out hour counts before a unit ("an hour", "una hora", "two hours", "dos horas y media"). */
const HOUR_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, un: 1, una: 1, uno: 1,
  two: 2, dos: 2, three: 3, tres: 3, four: 4, cuatro: 4, five: 5, cinco: 5, six: 6, seis: 6,
  seven: 7, siete: 7, eight: 8, ocho: 8, nine: 9, nueve: 9, ten: 10, diez: 10,
  eleven: 11, once: 11, twelve: 12, doce: 12,
};
const HOUR_WORD = new RegExp(`^(${Object.keys(HOUR_WORDS).join('|')})(?=\\s*(?:${HOUR_UNIT})\\b)`);

/** "an hour and a half" → "1 hour and a half": number words become digits before a unit. */
function digitsForWords(s: string): string {
  return s.replace(HOUR_WORD, (word) => String(HOUR_WORDS[word]));
}

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
  const { negative, rest } = splitSign(foldText(text).replace(/(\d),(\d)/g, '$1.$2').replace(/[.!]+$/, ''));
  const plain = rest.replace(ROUGHLY, '').trim();
  if (NO_SLEEP.test(plain)) return ok(0);
  const value = unsignedHours(digitsForWords(plain));
  if (value === 'format' || value === 'range') return { ok: false, error: value };
  if (negative && value > 0) return RANGE;
  if (value > MAX_HOURS) return RANGE;
  return ok(Math.round(value * 100) / 100);
}

// ——— answers in words: sleep quality and restlessness ———

/** Words that only make what follows stronger ("really bad", "muy mal"). */
const INTENSIFIER = /^(?:very|really|so|super|extremely|incredibly|truly|muy|re|super|bien)\s+/;

/**
 * Sleep quality 1 (very poor) … 5 (very good), typed in English or Spanish. A word that
 * already means the extreme ("terrible", "fatal", "great") is that extreme; "very"/"muy" in
 * front of a middle word moves it one step out ("very bad" → 1, "muy bien" → 5).
 */
const QUALITY_WORDS: Readonly<Record<string, number>> = {
  // 1 — very poor
  terrible: 1, awful: 1, horrible: 1, horrendous: 1, dreadful: 1, fatal: 1, pesima: 1, pesimo: 1,
  malisima: 1, malisimo: 1, 'the worst': 1, worst: 1, 'muy mal': 1, 'muy mala': 1, 'fatal fatal': 1,
  // 2 — poor
  poor: 2, bad: 2, 'not good': 2, 'not great': 2, rough: 2, mal: 2, mala: 2, malo: 2, 'no muy bien': 2, 'no muy buena': 2,
  // 3 — fair
  fair: 3, ok: 3, okay: 3, 'so so': 3, 'so-so': 3, meh: 3, average: 3, 'not bad': 3, regular: 3, normal: 3,
  'asi asi': 3, 'mas o menos': 3, 'ni bien ni mal': 3, 'no tan mal': 3,
  // 4 — good
  good: 4, fine: 4, decent: 4, 'pretty good': 4, bien: 4, buena: 4, bueno: 4, 'bastante bien': 4,
  // 5 — very good
  great: 5, excellent: 5, amazing: 5, wonderful: 5, perfect: 5, 'muy bien': 5, 'muy buena': 5, genial: 5,
  excelente: 5, estupenda: 5, perfecta: 5, buenisima: 5,
};

/**
 * Restlessness 0 (none) … 3 (severe), typed in English or Spanish. "restless"/"inquieta" after
 * the amount is ignored ("a little restless", "muy inquieta").
 */
const RESTLESS_WORDS: Readonly<Record<string, number>> = {
  // 0 — none
  none: 0, no: 0, 'not at all': 0, 'not really': 0, calm: 0, nada: 0, 'para nada': 0, 'nada de nada': 0, ninguna: 0, tranquila: 0, tranquilo: 0,
  // 1 — mild
  mild: 1, 'a little': 1, 'a bit': 1, 'a little bit': 1, slightly: 1, slight: 1, 'not much': 1, leve: 1, poco: 1, 'un poco': 1, algo: 1, 'no mucho': 1,
  // 2 — moderate
  moderate: 2, moderately: 2, quite: 2, 'quite a bit': 2, fairly: 2, somewhat: 2, medium: 2, moderada: 2, bastante: 2, regular: 2,
  // 3 — severe
  severe: 3, 'a lot': 3, lots: 3, very: 3, really: 3, extremely: 3, terrible: 3, awful: 3, mucho: 3, muchisimo: 3, fuerte: 3, muy: 3,
  horrible: 3, fatal: 3,
};

function wordAnswer(table: Readonly<Record<string, number>>, text: string, trailing: RegExp, min: number, max: number): ParseResult<number> {
  let s = foldText(text).replace(/[.!]+$/, '').trim();
  const digit = /^(\d+)$/.exec(s);
  if (digit) {
    const value = Number(digit[1]);
    return value >= min && value <= max ? ok(value) : RANGE;
  }
  s = s.replace(trailing, '').trim();
  if (s in table) return ok(table[s]!);
  // "very bad", "really restless", "muy mal": one step further out than the word alone.
  const m = INTENSIFIER.exec(s);
  if (m) {
    const rest = s.slice(m[0].length).trim();
    if (rest === '' && table === RESTLESS_WORDS) return ok(max);
    if (rest in table) {
      const value = table[rest]!;
      const middle = (min + max) / 2;
      return ok(value < middle ? Math.max(min, value - 1) : value > middle ? Math.min(max, value + 1) : value);
    }
  }
  return FORMAT;
}

/** Sleep quality 1–5 from a digit or words ("terrible", "fatal", "muy mal", "bien", "great"). */
export function parseQuality(text: string): ParseResult<number> {
  return wordAnswer(QUALITY_WORDS, text, /\s*(?:sleep|night|noche|sueno)$/, 1, 5);
}

/** Restlessness 0–3 from a digit or words ("not at all", "a lot", "mucho", "really restless"). */
export function parseRestlessness(text: string): ParseResult<number> {
  return wordAnswer(RESTLESS_WORDS, text, /\s*(?:restless|inquieta|inquieto)$/, 0, 3);
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

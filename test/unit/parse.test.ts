import { describe, expect, it } from 'vitest';
import {
  checkLastDoseDate,
  checkQuitDate,
  parseAnxiety,
  parseDateInput,
  parseHours,
  parseLocalTime,
} from '../../src/domain/parse.js';

describe('parseHours accepts the ways people type hours slept', () => {
  it.each([
    ['0', 0],
    ['4', 4],
    ['16', 16],
    ['4.5', 4.5],
    ['4,5', 4.5],
    ['.5', 0.5],
    ['  4.5  ', 4.5],
    ['4h', 4],
    ['4H', 4],
    ['4h30', 4.5],
    ['4 h 30', 4.5],
    ['4h30m', 4.5],
    ['4h 30min', 4.5],
    ['4h5', 4.08],
    ['4h20', 4.33],
    ['4:30', 4.5],
    ['4:45', 4.75],
    ['0:30', 0.5],
    ['9+', 9],
    ['4 horas', 4],
    ['4 hours', 4],
    ['4 hrs', 4],
    ['4 hr', 4],
    ['4 hs', 4],
    ['1 hour', 1],
    ['4.5 hours', 4.5],
    ['4,5 horas', 4.5],
    ['4 hours 30 minutes', 4.5],
    ['4 horas y 30 minutos', 4.5],
    ['4h y media', 4.5],
    ['4 horas y media', 4.5],
    ['4 y media', 4.5],
    ['4 and a half', 4.5],
    ['4 and a half hours', 4.5],
    ['90 min', 1.5],
    ['45 minutos', 0.75],
    ['media hora', 0.5],
    ['half an hour', 0.5],
    ['~4', 4],
    ['about 4h', 4],
    ['unas 4 horas', 4],
    ['-0', 0],
  ])('%j → %d', (text, hours) => {
    expect(parseHours(text)).toEqual({ ok: true, value: hours });
  });

  it.each([
    ['17', 'range'],
    ['16.5', 'range'],
    ['16:01', 'range'],
    ['24h', 'range'],
    ['-1', 'range'],
    ['\u22121', 'range'],
    ['-4h30', 'range'],
    ['4:60', 'range'],
    ['4h75', 'range'],
    ['1000 min', 'range'],
    ['abc', 'format'],
    ['', 'format'],
    ['4.5.5', 'format'],
    ['4:5', 'format'],
    ['4 30', 'format'],
    ['4.5h30', 'format'],
    ['4m', 'format'],
    ['four', 'format'],
    ['4h30x', 'format'],
  ])('%j is refused as %s', (text, error) => {
    expect(parseHours(text)).toEqual({ ok: false, error });
  });
});

describe('parseAnxiety takes a whole number 0–10', () => {
  it.each([
    ['0', 0],
    ['5', 5],
    ['10', 10],
    [' 7 ', 7],
    ['07', 7],
    ['7/10', 7],
    ['7 / 10', 7],
  ])('%j → %i', (text, value) => {
    expect(parseAnxiety(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['11', 'range'],
    ['100', 'range'],
    ['-1', 'range'],
    ['11/10', 'range'],
    ['5.5', 'format'],
    ['5,5', 'format'],
    ['abc', 'format'],
    ['', 'format'],
    ['5/5', 'format'],
    ['five', 'format'],
  ])('%j is refused as %s', (text, error) => {
    expect(parseAnxiety(text)).toEqual({ ok: false, error });
  });
});

describe('parseLocalTime returns zero-padded HH:MM', () => {
  it.each([
    ['7', '07:00'],
    ['0', '00:00'],
    ['23', '23:00'],
    ['7:30', '07:30'],
    ['07:30', '07:30'],
    ['7.30', '07:30'],
    ['19:30', '19:30'],
    ['19h30', '19:30'],
    ['19 h 30', '19:30'],
    ['19h', '19:00'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
    ['7am', '07:00'],
    ['7 am', '07:00'],
    ['7AM', '07:00'],
    ['7pm', '19:00'],
    ['7 PM', '19:00'],
    ['7.30pm', '19:30'],
    ['7:30 p.m.', '19:30'],
    ['7:30 a. m.', '07:30'],
    ['12am', '00:00'],
    ['12:15am', '00:15'],
    ['12pm', '12:00'],
    ['12:45 pm', '12:45'],
    ['11:59pm', '23:59'],
    ['0730', '07:30'],
    ['730', '07:30'],
    ['1930', '19:30'],
    ['2359', '23:59'],
    ['noon', '12:00'],
    ['Mediodía', '12:00'],
    ['medianoche', '00:00'],
    [' 7 ', '07:00'],
    ['7 de la tarde', '19:00'],
    ['7:30 de la mañana', '07:30'],
    ['3 de la madrugada', '03:00'],
    ['10 de la noche', '22:00'],
    ['12 de la noche', '00:00'],
    ['12 de la tarde', '12:00'],
  ])('%j → %s', (text, time) => {
    expect(parseLocalTime(text)).toEqual({ ok: true, value: time });
  });

  it.each([
    ['24', 'range'],
    ['24:00', 'range'],
    ['25:00', 'range'],
    ['7:75', 'range'],
    ['7:60', 'range'],
    ['13pm', 'range'],
    ['0am', 'range'],
    ['2400', 'range'],
    ['0760', 'range'],
    ['abc', 'format'],
    ['', 'format'],
    ['7:5', 'format'],
    ['123:00', 'format'],
    ['12345', 'format'],
    ['7:30:00', 'format'],
    ['-7', 'format'],
    ['de la tarde', 'format'],
    ['13 de la tarde', 'range'],
    ['7 de la semana', 'format'],
    ['7:30pm:', 'format'],
  ])('%j is refused as %s', (text, error) => {
    expect(parseLocalTime(text)).toEqual({ ok: false, error });
  });
});

describe('parseDateInput', () => {
  const today = '2026-11-19';

  it.each([
    ['2026-11-19', '2026-11-19'],
    ['2024-02-29', '2024-02-29'],
    ['2026/11/05', '2026-11-05'],
    ['2026-1-5', '2026-01-05'],
    ['19.11.2026', '2026-11-19'],
    ['19/11/2026', '2026-11-19'],
    ['19-11-2026', '2026-11-19'],
    ['5/1/2026', '2026-01-05'],
    ['11/05/2026', '2026-05-11'],
    ['today', '2026-11-19'],
    ['  Today ', '2026-11-19'],
    ['TODAY', '2026-11-19'],
    ['yesterday', '2026-11-18'],
    ['tomorrow', '2026-11-20'],
    ['last night', '2026-11-18'],
    ['this morning', '2026-11-19'],
    ['day before yesterday', '2026-11-17'],
    ['the day after tomorrow', '2026-11-21'],
    ['3 days ago', '2026-11-16'],
    ['1 day ago', '2026-11-18'],
    ['a day ago', '2026-11-18'],
    ['three days ago', '2026-11-16'],
    ['a week ago', '2026-11-12'],
    ['2 weeks ago', '2026-11-05'],
    ['a month ago', '2026-10-19'],
    ['in 3 days', '2026-11-22'],
    ['in a week', '2026-11-26'],
    ['in two weeks', '2026-12-03'],
    ['in 45 days', '2027-01-03'],
    ['hoy', '2026-11-19'],
    ['Hoy', '2026-11-19'],
    ['ayer', '2026-11-18'],
    ['anoche', '2026-11-18'],
    ['anteayer', '2026-11-17'],
    ['antier', '2026-11-17'],
    ['mañana', '2026-11-20'],
    ['MAÑANA', '2026-11-20'],
    ['manana', '2026-11-20'],
    ['pasado mañana', '2026-11-21'],
    ['esta mañana', '2026-11-19'],
    ['hace 3 días', '2026-11-16'],
    ['hace 3 dias', '2026-11-16'],
    ['Hace tres días', '2026-11-16'],
    ['hace un día', '2026-11-18'],
    ['hace una semana', '2026-11-12'],
    ['hace 2 semanas', '2026-11-05'],
    ['hace un mes', '2026-10-19'],
    ['hace 2 meses', '2026-09-19'],
    ['en 3 días', '2026-11-22'],
    ['dentro de una semana', '2026-11-26'],
    ['en dos semanas', '2026-12-03'],
  ])('%j (today 2026-11-19) → %s', (text, date) => {
    expect(parseDateInput(text, today)).toEqual({ ok: true, value: date });
  });

  it.each([
    ['2026-02-30', 'format'],
    ['30.02.2026', 'format'],
    ['2026-13-01', 'format'],
    ['11/19/2026', 'format'],
    ['19/11/26', 'format'],
    ['2026-11/19', 'format'],
    ['19 nov', 'format'],
    ['abc', 'format'],
    ['', 'format'],
    ['3 days', 'format'],
    ['hace muchos días', 'format'],
    ['in 3 years', 'format'],
    ['in 99999999 days', 'range'],
    ['99999999 days ago', 'range'],
  ])('%j is refused as %s', (text, error) => {
    expect(parseDateInput(text, today)).toEqual({ ok: false, error });
  });

  it('counts relative dates from the given today, across month and year ends', () => {
    expect(parseDateInput('ayer', '2026-01-01')).toEqual({ ok: true, value: '2025-12-31' });
    expect(parseDateInput('in 3 days', '2024-02-27')).toEqual({ ok: true, value: '2024-03-01' });
    expect(parseDateInput('a month ago', '2026-03-31')).toEqual({ ok: true, value: '2026-02-28' });
  });
});

describe('checkLastDoseDate', () => {
  const today = '2026-11-19';
  it.each([
    ['2026-11-19', 'ok'],
    ['2026-11-18', 'ok'],
    ['2024-11-19', 'ok'],
    ['2024-11-18', 'too-old'],
    ['2020-01-01', 'too-old'],
    ['2026-11-20', 'future'],
    ['2027-01-01', 'future'],
  ])('last dose %s with today 2026-11-19 → %s (730 days back is the limit)', (date, verdict) => {
    expect(checkLastDoseDate(date, today)).toBe(verdict);
  });
});

describe('checkQuitDate', () => {
  const today = '2026-11-19';
  it.each([
    ['2026-11-19', 'ok'],
    ['2026-11-20', 'ok'],
    ['2027-11-19', 'ok'],
    ['2027-11-20', 'too-far'],
    ['2030-01-01', 'too-far'],
    ['2026-11-18', 'past'],
    ['2025-01-01', 'past'],
  ])('quit date %s with today 2026-11-19 → %s (365 days ahead is the limit)', (date, verdict) => {
    expect(checkQuitDate(date, today)).toBe(verdict);
  });
});

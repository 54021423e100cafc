import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isLocalDate, isoWeekday, localDateOf, localTimeOf } from '../../src/domain/dates.js';

describe('isLocalDate', () => {
  it.each([
    ['2026-11-19', true],
    ['2024-02-29', true],
    ['2026-12-31', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-11-00', false],
    ['2026-1-5', false],
    ['26-11-19', false],
    ['20261119', false],
    ['2026/11/19', false],
    ['2026-11-19T00:00', false],
    [' 2026-11-19', false],
    ['', false],
  ])('%j → %s (strict YYYY-MM-DD and a real calendar day)', (s, expected) => {
    expect(isLocalDate(s)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-19', 0, '2026-11-19'],
    ['2026-11-19', 1, '2026-11-20'],
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-08', 1, '2026-03-09'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-11-01', -1, '2026-10-31'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2026-01-01', -730, '2024-01-02'],
  ])('%s + %i days = %s, whole calendar days even across DST and leap days', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('refuses a malformed date instead of returning garbage', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-11-19', '2026-11-19', 0],
    ['2026-11-19', '2026-11-20', 1],
    ['2026-11-20', '2026-11-19', -1],
    ['2026-03-07', '2026-03-09', 2],
    ['2026-10-24', '2026-10-26', 2],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-02-28', '2026-03-01', 1],
    ['2026-01-01', '2027-01-01', 365],
    ['2024-01-01', '2025-01-01', 366],
    ['2026-12-31', '2026-01-01', -364],
  ])('from %s to %s is %i calendar days', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('isoWeekday', () => {
  it.each([
    ['2026-03-09', 1],
    ['2026-11-19', 4],
    ['2024-02-29', 4],
    ['2026-03-08', 7],
    ['2026-11-01', 7],
  ])('%s is ISO weekday %i (Monday 1 … Sunday 7)', (date, expected) => {
    expect(isoWeekday(date)).toBe(expected);
  });
});

describe('localDateOf / localTimeOf', () => {
  it.each([
    ['2026-03-08T05:30:00Z', 'America/Chicago', '2026-03-07', '23:30'],
    ['2026-03-08T07:59:00Z', 'America/Chicago', '2026-03-08', '01:59'],
    ['2026-03-08T08:00:00Z', 'America/Chicago', '2026-03-08', '03:00'],
    ['2026-11-01T06:30:00Z', 'America/Chicago', '2026-11-01', '01:30'],
    ['2026-11-01T07:30:00Z', 'America/Chicago', '2026-11-01', '01:30'],
    ['2026-10-25T00:30:00Z', 'Europe/Berlin', '2026-10-25', '02:30'],
    ['2026-10-25T01:30:00Z', 'Europe/Berlin', '2026-10-25', '02:30'],
    ['2026-03-08T05:30:00Z', 'Asia/Kolkata', '2026-03-08', '11:00'],
    ['2026-03-07T18:29:00Z', 'Asia/Kolkata', '2026-03-07', '23:59'],
    ['2026-01-01T03:00:00Z', 'UTC-5', '2025-12-31', '22:00'],
    ['2026-01-01T10:00:00Z', 'Pacific/Kiritimati', '2026-01-02', '00:00'],
    ['2026-01-01T00:00:00Z', 'UTC', '2026-01-01', '00:00'],
  ])('%s in %s is %s %s on the local wall clock', (iso, zone, date, time) => {
    const instant = new Date(iso);
    expect(localDateOf(instant, zone)).toBe(date);
    expect(localTimeOf(instant, zone)).toBe(time);
  });

  it.each(['Mars/Olympus', 'local', ''])('throws for zone %j instead of silently using another zone', (zone) => {
    expect(() => localDateOf(new Date('2026-01-01T00:00:00Z'), zone)).toThrow();
  });
});

describe('calendar arithmetic agrees with luxon (it no longer uses it)', () => {
  it('addDays, daysBetween and isoWeekday over 3,000 dates from 1900 to 2100 and offsets up to ±800 days', async () => {
    const { DateTime } = await import('luxon');
    const { addDays: add, daysBetween: between, isoWeekday: weekday } = await import('../../src/domain/dates.js');
    let seed = 11;
    const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    for (let i = 0; i < 3000; i++) {
      const start = DateTime.utc(1900, 1, 1).plus({ days: Math.floor(rnd() * 73_000) });
      const date = start.toISODate()!;
      const n = Math.floor(rnd() * 1601) - 800;
      const expected = start.plus({ days: n }).toISODate()!;
      expect(add(date, n)).toBe(expected);
      expect(between(date, expected)).toBe(n);
      expect(weekday(date)).toBe(start.weekday);
    }
  });
});

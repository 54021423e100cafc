import { describe, expect, it } from 'vitest';
import { isInNightWindow, nightPosition } from '../../src/domain/night-window.js';

/**
 * The night window is read on the user's wall clock. Instants are given in UTC so each row
 * pins one exact moment, including the ones DST makes awkward: the hour skipped in spring
 * and the hour repeated in autumn, in zones on both sides of the Atlantic and the equator.
 */
describe('isInNightWindow', () => {
  it.each([
    // time, wind-down, morning, expected
    ['21:59', '22:00', '08:00', false],
    ['22:00', '22:00', '08:00', true],
    ['23:59', '22:00', '08:00', true],
    ['00:00', '22:00', '08:00', true],
    ['03:05', '22:00', '08:00', true],
    ['07:59', '22:00', '08:00', true],
    ['08:00', '22:00', '08:00', false],
    ['14:00', '22:00', '08:00', false],
    // A window that does not cross midnight.
    ['00:30', '01:00', '08:00', false],
    ['01:00', '01:00', '08:00', true],
    ['07:00', '01:00', '08:00', true],
    ['23:00', '01:00', '08:00', false],
    // Late riser: crosses midnight and ends at noon.
    ['11:59', '23:30', '12:00', true],
    ['12:00', '23:30', '12:00', false],
    // Equal times: an empty window, never night.
    ['03:00', '08:00', '08:00', false],
  ])('%s with wind-down %s and morning %s → %s', (time, windDown, morning, expected) => {
    expect(isInNightWindow(time, windDown, morning)).toBe(expected);
  });
});

describe('nightPosition across DST', () => {
  it.each([
    // zone, instant (UTC), wind-down, morning → local date, local time, part, night date
    // New York, spring forward 2026-03-08 02:00 EST → 03:00 EDT.
    ['America/New_York', '2026-03-08T06:59:00Z', '22:00', '08:00', '2026-03-08', '01:59', 'night', '2026-03-08'],
    ['America/New_York', '2026-03-08T07:00:00Z', '22:00', '08:00', '2026-03-08', '03:00', 'night', '2026-03-08'],
    ['America/New_York', '2026-03-08T11:59:00Z', '22:00', '08:00', '2026-03-08', '07:59', 'night', '2026-03-08'],
    ['America/New_York', '2026-03-08T12:00:00Z', '22:00', '08:00', '2026-03-08', '08:00', 'day', '2026-03-09'],
    // Wind-down inside the skipped hour: 02:30 never happens, 03:00 is already night.
    ['America/New_York', '2026-03-08T07:00:00Z', '02:30', '09:00', '2026-03-08', '03:00', 'night', '2026-03-08'],
    // Crossing midnight into the spring-forward day: 23:30 the evening before is night, for the 8th.
    ['America/New_York', '2026-03-08T04:30:00Z', '23:30', '06:00', '2026-03-07', '23:30', 'night', '2026-03-08'],
    ['America/New_York', '2026-03-08T04:29:00Z', '23:30', '06:00', '2026-03-07', '23:29', 'evening', '2026-03-08'],
    // New York, fall back 2026-11-01 02:00 EDT → 01:00 EST: 01:30 happens twice, night both times.
    ['America/New_York', '2026-11-01T05:30:00Z', '22:00', '08:00', '2026-11-01', '01:30', 'night', '2026-11-01'],
    ['America/New_York', '2026-11-01T06:30:00Z', '22:00', '08:00', '2026-11-01', '01:30', 'night', '2026-11-01'],
    ['America/New_York', '2026-11-01T13:00:00Z', '22:00', '08:00', '2026-11-01', '08:00', 'day', '2026-11-02'],
    ['America/New_York', '2026-11-01T12:59:00Z', '22:00', '08:00', '2026-11-01', '07:59', 'night', '2026-11-01'],
    // Madrid, spring forward 2026-03-29 02:00 CET → 03:00 CEST.
    ['Europe/Madrid', '2026-03-29T00:59:00Z', '23:30', '06:00', '2026-03-29', '01:59', 'night', '2026-03-29'],
    ['Europe/Madrid', '2026-03-29T01:00:00Z', '23:30', '06:00', '2026-03-29', '03:00', 'night', '2026-03-29'],
    ['Europe/Madrid', '2026-03-29T04:00:00Z', '23:30', '06:00', '2026-03-29', '06:00', 'day', '2026-03-30'],
    ['Europe/Madrid', '2026-03-28T22:30:00Z', '23:30', '06:00', '2026-03-28', '23:30', 'night', '2026-03-29'],
    // Madrid, fall back 2026-10-25 03:00 CEST → 02:00 CET: 02:30 twice.
    ['Europe/Madrid', '2026-10-25T00:30:00Z', '23:30', '06:00', '2026-10-25', '02:30', 'night', '2026-10-25'],
    ['Europe/Madrid', '2026-10-25T01:30:00Z', '23:30', '06:00', '2026-10-25', '02:30', 'night', '2026-10-25'],
    ['Europe/Madrid', '2026-10-25T05:00:00Z', '23:30', '06:00', '2026-10-25', '06:00', 'day', '2026-10-26'],
    ['Europe/Madrid', '2026-10-25T13:00:00Z', '23:30', '06:00', '2026-10-25', '14:00', 'day', '2026-10-26'],
    ['Europe/Madrid', '2026-10-25T17:00:00Z', '23:30', '06:00', '2026-10-25', '18:00', 'evening', '2026-10-26'],
    // Sydney, autumn fall back 2026-04-05 03:00 AEDT → 02:00 AEST (southern hemisphere).
    ['Australia/Sydney', '2026-04-04T15:30:00Z', '22:00', '07:00', '2026-04-05', '02:30', 'night', '2026-04-05'],
    ['Australia/Sydney', '2026-04-04T16:30:00Z', '22:00', '07:00', '2026-04-05', '02:30', 'night', '2026-04-05'],
    ['Australia/Sydney', '2026-04-04T21:00:00Z', '22:00', '07:00', '2026-04-05', '07:00', 'day', '2026-04-06'],
  ])('%s at %s (wind-down %s, morning %s) is %s %s, %s, night of %s', (zone, instant, windDown, morning, date, time, part, nightDate) => {
    expect(nightPosition(new Date(instant), zone, windDown, morning)).toEqual({ localDate: date, localTime: time, part, nightDate });
  });
});

import { describe, expect, it } from 'vitest';
import { followUpAt, isNight } from '../../src/domain/crisis-followup.js';

const times = { zone: 'America/Mexico_City', morningTime: '08:00', eveningTime: '22:00' };

describe('when the one follow-up goes out', () => {
  it.each([
    // now (UTC)                 zone            → due (UTC)                 why
    ['2026-12-01T16:00:00.000Z', times, '2026-12-01T19:00:00.000Z'], // 10:00 local → 13:00
    ['2026-12-01T21:30:00.000Z', times, '2026-12-02T00:30:00.000Z'], // 15:30 → 18:30
    ['2026-12-02T01:00:00.000Z', times, '2026-12-02T14:00:00.000Z'], // 19:00 → 22:00 is night → 08:00 next day
    ['2026-12-02T09:00:00.000Z', times, '2026-12-02T14:00:00.000Z'], // 03:00 → 06:00 is night → 08:00 same morning
    ['2026-12-02T11:30:00.000Z', times, '2026-12-02T14:30:00.000Z'], // 05:30 → 08:30, morning already
    ['2026-12-02T09:00:00.000Z', { ...times, zone: null }, '2026-12-02T12:00:00.000Z'], // no zone: 3 hours, always
  ] as const)('%s → %s', (now, t, due) => {
    expect(followUpAt(new Date(now), t).toISOString()).toBe(due);
  });

  it.each([
    ['23:00', '22:00', '08:00', true],
    ['03:00', '22:00', '08:00', true],
    ['08:00', '22:00', '08:00', false],
    ['21:59', '22:00', '08:00', false],
    ['12:00', '01:00', '09:00', false],
    ['02:00', '01:00', '09:00', true],
    ['02:00', '08:00', '08:00', false],
  ])('%s with evening %s and morning %s is night: %s', (local, evening, morning, night) => {
    expect(isNight(local, evening, morning)).toBe(night);
  });
});

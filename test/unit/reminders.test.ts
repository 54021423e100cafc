import { describe, expect, it } from 'vitest';
import { tonight } from '../../src/bot/messages/winddown.js';
import { addDays } from '../../src/domain/dates.js';
import { isTooLate, LATE_LIMIT_MS, reminderDate, type ReminderKind } from '../../src/domain/reminders.js';
import { PHASE_IDS, type PhaseId, type UseStatus } from '../../src/domain/types.js';
import { WIND_DOWN_ITEMS, windDownChecklist, type WindDownItem } from '../../src/domain/winddown.js';
import type { UserProfile } from '../../src/storage/users.js';

// Instants worked out by hand: America/Chicago CST = UTC−6, CDT = UTC−5 (spring forward
// 2026-03-08 at 08:00Z, fall back 2026-11-01 at 07:00Z); Asia/Kolkata UTC+5:30; UTC-5 fixed.
describe('reminderDate: the local date a reminder belongs to', () => {
  const cases: ReadonlyArray<[ReminderKind, string, string, string, string]> = [
    // kind, due instant, zone, expected date, local reading
    ['morning', '2026-03-05T14:00:00.000Z', 'America/Chicago', '2026-03-05', '08:00 CST'],
    ['evening', '2026-03-06T04:00:00.000Z', 'America/Chicago', '2026-03-05', '22:00 CST, already the 6th in UTC'],
    ['evening', '2026-03-06T06:30:00.000Z', 'America/Chicago', '2026-03-05', '00:30 on the 6th → the evening before'],
    ['snooze', '2026-03-05T15:00:00.000Z', 'America/Chicago', '2026-03-05', 'snooze 09:00'],
    ['morning', '2026-11-22T02:30:00.000Z', 'Asia/Kolkata', '2026-11-22', '08:00 IST'],
    ['morning', '2026-11-21T23:30:00.000Z', 'Asia/Kolkata', '2026-11-22', '05:00 IST, still the 21st in UTC'],
    ['evening', '2026-11-22T16:30:00.000Z', 'Asia/Kolkata', '2026-11-22', '22:00 IST'],
    ['evening', '2026-11-22T19:00:00.000Z', 'Asia/Kolkata', '2026-11-22', '00:30 on the 23rd → the evening before'],
    ['morning', '2026-11-22T13:00:00.000Z', 'UTC-5', '2026-11-22', '08:00 at UTC−5'],
    ['evening', '2026-11-23T03:00:00.000Z', 'UTC-5', '2026-11-22', '22:00 at UTC−5'],
    ['evening', '2026-11-23T05:30:00.000Z', 'UTC-5', '2026-11-22', '00:30 on the 23rd → the evening before'],
    ['evening', '2026-11-23T16:59:00.000Z', 'UTC-5', '2026-11-22', 'an evening time before noon is the night before'],
    ['evening', '2026-11-23T17:00:00.000Z', 'UTC-5', '2026-11-23', 'an evening time from noon on is that day'],
    ['morning', '2026-11-23T05:30:00.000Z', 'UTC-5', '2026-11-23', 'a morning at 00:30 is that day (no shift)'],
    // Across the spring-forward night in Chicago.
    ['evening', '2026-03-08T05:30:00.000Z', 'America/Chicago', '2026-03-07', '23:30 CST the night of the change'],
    ['evening', '2026-03-08T06:30:00.000Z', 'America/Chicago', '2026-03-07', '00:30 CST before the gap → the 7th'],
    ['morning', '2026-03-08T13:00:00.000Z', 'America/Chicago', '2026-03-08', '08:00 CDT after the gap'],
    ['evening', '2026-03-09T03:00:00.000Z', 'America/Chicago', '2026-03-08', '22:00 CDT on the short day'],
    // Across the fall-back night: both readings of the repeated 01:30 are the same evening.
    ['evening', '2026-11-01T06:30:00.000Z', 'America/Chicago', '2026-10-31', '01:30 CDT (first reading)'],
    ['evening', '2026-11-01T07:30:00.000Z', 'America/Chicago', '2026-10-31', '01:30 CST (second reading)'],
    ['morning', '2026-11-01T14:00:00.000Z', 'America/Chicago', '2026-11-01', '08:00 CST on the long day'],
    ['evening', '2026-11-02T04:00:00.000Z', 'America/Chicago', '2026-11-01', '22:00 CST on the long day'],
  ];
  it.each(cases)('%s due %s in %s belongs to %s (%s)', (kind, due, zone, expected) => {
    expect(reminderDate(kind, new Date(due), zone)).toBe(expected);
  });

  it('rejects an invalid zone instead of guessing', () => {
    expect(() => reminderDate('morning', new Date('2026-11-22T13:00:00Z'), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('isTooLate: more than 2 hours after its time', () => {
  const due = new Date('2026-11-22T14:00:00.000Z');
  it('is 2 hours', () => {
    expect(LATE_LIMIT_MS).toBe(2 * 60 * 60 * 1000);
  });
  it.each([
    ['on time', 0, false],
    ['found before its time', -60_000, false],
    ['1 hour late', 60 * 60 * 1000, false],
    ['exactly 2 h late', LATE_LIMIT_MS, false],
    ['2 h + 1 ms late', LATE_LIMIT_MS + 1, true],
    ['a day late', 24 * 60 * 60 * 1000, true],
  ])('%s → too late: %s', (_name, lateBy, expected) => {
    expect(isTooLate(due, new Date(due.getTime() + lateBy))).toBe(expected);
  });
});

describe('windDownChecklist', () => {
  type Row = [PhaseId, number | null, [WindDownItem, WindDownItem, WindDownItem]];
  const expected: Row[] = [
    ['onset', 1, ['screens-off', 'antihistamine-bridge', 'rest-counts']],
    ['onset', null, ['screens-off', 'rest-counts', 'melatonin-timing']],
    ['peak', 3, ['screens-off', 'antihistamine-bridge', 'rest-counts']],
    ['peak', 5, ['screens-off', 'antihistamine-bridge', 'rest-counts']],
    // Night 6 is past the bridge (issue 13: the antihistamine showed on night 6).
    ['peak', 6, ['screens-off', 'rest-counts', 'melatonin-timing']],
    ['easing', 6, ['screens-off', 'rest-counts', 'melatonin-timing']],
    ['easing', 7, ['screens-off', 'rest-counts', 'melatonin-timing']],
    // Week 2 starts with night 8: the evening exercise caution starts there, not at day 29.
    ['easing', 8, ['screens-off', 'rest-counts', 'no-vigorous-exercise']],
    ['rebuilding', 11, ['screens-off', 'no-vigorous-exercise', 'cool-dark-room']],
    ['post-acute', 30, ['screens-off', 'no-vigorous-exercise', 'cool-dark-room']],
    ['long-term', 60, ['screens-off', 'no-vigorous-exercise', 'cool-dark-room']],
    ['using', null, ['screens-off', 'cool-dark-room', 'bed-when-sleepy']],
    ['preparing', null, ['screens-off', 'cool-dark-room', 'bed-when-sleepy']],
  ];

  it('covers every phase id in the table below', () => {
    expect(new Set(expected.map(([phase]) => phase))).toEqual(new Set(PHASE_IDS));
  });

  it.each(expected)('%s, night %s → %j', (phase, night, items) => {
    expect(windDownChecklist(phase, night)).toEqual(items);
  });

  const all = PHASE_IDS.flatMap((phase) => [0, 1, 2, 3, 4, 5, 6, 7, 8, 30, 60, null].map((night) => [phase, night] as const));
  const acute: readonly PhaseId[] = ['onset', 'peak', 'easing'];

  it.each(all)('%s, night %s: 3 distinct known items, screens-off first, the rules of the phase', (phase, night) => {
    const items = windDownChecklist(phase, night);
    expect(items).toHaveLength(3);
    expect(new Set(items).size).toBe(3);
    for (const item of items) expect(WIND_DOWN_ITEMS).toContain(item);
    expect(items[0]).toBe('screens-off');

    const bridge = (phase === 'onset' || phase === 'peak') && night !== null && night >= 1 && night <= 5;
    expect(items.includes('antihistamine-bridge')).toBe(bridge);
    expect(items.includes('rest-counts')).toBe(acute.includes(phase));
    // Melatonin only in the acute phases: never using, preparing or long-term.
    if (!acute.includes(phase)) expect(items).not.toContain('melatonin-timing');
    // No vigorous exercise from week 2 on, in withdrawal.
    if (!acute.includes(phase) && night !== null && night >= 8 && phase !== 'using' && phase !== 'preparing') {
      expect(items).toContain('no-vigorous-exercise');
    }
    if (night !== null && night < 8) expect(items).not.toContain('no-vigorous-exercise');
  });
});

describe('tonight: the night number and phase of an evening', () => {
  const EVENING = '2026-11-22';

  function profile(status: UseStatus | null, lastDoseDate: string | null, quitDate: string | null = null): UserProfile {
    return {
      id: 1,
      locale: 'en',
      consentAt: '2026-11-01T00:00:00.000Z',
      status,
      lastDoseDate,
      quitDate,
      timeZone: 'America/Chicago',
      morningTime: '08:00',
      eveningTime: '22:00',
      country: 'US',
      morningEnabled: true,
      eveningEnabled: true,
      onboardedAt: '2026-11-01T00:00:00.000Z',
      blockedAt: null,
    };
  }

  // The evening of day d starts night d + 1, whose phase is that of day d + 1.
  it.each([
    ['last dose this very day (day 0)', profile('stopped', EVENING), 1, 'onset'],
    ['last dose yesterday (day 1)', profile('stopped', addDays(EVENING, -1)), 2, 'peak'],
    ['last dose 3 days before the evening', profile('stopped', addDays(EVENING, -3)), 4, 'peak'],
    ['last dose 4 days before (night 5 is still peak)', profile('stopped', addDays(EVENING, -4)), 5, 'peak'],
    ['last dose 5 days before (night 6 is easing)', profile('stopped', addDays(EVENING, -5)), 6, 'easing'],
    ['last dose 10 days before', profile('stopped', addDays(EVENING, -10)), 11, 'rebuilding'],
    ['last dose 28 days before', profile('stopped', addDays(EVENING, -28)), 29, 'post-acute'],
    ['last dose 56 days before', profile('stopped', addDays(EVENING, -56)), 57, 'long-term'],
    ['a planning user whose quit date was 3 days ago', profile('planning', null, addDays(EVENING, -3)), 4, 'peak'],
    ['a planning user whose quit date is today', profile('planning', null, EVENING), 1, 'onset'],
    ['a last dose recorded in the future (bad data)', profile('stopped', addDays(EVENING, 3)), 1, 'onset'],
  ] as const)('%s → night %s, %s', (_name, p, night, phase) => {
    expect(tonight(p, EVENING)).toMatchObject({ night, phase });
  });

  it.each([
    ['a using user', profile('using', null), 'using'],
    ['a user with no status yet', profile(null, null), 'using'],
    ['a planning user without a quit date', profile('planning', null), 'using'],
    ['a planning user quitting tomorrow', profile('planning', null, addDays(EVENING, 1)), 'preparing'],
    ['a planning user quitting in 10 days', profile('planning', null, addDays(EVENING, 10)), 'preparing'],
    ['a stopped user with no last-dose date', profile('stopped', null), 'onset'],
  ] as const)('%s → no night number, phase %s', (_name, p, phase) => {
    expect(tonight(p, EVENING)).toMatchObject({ night: null, phase });
  });

  it('names the night and its phase in the line', () => {
    const t = (key: string, vars?: Record<string, unknown>) => (vars ? `${key}${JSON.stringify(vars)}` : key);
    expect(tonight(profile('stopped', addDays(EVENING, -3)), EVENING).line(t)).toBe(
      'winddown-night{"night":4,"phase":"phase-peak-name"}',
    );
  });
});

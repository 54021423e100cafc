import { describe, expect, it } from 'vitest';
import { nextOccurrence, occurrenceOn } from '../../src/domain/schedule.js';

// Expected instants were worked out by hand from the zones' rules:
// America/Chicago CST = UTC−6, CDT = UTC−5; spring forward 02:00 CST → 03:00 CDT (08:00Z)
//   on 2026-03-08 and 2027-03-14; fall back 02:00 CDT → 01:00 CST (07:00Z) on 2026-11-01 and 2027-11-07.
// Europe/Berlin CET = UTC+1, CEST = UTC+2; spring forward 02:00 → 03:00 at 01:00Z on 2026-03-29
//   and 2027-03-28; fall back 03:00 → 02:00 at 01:00Z on 2026-10-25 and 2027-10-31.
// Asia/Kolkata is UTC+5:30 all year; `UTC-5` is a fixed offset.

type Row = [date: string, time: string, expected: string, why: string];

const OCCURRENCES: Array<[zone: string, rows: Row[]]> = [
  [
    'America/Chicago',
    [
      ['2026-03-07', '08:00', '2026-03-07T14:00:00.000Z', 'normal winter day'],
      ['2026-03-08', '00:00', '2026-03-08T06:00:00.000Z', 'midnight before the gap'],
      ['2026-03-08', '01:59', '2026-03-08T07:59:00.000Z', 'last minute before the gap'],
      ['2026-03-08', '02:00', '2026-03-08T08:00:00.000Z', 'start of the missing hour → 03:00 CDT'],
      ['2026-03-08', '02:30', '2026-03-08T08:00:00.000Z', 'inside the missing hour → 03:00 CDT'],
      ['2026-03-08', '02:59', '2026-03-08T08:00:00.000Z', 'end of the missing hour → 03:00 CDT'],
      ['2026-03-08', '03:00', '2026-03-08T08:00:00.000Z', 'first minute after the gap'],
      ['2026-03-08', '08:00', '2026-03-08T13:00:00.000Z', 'morning after the gap is CDT'],
      ['2026-03-08', '23:59', '2026-03-09T04:59:00.000Z', '23:59 on the short day'],
      ['2026-11-01', '00:00', '2026-11-01T05:00:00.000Z', 'midnight before the repeat'],
      ['2026-11-01', '00:59', '2026-11-01T05:59:00.000Z', 'minute before the repeated hour'],
      ['2026-11-01', '01:00', '2026-11-01T06:00:00.000Z', 'repeated 01:00 → the earlier (CDT)'],
      ['2026-11-01', '01:30', '2026-11-01T06:30:00.000Z', 'repeated 01:30 → the earlier (CDT)'],
      ['2026-11-01', '01:59', '2026-11-01T06:59:00.000Z', 'repeated 01:59 → the earlier (CDT)'],
      ['2026-11-01', '02:00', '2026-11-01T08:00:00.000Z', '02:00 after the repeat is CST'],
      ['2026-11-01', '08:00', '2026-11-01T14:00:00.000Z', 'morning after the repeat is CST'],
      ['2026-11-01', '23:59', '2026-11-02T05:59:00.000Z', '23:59 on the long day'],
      ['2027-03-14', '02:30', '2027-03-14T08:00:00.000Z', 'missing hour in 2027 → 03:00 CDT'],
      ['2027-03-14', '22:00', '2027-03-15T03:00:00.000Z', 'evening of the 2027 spring-forward day'],
      ['2027-11-07', '01:30', '2027-11-07T06:30:00.000Z', 'repeated hour in 2027 → the earlier'],
      ['2027-11-07', '22:00', '2027-11-08T04:00:00.000Z', 'evening of the 2027 fall-back day'],
    ],
  ],
  [
    'Europe/Berlin',
    [
      ['2026-03-29', '00:00', '2026-03-28T23:00:00.000Z', 'midnight before the gap (CET)'],
      ['2026-03-29', '01:59', '2026-03-29T00:59:00.000Z', 'last minute before the gap'],
      ['2026-03-29', '02:00', '2026-03-29T01:00:00.000Z', 'start of the missing hour → 03:00 CEST'],
      ['2026-03-29', '02:30', '2026-03-29T01:00:00.000Z', 'inside the missing hour → 03:00 CEST'],
      ['2026-03-29', '03:00', '2026-03-29T01:00:00.000Z', 'first minute after the gap'],
      ['2026-03-29', '08:00', '2026-03-29T06:00:00.000Z', 'morning after the gap is CEST'],
      ['2026-10-25', '02:00', '2026-10-25T00:00:00.000Z', 'repeated 02:00 → the earlier (CEST)'],
      ['2026-10-25', '02:30', '2026-10-25T00:30:00.000Z', 'repeated 02:30 → the earlier (CEST)'],
      ['2026-10-25', '03:00', '2026-10-25T02:00:00.000Z', '03:00 after the repeat is CET'],
      ['2026-10-25', '08:00', '2026-10-25T07:00:00.000Z', 'morning after the repeat is CET'],
      ['2026-10-25', '23:59', '2026-10-25T22:59:00.000Z', '23:59 on the long day'],
      ['2027-03-28', '02:30', '2027-03-28T01:00:00.000Z', 'missing hour in 2027 → 03:00 CEST'],
      ['2027-10-31', '02:30', '2027-10-31T00:30:00.000Z', 'repeated hour in 2027 → the earlier'],
      ['2027-10-31', '08:00', '2027-10-31T07:00:00.000Z', 'morning of the 2027 fall-back day'],
    ],
  ],
  [
    'Asia/Kolkata',
    [
      ['2026-03-08', '08:00', '2026-03-08T02:30:00.000Z', 'half-hour offset'],
      ['2026-03-08', '02:30', '2026-03-07T21:00:00.000Z', 'no gap on the US/EU change dates'],
      ['2026-01-01', '00:00', '2025-12-31T18:30:00.000Z', 'midnight falls on the previous UTC day'],
      ['2026-12-31', '23:59', '2026-12-31T18:29:00.000Z', '23:59'],
    ],
  ],
  [
    'UTC-5',
    [
      ['2026-03-08', '02:30', '2026-03-08T07:30:00.000Z', 'fixed offset has no gap'],
      ['2026-11-01', '01:30', '2026-11-01T06:30:00.000Z', 'fixed offset has no repeat'],
      ['2026-12-31', '23:59', '2027-01-01T04:59:00.000Z', '23:59 falls on the next UTC day'],
    ],
  ],
];

describe('occurrenceOn', () => {
  describe.each(OCCURRENCES)('in %s', (zone, rows) => {
    it.each(rows)('%s %s local → %s (%s)', (date, time, expected) => {
      expect(occurrenceOn(date, time, zone).toISOString()).toBe(expected);
    });
  });

  it.each([
    ['2026-02-30', '08:00', 'America/Chicago'],
    ['2026-03-08', '24:00', 'America/Chicago'],
    ['2026-03-08', '7:30', 'America/Chicago'],
    ['2026-03-08', '08:00', 'Mars/Olympus'],
    ['2026-03-08', '08:00', 'local'],
  ])('refuses bad input %s %s %s instead of scheduling at a wrong instant', (date, time, zone) => {
    expect(() => occurrenceOn(date, time, zone)).toThrow(RangeError);
  });
});

describe('nextOccurrence', () => {
  it.each([
    ['08:00', 'America/Chicago', '2026-03-07T13:59:59.999Z', '2026-03-07T14:00:00.000Z', 'just before: today'],
    ['08:00', 'America/Chicago', '2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', 'exactly at: strictly after, so tomorrow (now CDT)'],
    ['08:00', 'America/Chicago', '2026-03-07T14:00:00.001Z', '2026-03-08T13:00:00.000Z', 'just after: tomorrow'],
    ['21:00', 'America/Chicago', '2026-03-08T02:30:00.000Z', '2026-03-08T03:00:00.000Z', 'uses the local date (7 March), not the UTC date'],
    ['02:30', 'America/Chicago', '2026-03-08T05:00:00.000Z', '2026-03-08T08:00:00.000Z', 'a time in the missing hour still fires, at 03:00'],
    ['02:30', 'America/Chicago', '2026-03-08T08:00:00.000Z', '2026-03-09T07:30:00.000Z', 'after the gap firing, the next is the following day'],
    ['01:30', 'America/Chicago', '2026-11-01T06:00:00.000Z', '2026-11-01T06:30:00.000Z', 'repeated hour: the first 01:30'],
    ['01:30', 'America/Chicago', '2026-11-01T06:30:00.000Z', '2026-11-02T07:30:00.000Z', 'repeated hour: the second 01:30 is skipped'],
    ['01:30', 'America/Chicago', '2026-11-01T07:00:00.000Z', '2026-11-02T07:30:00.000Z', 'from inside the repeated hour: tomorrow'],
    ['22:00', 'America/Chicago', '2027-11-07T04:00:00.000Z', '2027-11-08T04:00:00.000Z', 'evening after a passed time on the eve of fall-back'],
    ['00:00', 'Europe/Berlin', '2026-03-28T22:59:00.000Z', '2026-03-28T23:00:00.000Z', 'midnight, one minute before'],
    ['00:00', 'Europe/Berlin', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', 'midnight, exactly at: next midnight is CEST'],
    ['02:30', 'Europe/Berlin', '2026-03-28T23:00:00.000Z', '2026-03-29T01:00:00.000Z', 'missing hour fires at 03:00 CEST'],
    ['02:30', 'Europe/Berlin', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z', 'repeated 02:30 fires once'],
    ['23:59', 'Europe/Berlin', '2026-10-25T22:58:00.000Z', '2026-10-25T22:59:00.000Z', '23:59 on the long day'],
    ['08:00', 'Europe/Berlin', '2027-03-27T07:00:00.000Z', '2027-03-28T06:00:00.000Z', 'across the 2027 spring-forward night'],
    ['23:59', 'Asia/Kolkata', '2026-06-01T00:00:00.000Z', '2026-06-01T18:29:00.000Z', 'later the same local day'],
    ['08:00', 'Asia/Kolkata', '2026-06-01T02:30:00.000Z', '2026-06-02T02:30:00.000Z', 'exactly at, half-hour offset'],
    ['23:59', 'UTC-5', '2026-03-08T04:58:00.000Z', '2026-03-08T04:59:00.000Z', 'fixed offset, local date behind UTC'],
  ])('%s in %s after %s → %s (%s)', (time, zone, after, expected) => {
    expect(nextOccurrence(time, zone, new Date(after)).toISOString()).toBe(expected);
  });
});

const MINUTE = 60_000;

/** Drives nextOccurrence the way a minute-tick scheduler would and records every firing. */
function firings(time: string, zone: string, fromIso: string, toIso: string): string[] {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  const fired: string[] = [];
  let due = nextOccurrence(time, zone, new Date(from)).getTime();
  for (let tick = from + MINUTE; tick <= to; tick += MINUTE) {
    if (tick >= due) {
      fired.push(new Date(tick).toISOString());
      due = nextOccurrence(time, zone, new Date(tick)).getTime();
    }
  }
  return fired;
}

describe('a minute-tick scheduler over a whole transition night', () => {
  it.each([
    ['01:30', 'America/Chicago', '2026-10-31T23:00:00Z', '2026-11-01T15:00:00Z', ['2026-11-01T06:30:00.000Z']],
    ['01:00', 'America/Chicago', '2027-11-06T23:00:00Z', '2027-11-07T15:00:00Z', ['2027-11-07T06:00:00.000Z']],
    ['02:30', 'Europe/Berlin', '2026-10-24T20:00:00Z', '2026-10-25T10:00:00Z', ['2026-10-25T00:30:00.000Z']],
    ['02:00', 'Europe/Berlin', '2027-10-30T20:00:00Z', '2027-10-31T10:00:00Z', ['2027-10-31T00:00:00.000Z']],
  ])('fires a repeated time (%s %s) exactly once, at its first reading', (time, zone, from, to, expected) => {
    expect(firings(time, zone, from, to)).toEqual(expected);
  });

  it.each([
    ['02:30', 'America/Chicago', '2026-03-07T23:00:00Z', '2026-03-08T15:00:00Z', ['2026-03-08T08:00:00.000Z']],
    ['02:15', 'America/Chicago', '2027-03-13T23:00:00Z', '2027-03-14T15:00:00Z', ['2027-03-14T08:00:00.000Z']],
    ['02:30', 'Europe/Berlin', '2026-03-28T20:00:00Z', '2026-03-29T10:00:00Z', ['2026-03-29T01:00:00.000Z']],
    ['02:15', 'Europe/Berlin', '2027-03-27T20:00:00Z', '2027-03-28T10:00:00Z', ['2027-03-28T01:00:00.000Z']],
  ])('fires a skipped time (%s %s) exactly once, as the clock jumps', (time, zone, from, to, expected) => {
    expect(firings(time, zone, from, to)).toEqual(expected);
  });

  it('fires a daily 08:00 once per local day across both 2026 Chicago transitions', () => {
    const fired = firings('08:00', 'America/Chicago', '2026-03-06T12:00:00Z', '2026-03-10T12:00:00Z');
    expect(fired).toEqual([
      '2026-03-06T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    const autumn = firings('08:00', 'America/Chicago', '2026-10-31T12:00:00Z', '2026-11-02T12:00:00Z');
    expect(autumn).toEqual(['2026-10-31T13:00:00.000Z', '2026-11-01T14:00:00.000Z']);
  });
});

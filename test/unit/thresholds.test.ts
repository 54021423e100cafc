import { describe, expect, it } from 'vitest';
import {
  evaluateThresholds,
  isAnxietyRising,
  isNoSleep,
  isPersistent,
  THRESHOLD_IDS,
  type ThresholdInput,
} from '../../src/domain/thresholds.js';
import type { CheckinFlag, NightRecord } from '../../src/domain/types.js';

/** A completed night; unspecified answers are unremarkable (6 h, fair, mild, anxiety 2). */
function night(date: string, answers: Partial<Omit<NightRecord, 'date'>> = {}): NightRecord {
  return { date, hours: 6, quality: 3, restlessness: 1, anxiety: 2, flags: [], ...answers };
}
const h = (date: string, hours: number | null): NightRecord => night(date, { hours });
const a = (date: string, anxiety: number | null): NightRecord => night(date, { anxiety });
const f = (date: string, ...flags: CheckinFlag[]): NightRecord => night(date, { flags });

/** Today in most cases is 2026-11-22; today−3 = 11-19, today−4 = 11-18, today−6 = 11-16, today−13 = 11-09. */
const TODAY = '2026-11-22';
const input = (history: NightRecord[], day: number | null = 20, today = TODAY): ThresholdInput => ({
  history,
  today,
  day,
});

describe('THRESHOLD_IDS', () => {
  it('lists the six rules in table order', () => {
    expect(THRESHOLD_IDS).toEqual(['no-sleep', 'anxiety-rising', 'unstable', 'cant-function', 'relapse-risk', 'persistent']);
  });
});

describe('no-sleep: ≥ 3 nights under 3 h among today−3 … today', () => {
  const cases: ReadonlyArray<readonly [string, NightRecord[], boolean, string?]> = [
    ['3 short nights in a row', [h('2026-11-22', 1), h('2026-11-21', 2), h('2026-11-20', 0)], true],
    ['only 2 short nights', [h('2026-11-22', 1), h('2026-11-21', 2), h('2026-11-20', 5)], false],
    ['2 short nights, nothing else recorded', [h('2026-11-22', 1), h('2026-11-21', 2)], false],
    ['3rd short night 3 days back (inside)', [h('2026-11-22', 1), h('2026-11-21', 2), h('2026-11-19', 2)], true],
    ['3rd short night 4 days back (outside)', [h('2026-11-22', 1), h('2026-11-21', 2), h('2026-11-18', 2)], false],
    ['2.99 h is under 3', [h('2026-11-22', 1), h('2026-11-21', 2), h('2026-11-20', 2.99)], true],
    ['3.0 h is not under 3', [h('2026-11-22', 1), h('2026-11-21', 2), h('2026-11-20', 3)], false],
    ['4 of 4 days short', [h('2026-11-22', 1), h('2026-11-21', 2), h('2026-11-20', 2), h('2026-11-19', 0)], true],
    ['3 short nights before a good one today', [h('2026-11-22', 7), h('2026-11-21', 2), h('2026-11-20', 2), h('2026-11-19', 0)], true],
    ['missing hours do not count as short', [h('2026-11-22', 1), h('2026-11-21', 2), h('2026-11-20', null)], false],
    ['a record dated after today is ignored', [h('2026-11-22', 1), h('2026-11-21', 2), h('2026-11-23', 1)], false],
    ['input order does not matter', [h('2026-11-19', 2), h('2026-11-22', 1), h('2026-11-21', 2)], true],
    ['across a month boundary (inside)', [h('2026-12-01', 1), h('2026-11-30', 2), h('2026-11-28', 2)], true, '2026-12-01'],
    ['across a month boundary (outside)', [h('2026-12-01', 1), h('2026-11-30', 2), h('2026-11-27', 2)], false, '2026-12-01'],
    ['across a year boundary', [h('2027-01-01', 1), h('2026-12-31', 2), h('2026-12-29', 2)], true, '2027-01-01'],
  ];
  for (const [name, history, expected, today = TODAY] of cases) {
    it(name, () => {
      expect(isNoSleep(input(history, 20, today))).toBe(expected);
      expect(evaluateThresholds(input(history, 20, today)).support.includes('no-sleep')).toBe(expected);
    });
  }
});

describe('anxiety-rising', () => {
  const cases: ReadonlyArray<readonly [string, NightRecord[], boolean]> = [
    ['3 strictly rising, latest 6', [a('2026-11-20', 3), a('2026-11-21', 4), a('2026-11-22', 6)], true],
    ['3 strictly rising, latest 5', [a('2026-11-20', 3), a('2026-11-21', 4), a('2026-11-22', 5)], false],
    ['only 2 check-ins rising', [a('2026-11-21', 5), a('2026-11-22', 8)], false],
    ['rising but not strictly (5, 5, 6)', [a('2026-11-20', 5), a('2026-11-21', 5), a('2026-11-22', 6)], false],
    ['rising but not strictly (5, 6, 6)', [a('2026-11-20', 5), a('2026-11-21', 6), a('2026-11-22', 6)], false],
    ['only the last 2 rising (7, 4, 6)', [a('2026-11-20', 7), a('2026-11-21', 4), a('2026-11-22', 6)], false],
    ['oldest of the 3 dated 4 days back (inside)', [a('2026-11-18', 4), a('2026-11-20', 5), a('2026-11-22', 7)], true],
    ['oldest of the 3 dated 5 days back (outside)', [a('2026-11-17', 4), a('2026-11-20', 5), a('2026-11-22', 7)], false],
    [
      'only the last 3 count (older high value ignored)',
      [a('2026-11-18', 8), a('2026-11-19', 2), a('2026-11-20', 3), a('2026-11-22', 6)],
      true,
    ],
    [
      'only the last 3 count (older rise ignored)',
      [a('2026-11-18', 2), a('2026-11-19', 8), a('2026-11-20', 3), a('2026-11-22', 6)],
      false,
    ],
    [
      'check-ins without an anxiety value are skipped',
      [a('2026-11-19', 3), a('2026-11-20', 4), a('2026-11-21', null), a('2026-11-22', 6)],
      true,
    ],
    [
      'the last 3 with a value need not include today',
      [a('2026-11-19', 3), a('2026-11-20', 4), a('2026-11-21', 7), a('2026-11-22', null)],
      true,
    ],
    ['input order does not matter', [a('2026-11-22', 6), a('2026-11-20', 3), a('2026-11-21', 4)], true],
    ['latest 8 alone', [a('2026-11-21', 9), a('2026-11-22', 8)], false],
    ['latest 9 alone', [a('2026-11-22', 9)], true],
    ['latest 10 after a calm week', [a('2026-11-20', 1), a('2026-11-21', 1), a('2026-11-22', 10)], true],
    ['a 9 yesterday is not the latest', [a('2026-11-21', 9), a('2026-11-22', 3)], false],
    ['a 9 dated after today is ignored', [a('2026-11-22', 3), a('2026-11-23', 9)], false],
  ];
  it.each(cases)('%s', (_name, history, expected) => {
    expect(isAnxietyRising(input(history))).toBe(expected);
    expect(evaluateThresholds(input(history)).support.includes('anxiety-rising')).toBe(expected);
  });
});

describe('flags on today\u2019s check-in: unstable, cant-function, relapse-risk', () => {
  const cases: ReadonlyArray<readonly [string, NightRecord[], string[]]> = [
    ['no flags', [f('2026-11-22')], []],
    ['unstable today', [f('2026-11-22', 'unstable')], ['unstable']],
    ["can't function today", [f('2026-11-22', 'cant-function')], ['cant-function']],
    ['urge today', [f('2026-11-22', 'urge')], ['relapse-risk']],
    [
      'all three today, reported in table order',
      [f('2026-11-22', 'urge', 'cant-function', 'unstable')],
      ['unstable', 'cant-function', 'relapse-risk'],
    ],
    ['flags yesterday only', [f('2026-11-21', 'unstable', 'cant-function', 'urge'), f('2026-11-22')], []],
    ['flags yesterday, no check-in today', [f('2026-11-21', 'unstable', 'cant-function', 'urge')], []],
    ['self-harm is the crisis path, not a threshold', [f('2026-11-22', 'self-harm')], []],
  ];
  it.each(cases)('%s', (_name, history, expected) => {
    const result = evaluateThresholds(input(history));
    expect(result.urgent).toEqual(expected);
    expect(result.support).toEqual([]);
  });
});

describe('persistent', () => {
  /** Current window: today−6 … today = 11-16 … 11-22. Previous: today−13 … today−7 = 11-09 … 11-15. */
  const current4 = (hours: number): NightRecord[] => [
    h('2026-11-22', hours),
    h('2026-11-21', hours),
    h('2026-11-20', hours),
    h('2026-11-19', hours),
  ];
  const previous4 = (hours: number): NightRecord[] => [
    h('2026-11-15', hours),
    h('2026-11-14', hours),
    h('2026-11-13', hours),
    h('2026-11-12', hours),
  ];
  const cases: ReadonlyArray<readonly [string, NightRecord[], number | null, boolean]> = [
    ['day 14, 4 nights averaging 4 h, no earlier data', current4(4), 14, true],
    ['day 13', current4(4), 13, false],
    ['day unknown (using or preparing)', current4(4), null, false],
    ['only 3 recorded nights', current4(4).slice(0, 3), 20, false],
    ['3 recorded nights and one without hours', [...current4(4).slice(0, 3), h('2026-11-19', null)], 20, false],
    ['4th night 6 days back (inside)', [...current4(4).slice(0, 3), h('2026-11-16', 4)], 20, true],
    ['4th night 7 days back (outside the current window)', [...current4(4).slice(0, 3), h('2026-11-15', 4)], 20, false],
    ['gaps: nights 0, 2, 4 and 6 days back', [h('2026-11-22', 4), h('2026-11-20', 4), h('2026-11-18', 4), h('2026-11-16', 4)], 20, true],
    ['average 4.99 h', [h('2026-11-22', 5), h('2026-11-21', 5), h('2026-11-20', 5), h('2026-11-19', 4.96)], 20, true],
    ['average exactly 5.0 h', current4(5), 20, false],
    // Issue 13: hours are stored to 0.01 h; minute rounding made this 4.99 h and fired.
    ['average exactly 5.00 h from 5.04, 5.04, 4.92, 5.00', [h('2026-11-22', 5.04), h('2026-11-21', 5.04), h('2026-11-20', 4.92), h('2026-11-19', 5)], 20, false],
    ['average 4.9975 h from 5.04, 5.04, 4.91, 5.00', [h('2026-11-22', 5.04), h('2026-11-21', 5.04), h('2026-11-20', 4.91), h('2026-11-19', 5)], 20, true],
    ['improved by 0.49 h (hundredths)', [...previous4(4), ...current4(4.49)], 20, true],
    ['average exactly 5.0 h from mixed nights', [h('2026-11-22', 4.5), h('2026-11-21', 5.5), h('2026-11-20', 5), h('2026-11-19', 5)], 20, false],
    ['improved by 0.4 h', [...previous4(4), ...current4(4.4)], 20, true],
    ['improved by 0.5 h', [...previous4(4), ...current4(4.5)], 20, false],
    ['improved by exactly 0.5 h where doubles say 0.4999… (3.6 → 4.1)', [...previous4(3.6), ...current4(4.1)], 20, false],
    ['improved by 1 h', [...previous4(3), ...current4(4)], 20, false],
    ['worse than the week before', [...previous4(6), ...current4(4)], 20, true],
    ['previous window with 3 nights is ignored', [...previous4(3).slice(0, 3), ...current4(4.5)], 20, true],
    ['previous window with 4 nights counts', [...previous4(3), ...current4(4.5)], 20, false],
    [
      'previous window: a night 13 days back counts',
      [...previous4(3).slice(0, 3), h('2026-11-09', 3), ...current4(4.5)],
      20,
      false,
    ],
    [
      'previous window: a night 14 days back does not',
      [...previous4(3).slice(0, 3), h('2026-11-08', 3), ...current4(4.5)],
      20,
      true,
    ],
    ['a long good stretch', [...previous4(7), ...current4(7)], 30, false],
  ];
  it.each(cases)('%s', (_name, history, day, expected) => {
    expect(isPersistent(input(history, day))).toBe(expected);
    expect(evaluateThresholds(input(history, day)).support.includes('persistent')).toBe(expected);
  });
});

describe('evaluateThresholds', () => {
  it('returns nothing for an empty or calm history', () => {
    expect(evaluateThresholds(input([]))).toEqual({ support: [], urgent: [] });
    expect(evaluateThresholds(input([night('2026-11-20'), night('2026-11-21'), night('2026-11-22')]))).toEqual({
      support: [],
      urgent: [],
    });
  });

  it('splits support and urgent, each in table order', () => {
    const history: NightRecord[] = [
      night('2026-11-19', { hours: 2, anxiety: 3 }),
      night('2026-11-20', { hours: 1, anxiety: 4 }),
      night('2026-11-21', { hours: 2.5, anxiety: 5 }),
      night('2026-11-22', { hours: 1, anxiety: 7, flags: ['urge', 'unstable'] }),
    ];
    expect(evaluateThresholds(input(history, 16))).toEqual({
      support: ['no-sleep', 'anxiety-rising', 'persistent'],
      urgent: ['unstable', 'relapse-risk'],
    });
  });

  it('does not depend on the order of the history', () => {
    const history: NightRecord[] = [
      night('2026-11-22', { hours: 1, anxiety: 7, flags: ['cant-function'] }),
      night('2026-11-20', { hours: 1, anxiety: 4 }),
      night('2026-11-21', { hours: 2.5, anxiety: 5 }),
    ];
    const forward = evaluateThresholds(input(history));
    expect(forward).toEqual({ support: ['no-sleep', 'anxiety-rising'], urgent: ['cant-function'] });
    expect(evaluateThresholds(input([...history].reverse()))).toEqual(forward);
  });

  it('ignores records with malformed dates and returns nothing for a malformed today', () => {
    const history = [h('2026-11-22', 1), h('2026-11-21', 2), h('not-a-date', 1), h('2026-02-30', 1)];
    expect(isNoSleep(input(history))).toBe(false);
    expect(evaluateThresholds(input([h('2026-11-22', 1), h('2026-11-21', 1), h('2026-11-20', 1)], 20, 'nope'))).toEqual({
      support: [],
      urgent: [],
    });
  });
});

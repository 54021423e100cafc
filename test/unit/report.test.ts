import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import {
  buildReport,
  dateRuns,
  isReportWindow,
  paperSizeFor,
  type ReportInput,
  type ReportNight,
} from '../../src/domain/report.js';
import type { CheckinFlag, LocalDate } from '../../src/domain/types.js';

const TODAY = '2026-03-31';

function night(daysAgo: number, hours: number | null, extra: Partial<ReportNight> = {}): ReportNight {
  return {
    date: addDays(TODAY, -daysAgo),
    hours,
    quality: 3,
    restlessness: 1,
    anxiety: 4,
    flags: [],
    complete: true,
    wakes: [],
    ...extra,
  };
}

function input(nights: ReportNight[], overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    nights,
    today: TODAY,
    windowDays: 14,
    status: 'stopped',
    lastDoseDate: addDays(TODAY, -20),
    quitDate: null,
    relapseDates: [],
    ...overrides,
  };
}

const ago = (n: number): LocalDate => addDays(TODAY, -n);

describe('paper size by country', () => {
  it.each([
    ['US', 'LETTER'],
    ['CA', 'LETTER'],
    ['MX', 'LETTER'],
    ['us', 'LETTER'],
    ['ES', 'A4'],
    ['GB', 'A4'],
    ['IE', 'A4'],
    ['OTHER', 'A4'],
  ])('%s prints on %s', (country, paper) => {
    expect(paperSizeFor(country)).toBe(paper);
  });
});

describe('report windows', () => {
  it.each([
    [14, true],
    [28, true],
    [30, false],
    [7, false],
  ])('%i nights offered: %s', (n, offered) => {
    expect(isReportWindow(n)).toBe(offered);
  });
});

describe('dateRuns', () => {
  it.each<[string, LocalDate[], { from: LocalDate; to: LocalDate }[]]>([
    ['nothing', [], []],
    ['one date', ['2026-03-05'], [{ from: '2026-03-05', to: '2026-03-05' }]],
    [
      'a run and a single date, unsorted with a repeat',
      ['2026-03-07', '2026-03-05', '2026-03-06', '2026-03-10', '2026-03-06'],
      [
        { from: '2026-03-05', to: '2026-03-07' },
        { from: '2026-03-10', to: '2026-03-10' },
      ],
    ],
    ['across a month end', ['2026-02-28', '2026-03-01'], [{ from: '2026-02-28', to: '2026-03-01' }]],
  ])('%s', (_name, dates, runs) => {
    expect(dateRuns(dates)).toEqual(runs);
  });
});

describe('buildReport rows', () => {
  it('has one row per date of the range, oldest first: logged, missed, and today not yet', () => {
    const data = buildReport(input([night(13, 4), night(2, 5.5, { wakes: ['04:10', '02:30'] }), night(1, 3)]));
    expect(data.rows).toHaveLength(14);
    expect(data.from).toBe(ago(13));
    expect(data.to).toBe(TODAY);
    expect(data.rows.map((r) => r.date)).toEqual(Array.from({ length: 14 }, (_, i) => ago(13 - i)));
    expect(data.rows[0]).toMatchObject({ state: 'logged', hours: 4, day: 7 });
    expect(data.rows[1]).toMatchObject({ state: 'missed', hours: null });
    expect(data.rows[11]).toMatchObject({ state: 'logged', hours: 5.5, wakes: ['02:30', '04:10'] });
    expect(data.rows[13]).toMatchObject({ state: 'not-yet', date: TODAY });
    expect(data.nightsLogged).toBe(3);
  });

  it.each([
    [0, false],
    [2, false],
    [3, true],
  ])('with %i nights in the range, enough for a report: %s', (count, enough) => {
    const nights = Array.from({ length: count }, (_, i) => night(i + 1, 4));
    // Nights before the range do not count.
    nights.push(night(20, 4), night(25, 4));
    expect(buildReport(input(nights)).enough).toBe(enough);
  });

  it('marks a relapse in its row and the range, and counts days from it', () => {
    const data = buildReport(input([night(10, 4), night(5, 2), night(1, 3)], { relapseDates: [ago(5)], lastDoseDate: ago(5), originalLastDoseDate: ago(30) }));
    expect(data.relapses).toEqual([ago(5)]);
    expect(data.rows.find((r) => r.date === ago(5))).toMatchObject({ relapse: true, day: 0 });
    expect(data.rows.find((r) => r.date === ago(10))).toMatchObject({ relapse: false, day: 20 });
    expect(data).toMatchObject({ day: 5, phase: 'peak' });
  });

  it('has no day count while using', () => {
    const data = buildReport(input([night(3, 4), night(2, 4), night(1, 4)], { status: 'using', lastDoseDate: null }));
    expect(data).toMatchObject({ day: null, phase: 'using' });
    expect(data.rows.every((r) => r.day === null)).toBe(true);
  });
});

describe('buildReport averages', () => {
  it('gives this week against last week: hours as /progress, the other answers over nights that have them', () => {
    const nights = [
      // this week: 6, 5 h; quality 4, 2; restlessness 0, (none); anxiety 3, 4
      night(0, 6, { quality: 4, restlessness: 0, anxiety: 3 }),
      night(3, 5, { quality: 2, restlessness: null, anxiety: 4 }),
      // last week: 3, 4, 2 h
      night(7, 3, { quality: 1, restlessness: 3, anxiety: 7 }),
      night(9, 4, { quality: 2, restlessness: 2, anxiety: 6 }),
      night(13, 2, { quality: 1, restlessness: 3, anxiety: 8 }),
    ];
    const data = buildReport(input(nights));
    expect(data.thisWeek).toEqual({ from: ago(6), to: TODAY, nights: 2, hours: 5.5, quality: 3, restlessness: 0, anxiety: 3.5 });
    expect(data.lastWeek).toEqual({ from: ago(13), to: ago(7), nights: 3, hours: 3, quality: 1.3, restlessness: 2.7, anxiety: 7 });
  });

  it('leaves a week without nights empty', () => {
    const data = buildReport(input([night(1, 4), night(2, 4), night(3, 4)]));
    expect(data.lastWeek).toMatchObject({ nights: 0, hours: null, quality: null, restlessness: null, anxiety: null });
  });
});

describe('buildReport support signs, as of each night', () => {
  const short = (daysAgo: number, hours = 2) => night(daysAgo, hours);
  const flagged = (daysAgo: number, flags: CheckinFlag[]) => night(daysAgo, 4, { flags });

  // Day 10 today: too early for `persistent`, so the other rules show on their own.
  const early = { lastDoseDate: ago(10) };
  it.each<[string, ReportNight[], Partial<ReportInput>, { id: string; dates: LocalDate[] }[]]>([
    ['nothing fired', [night(3, 6), night(2, 6), night(1, 6)], early, []],
    [
      'no-sleep on the dates where 3 of the last 4 nights were under 3 h',
      [short(6), short(5), short(4), night(3, 6), night(2, 6), night(1, 6)],
      early,
      [{ id: 'no-sleep', dates: [ago(4), ago(3)] }],
    ],
    [
      'a sign needs its check-in finished: an unfinished night is not a moment a warning was shown',
      [short(6), short(5), night(4, 2, { complete: false }), night(2, 6), night(1, 6)],
      early,
      [],
    ],
    [
      'anxiety-rising from a rise or a 9, urgent flags on their own dates',
      [
        night(6, 5, { anxiety: 3 }),
        night(5, 5, { anxiety: 5 }),
        night(4, 5, { anxiety: 7 }),
        night(2, 5, { anxiety: 9 }),
        flagged(1, ['unstable', 'urge']),
        flagged(0, ['cant-function']),
      ],
      early,
      [
        { id: 'anxiety-rising', dates: [ago(4), ago(2)] },
        { id: 'unstable', dates: [ago(1)] },
        { id: 'cant-function', dates: [TODAY] },
        { id: 'relapse-risk', dates: [ago(1)] },
      ],
    ],
    [
      'persistent reads the two weeks before the range, with each date’s own day count',
      Array.from({ length: 27 }, (_, i) => night(i + 1, 4)),
      { lastDoseDate: ago(20) },
      // Day 14 is ago(6): from then on, 7 nights averaging 4 h, no better than the week before.
      [{ id: 'persistent', dates: [ago(6), ago(5), ago(4), ago(3), ago(2), ago(1)] }],
    ],
  ])('%s', (_name, nights, overrides, expected) => {
    expect(buildReport(input(nights, overrides)).signs).toEqual(expected);
  });
});

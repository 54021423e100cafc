import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { currentPhase } from '../../src/domain/phase.js';
import {
  buildProgress,
  enoughForChart,
  type DayState,
  type PhaseBand,
  type ProgressInput,
  type ProgressNight,
} from '../../src/domain/progress.js';
import type { PhaseId } from '../../src/domain/types.js';

/** Today in every case is 2026-03-31 unless a case says otherwise. today−13 = 03-18, today−29 = 03-02. */
const TODAY = '2026-03-31';
const ago = (n: number, today = TODAY): string => addDays(today, -n);
const n = (date: string, hours: number | null, quality: number | null = 3): ProgressNight => ({ date, hours, quality });

function input(over: Partial<ProgressInput> = {}): ProgressInput {
  return {
    nights: [],
    today: TODAY,
    windowDays: 14,
    status: 'stopped',
    lastDoseDate: '2026-03-01',
    quitDate: null,
    relapseDates: [],
    ...over,
  };
}

/** Nights every date from `agoFrom` down to `agoTo` days ago with the given hours. */
function run(agoFrom: number, agoTo: number, hours: (i: number) => number | null, quality = 3): ProgressNight[] {
  const out: ProgressNight[] = [];
  for (let a = agoFrom, i = 0; a >= agoTo; a--, i++) out.push(n(ago(a), hours(i), quality));
  return out;
}

const bandsOf = (bands: PhaseBand[]) => bands.map((b) => [b.phase, b.from, b.to] as const);

describe('enoughForChart: 0, 1 or 2 nights get a message instead of a chart', () => {
  it.each([
    ['no nights', [], false],
    ['one night', [n('2026-03-30', 4)], false],
    ['two nights', [n('2026-03-30', 4), n('2026-03-31', 0)], false],
    ['three nights, one of 0 h', [n('2026-03-29', 4), n('2026-03-30', 0), n('2026-03-31', 5)], true],
    ['three records, one without hours', [n('2026-03-29', 4), n('2026-03-30', null), n('2026-03-31', 5)], false],
    ['the same date three times', [n('2026-03-31', 4), n('2026-03-31', 5), n('2026-03-31', 6)], false],
  ] as const)('%s → %s', (_name, nights, expected) => {
    expect(enoughForChart(nights)).toBe(expected);
  });

  it('accepts the built days (days without hours do not count)', () => {
    const data = buildProgress(input({ nights: [n(ago(3), 5), n(ago(1), 6)] }));
    expect(enoughForChart(data.days)).toBe(false);
    const more = buildProgress(input({ nights: [n(ago(3), 5), n(ago(2), 4), n(ago(1), 6)] }));
    expect(enoughForChart(more.days)).toBe(true);
  });
});

describe('the window: one entry per date, oldest first, ending at today', () => {
  it.each([
    [14, '2026-03-18'],
    [30, '2026-03-02'],
  ] as const)('%i nights start at %s', (windowDays, from) => {
    const data = buildProgress(input({ windowDays }));
    expect(data.days).toHaveLength(windowDays);
    expect(data.from).toBe(from);
    expect(data.to).toBe(TODAY);
    expect(data.days[0]!.date).toBe(from);
    expect(data.days.at(-1)!.date).toBe(TODAY);
    const dates = data.days.map((d) => d.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('crosses a month and a year end by calendar date', () => {
    const data = buildProgress(input({ today: '2027-01-05', windowDays: 14, lastDoseDate: '2026-12-20' }));
    expect(data.from).toBe('2026-12-23');
    expect(data.days.map((d) => d.date)).toContain('2026-12-31');
    expect(data.days.map((d) => d.date)).toContain('2027-01-01');
  });

  it('30 nights show what 14 leave out, with the same values on shared dates', () => {
    const nights = run(29, 0, (i) => (i % 9) + 0.5);
    const d14 = buildProgress(input({ nights, windowDays: 14 }));
    const d30 = buildProgress(input({ nights, windowDays: 30 }));
    expect(d14.summary.nightsLogged).toBe(14);
    expect(d30.summary.nightsLogged).toBe(30);
    expect(d30.days.slice(16)).toEqual(d14.days);
    expect(d14.summary.thisWeek).toEqual(d30.summary.thisWeek);
  });
});

describe('gaps, today and odd records', () => {
  const cases: ReadonlyArray<readonly [string, ProgressNight[], Record<string, DayState>, Record<string, number | null>]> = [
    [
      'a gap of two past mornings is missed, today without a check-in is not-yet',
      [n(ago(5), 3), n(ago(2), 4), n(ago(1), 5)],
      { [ago(5)]: 'logged', [ago(4)]: 'missed', [ago(3)]: 'missed', [ago(1)]: 'logged', [TODAY]: 'not-yet' },
      { [ago(4)]: null, [ago(5)]: 3 },
    ],
    [
      '0 hours slept is logged, not missed',
      [n(TODAY, 0, 1)],
      { [TODAY]: 'logged' },
      { [TODAY]: 0 },
    ],
    [
      'a partial check-in with quality but no hours is missed',
      [n(ago(1), null, 2)],
      { [ago(1)]: 'missed' },
      { [ago(1)]: null },
    ],
    [
      'records after today are ignored, duplicates: the last one wins',
      [n(addDays(TODAY, 1), 9), n(ago(1), 2), n(ago(1), 6)],
      { [TODAY]: 'not-yet', [ago(1)]: 'logged' },
      { [ago(1)]: 6 },
    ],
  ];

  it.each(cases)('%s', (_name, nights, states, hours) => {
    const data = buildProgress(input({ nights }));
    const byDate = new Map(data.days.map((d) => [d.date, d]));
    for (const [date, state] of Object.entries(states)) expect(byDate.get(date)!.state, date).toBe(state);
    for (const [date, h] of Object.entries(hours)) expect(byDate.get(date)!.hours, date).toBe(h);
  });

  it('keeps quality on logged nights, null when unknown', () => {
    const data = buildProgress(input({ nights: [n(ago(1), 4, 5), n(ago(2), 4, null)] }));
    expect(data.days.at(-2)!.quality).toBe(5);
    expect(data.days.at(-3)!.quality).toBeNull();
  });
});

describe('7-night rolling average: logged nights among the 7 dates ending at each date', () => {
  it.each([
    ['every night 4 h', run(20, 0, () => 4), 0, 4],
    ['4 h and 6 h alternating, 7 nights (4 fours, 3 sixes)', run(6, 0, (i) => (i % 2 === 0 ? 4 : 6)), 0, 4.9],
    ['gaps are skipped, not counted as 0', [n(ago(6), 2), n(ago(3), 6)], 0, 4],
    ['a night 7 dates back is outside', [n(ago(7), 10), n(ago(1), 5)], 0, 5],
    ['nothing in the 7 dates → null', [n(ago(10), 5)], 0, null],
    ['nights before the window feed its first dates', [n(ago(16), 8), n(ago(13), 2)], 13, 5],
    ['today not-yet still has the average of the 6 before', [n(ago(1), 3), n(ago(2), 4)], 0, 3.5],
    ['rounded to 0.1 h (4.5, 4.5, 5 → 4.67)', [n(ago(2), 4.5), n(ago(1), 4.5), n(TODAY, 5)], 0, 4.7],
  ] as const)('%s', (_name, nights, daysAgo, expected) => {
    const data = buildProgress(input({ nights: [...nights] }));
    expect(data.days.find((d) => d.date === ago(daysAgo))!.rollingAverage).toBe(expected);
  });

  it('follows the dates one by one across a gap', () => {
    const data = buildProgress(input({ nights: [n(ago(9), 2), n(ago(8), 4), n(ago(2), 6)] }));
    const last10 = data.days.slice(-10).map((d) => d.rollingAverage);
    // dates ago 9 … 0
    expect(last10).toEqual([2, 3, 3, 3, 3, 3, 3, 5, 6, 6]);
  });
});

describe('this week vs the previous one', () => {
  it.each([
    ['improving', [...run(13, 7, () => 3), ...run(6, 0, () => 5)], 3, 5, 2],
    ['worse', [...run(13, 7, () => 6), ...run(6, 0, () => 4.5)], 6, 4.5, -1.5],
    ['gaps in both weeks average what was logged', [n(ago(12), 2), n(ago(8), 4), n(ago(5), 5), n(ago(0), 6)], 3, 5.5, 2.5],
    ['no previous week → change unknown', [n(ago(3), 5), n(ago(2), 6)], null, 5.5, null],
    ['nothing this week → change unknown', [n(ago(10), 5)], 5, null, null],
  ] as const)('%s', (_name, nights, previous, current, change) => {
    const { summary } = buildProgress(input({ nights: [...nights] }));
    expect(summary.previousWeek.averageHours).toBe(previous);
    expect(summary.thisWeek.averageHours).toBe(current);
    expect(summary.weekChange).toBe(change);
  });

  it('names its dates and counts its nights', () => {
    const { summary } = buildProgress(input({ nights: [n(ago(12), 2), n(ago(8), 4), n(ago(5), 5)], windowDays: 30 }));
    expect(summary.thisWeek).toEqual({ from: ago(6), to: TODAY, nights: 1, averageHours: 5 });
    expect(summary.previousWeek).toEqual({ from: ago(13), to: ago(7), nights: 2, averageHours: 3 });
  });
});

describe('best night', () => {
  it.each([
    ['most hours', [n(ago(3), 5), n(ago(2), 7), n(ago(1), 6)], ago(2)],
    ['a tie goes to the better quality', [n(ago(4), 3), n(ago(3), 7, 4), n(ago(2), 7, 2)], ago(3)],
    ['a full tie goes to the more recent night', [n(ago(4), 3), n(ago(3), 7, 4), n(ago(2), 7, 4)], ago(2)],
    ['only nights in the window count', [n(ago(20), 9), n(ago(2), 5), n(ago(1), 4)], ago(2)],
  ] as const)('%s', (_name, nights, date) => {
    expect(buildProgress(input({ nights: [...nights] })).summary.bestNight?.date).toBe(date);
  });

  it('is null with no nights', () => {
    expect(buildProgress(input()).summary.bestNight).toBeNull();
  });
});

describe('phases on each date and phase bands', () => {
  it('phase changes inside the window: last dose 2026-03-20 (window from 03-18)', () => {
    const data = buildProgress(input({ lastDoseDate: '2026-03-20' }));
    // 03-18, 03-19: before the last dose → no phase; 20–21 onset; 22–25 peak; 26–30 easing; 31 rebuilding.
    expect(data.days[0]!.phase).toBeNull();
    expect(data.days[2]!).toMatchObject({ date: '2026-03-20', phase: 'onset', day: 0 });
    expect(bandsOf(data.bands)).toEqual([
      ['onset', '2026-03-20', '2026-03-21'],
      ['peak', '2026-03-22', '2026-03-25'],
      ['easing', '2026-03-26', '2026-03-30'],
      ['rebuilding', '2026-03-31', '2026-03-31'],
    ]);
    expect(data.bands[0]).toMatchObject({ fromIndex: 2, toIndex: 3 });
    expect(data.summary).toMatchObject({ phase: 'rebuilding', day: 11 });
  });

  it('one band for a window inside a single phase', () => {
    const data = buildProgress(input({ lastDoseDate: '2026-01-01', windowDays: 30 }));
    expect(bandsOf(data.bands)).toEqual([['long-term', '2026-03-02', '2026-03-31']]);
  });

  it('a relapse inside the window restarts the phases from its date and is marked', () => {
    // Original last dose 03-01; used again 03-24 (which is now the last dose in force).
    const data = buildProgress(
      input({ windowDays: 30, lastDoseDate: '2026-03-24', originalLastDoseDate: '2026-03-01', relapseDates: ['2026-03-24'] }),
    );
    expect(data.relapses).toEqual(['2026-03-24']);
    expect(bandsOf(data.bands)).toEqual([
      ['onset', '2026-03-02', '2026-03-02'],
      ['peak', '2026-03-03', '2026-03-06'],
      ['easing', '2026-03-07', '2026-03-11'],
      ['rebuilding', '2026-03-12', '2026-03-23'],
      ['onset', '2026-03-24', '2026-03-25'],
      ['peak', '2026-03-26', '2026-03-29'],
      ['easing', '2026-03-30', '2026-03-31'],
    ]);
    const d = new Map(data.days.map((x) => [x.date, x]));
    expect(d.get('2026-03-23')).toMatchObject({ attempt: 'previous', day: 22 });
    expect(d.get('2026-03-24')).toMatchObject({ attempt: 'previous', day: 0, phase: 'onset' });
    expect(d.get('2026-03-25')).toMatchObject({ attempt: 'current', day: 1 });
    expect(data.summary).toMatchObject({ phase: 'easing', day: 7 });
  });

  it('without the original last dose, dates before the earliest relapse have no phase', () => {
    const data = buildProgress(input({ lastDoseDate: '2026-03-24', relapseDates: ['2026-03-24'] }));
    expect(data.days.filter((d) => d.date < '2026-03-24').every((d) => d.phase === null)).toBe(true);
    expect(data.bands[0]).toMatchObject({ phase: 'onset', from: '2026-03-24' });
  });

  it('relapse dates not yet reflected in lastDoseDate still count, in any order', () => {
    const data = buildProgress(input({ lastDoseDate: '2026-03-01', relapseDates: ['2026-03-28', '2026-03-20'] }));
    expect(data.relapses).toEqual(['2026-03-20', '2026-03-28']);
    const d = new Map(data.days.map((x) => [x.date, x]));
    expect(d.get('2026-03-19')).toMatchObject({ phase: 'rebuilding', day: 18 });
    expect(d.get('2026-03-21')).toMatchObject({ phase: 'onset', day: 1 });
    expect(d.get('2026-03-29')).toMatchObject({ phase: 'onset', day: 1, attempt: 'current' });
  });

  it('a relapse on a day whose phase repeats still starts a new band', () => {
    // last dose 03-20 (onset 20–21); used again 03-21 → onset 21–22.
    const data = buildProgress(input({ lastDoseDate: '2026-03-21', originalLastDoseDate: '2026-03-20', relapseDates: ['2026-03-21'] }));
    expect(bandsOf(data.bands).slice(0, 2)).toEqual([
      ['onset', '2026-03-20', '2026-03-20'],
      ['onset', '2026-03-21', '2026-03-22'],
    ]);
  });

  it('relapses outside the window are not marked but still shape the phases', () => {
    const data = buildProgress(input({ lastDoseDate: '2026-03-05', originalLastDoseDate: '2026-01-01', relapseDates: ['2026-03-05'] }));
    expect(data.relapses).toEqual([]);
    expect(data.days.every((d) => d.attempt === 'previous')).toBe(false);
    expect(bandsOf(data.bands)).toEqual([['rebuilding', '2026-03-18', '2026-03-31']]);
  });

  it('a planning user is preparing before the quit date and in withdrawal from it', () => {
    const data = buildProgress(input({ status: 'planning', lastDoseDate: null, quitDate: '2026-03-29' }));
    expect(bandsOf(data.bands)).toEqual([
      ['preparing', '2026-03-18', '2026-03-28'],
      ['onset', '2026-03-29', '2026-03-30'],
      ['peak', '2026-03-31', '2026-03-31'],
    ]);
  });

  it.each([
    ['using', { status: 'using', lastDoseDate: null }, 'using'],
    ['planning without a quit date', { status: 'planning', lastDoseDate: null, quitDate: null }, null],
    ['stopped without a last-dose date', { status: 'stopped', lastDoseDate: null }, null],
  ] as const)('%s → every date %s', (_name, over, phase) => {
    const data = buildProgress(input({ ...over }));
    expect(new Set(data.days.map((d) => d.phase))).toEqual(new Set([phase]));
    expect(data.bands.length).toBe(phase === null ? 0 : 1);
  });

  it.each([
    ['2026-03-31', 'onset'],
    ['2026-03-28', 'peak'],
    ['2026-03-22', 'easing'],
    ['2026-03-10', 'rebuilding'],
    ['2026-02-20', 'post-acute'],
    ['2025-12-01', 'long-term'],
  ] as const)("today's phase agrees with currentPhase (last dose %s → %s)", (lastDoseDate, phase: PhaseId) => {
    const { summary } = buildProgress(input({ lastDoseDate }));
    const expected = currentPhase({ status: 'stopped', lastDoseDate, quitDate: null }, TODAY);
    expect(summary.phase).toBe(expected.phase);
    expect(summary.phase).toBe(phase);
    expect(summary.day).toBe(expected.day);
  });
});

describe('the span drawn begins at the first check-in, or at day 0 if later (issue 13)', () => {
  it.each([
    // [name, last dose, nights, window, expected first date, expected length]
    ['3 check-ins, quit long ago', '2026-03-01', [n(ago(2), 1), n(ago(1), 1), n(ago(0), 1)], 14, ago(2), 3],
    ['3 check-ins, today not yet', '2026-03-01', [n(ago(3), 2), n(ago(2), 1), n(ago(1), 1)], 14, ago(3), 4],
    ['check-ins from before day 0: start at day 0', '2026-03-28', [n(ago(6), 5), n(ago(2), 1), n(ago(1), 1), n(ago(0), 2)], 14, '2026-03-28', 4],
    ['first check-in older than the window: the whole window', '2026-03-01', [n(ago(20), 5), n(ago(1), 1), n(ago(0), 2)], 14, ago(13), 14],
    ['30-night window, first check-in 16 days ago', '2026-03-01', [n(ago(16), 5), n(ago(1), 1), n(ago(0), 2)], 30, ago(16), 17],
  ] as const)('%s', (_name, lastDoseDate, nights, windowDays, from, length) => {
    const data = buildProgress(input({ lastDoseDate, nights: [...nights], windowDays }));
    expect(data.from).toBe(from);
    expect(data.days[0]!.date).toBe(from);
    expect(data.days).toHaveLength(length);
    // Gaps only inside the span: when it starts at the first check-in, that date is logged.
    if (nights.some((night) => night.date === from)) expect(data.days[0]!.state).toBe('logged');
  });

  it('keeps an earlier attempt in view: day 0 is the earliest one on record', () => {
    const nights = run(12, 0, () => 3);
    const data = buildProgress(
      input({ nights, lastDoseDate: '2026-03-25', originalLastDoseDate: '2026-03-15', relapseDates: ['2026-03-25'] }),
    );
    expect(data.from).toBe(ago(12));
    expect(data.relapses).toEqual(['2026-03-25']);
  });
});

describe('best night', () => {
  it('is left out when every night had the same hours', () => {
    const { summary } = buildProgress(input({ nights: [n(ago(2), 1, 1), n(ago(1), 1, 2), n(ago(0), 1, 1)] }));
    expect(summary.bestNight).toBeNull();
  });
  it('is the night with the most hours when they differ', () => {
    const { summary } = buildProgress(input({ nights: [n(ago(2), 1), n(ago(1), 2.5), n(ago(0), 1)] }));
    expect(summary.bestNight).toMatchObject({ date: ago(1), hours: 2.5 });
  });
});

describe('trend since day 0: the first week after it against this week', () => {
  it.each([
    ['day 30, both weeks logged', '2026-03-01', [...run(29, 23, () => 2), ...run(6, 0, () => 5)], { first: 2, week: 5 }],
    ['day 13: too early (weeks would overlap)', '2026-03-18', run(12, 0, () => 3), null],
    ['first week with 2 nights only', '2026-03-01', [n('2026-03-02', 2), n('2026-03-03', 2), ...run(6, 0, () => 5)], null],
    ['this week with 2 nights only', '2026-03-01', [...run(29, 23, () => 2), n(ago(1), 5), n(ago(0), 5)], null],
  ] as const)('%s', (_name, lastDoseDate, nights, expected) => {
    const { summary } = buildProgress(input({ lastDoseDate, nights: [...nights], windowDays: 30 }));
    if (expected === null) {
      expect(summary.sinceDayZero).toBeNull();
    } else {
      expect(summary.sinceDayZero?.firstWeek.averageHours).toBe(expected.first);
      expect(summary.sinceDayZero?.thisWeek.averageHours).toBe(expected.week);
      expect(summary.sinceDayZero?.firstWeek.from).toBe(addDays(lastDoseDate, 1));
    }
  });

  it('counts from the new day 0 after a relapse', () => {
    // Used again on 03-10: its first week is 03-11 … 03-17.
    const nights = [...run(29, 22, () => 6), ...run(20, 14, () => 1), ...run(6, 0, () => 4)];
    const { summary } = buildProgress(
      input({ nights, windowDays: 30, lastDoseDate: '2026-03-10', originalLastDoseDate: '2026-02-20', relapseDates: ['2026-03-10'] }),
    );
    expect(summary.sinceDayZero?.firstWeek).toMatchObject({ from: '2026-03-11', to: '2026-03-17', averageHours: 1 });
  });
});

describe('empty and short histories', () => {
  it.each([0, 1, 2])('%i nights: nothing breaks', (count) => {
    const nights = run(count - 1, 0, () => 5).slice(0, count);
    const data = buildProgress(input({ nights }));
    expect(data.days).toHaveLength(count === 0 ? 14 : count);
    expect(data.summary.nightsLogged).toBe(count);
    expect(enoughForChart(nights)).toBe(false);
    if (count === 0) {
      expect(data.summary).toMatchObject({ bestNight: null, weekChange: null, sinceDayZero: null });
      expect(data.days.every((d) => d.rollingAverage === null)).toBe(true);
    }
  });
});

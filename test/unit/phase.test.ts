import { describe, expect, it } from 'vitest';
import { currentPhase, phaseForDay, type PhaseInfo, type UserPhaseState } from '../../src/domain/phase.js';

describe('phaseForDay', () => {
  it.each([
    [0, 'onset'],
    [1, 'onset'],
    [2, 'peak'],
    [5, 'peak'],
    [6, 'easing'],
    [10, 'easing'],
    [11, 'rebuilding'],
    [28, 'rebuilding'],
    [29, 'post-acute'],
    [56, 'post-acute'],
    [57, 'long-term'],
    [180, 'long-term'],
    [10_000, 'long-term'],
  ])('day %i is %s', (day, phase) => {
    expect(phaseForDay(day)).toBe(phase);
  });
});

const stopped = (lastDoseDate: string | null): UserPhaseState => ({ status: 'stopped', lastDoseDate, quitDate: null });
const planning = (quitDate: string | null): UserPhaseState => ({ status: 'planning', lastDoseDate: null, quitDate });

describe('currentPhase for a stopped user counts calendar days from the last dose', () => {
  it.each([
    ['2026-01-01', 0, 'onset'],
    ['2026-01-02', 1, 'onset'],
    ['2026-01-03', 2, 'peak'],
    ['2026-01-06', 5, 'peak'],
    ['2026-01-07', 6, 'easing'],
    ['2026-01-11', 10, 'easing'],
    ['2026-01-12', 11, 'rebuilding'],
    ['2026-01-29', 28, 'rebuilding'],
    ['2026-01-30', 29, 'post-acute'],
    ['2026-02-26', 56, 'post-acute'],
    ['2026-02-27', 57, 'long-term'],
    ['2027-02-05', 400, 'long-term'],
  ])('last dose 2026-01-01, today %s → day %i, %s', (today, day, phase) => {
    expect(currentPhase(stopped('2026-01-01'), today)).toEqual<PhaseInfo>({
      phase: phase as PhaseInfo['phase'],
      day,
      daysUntilQuit: null,
      effectiveLastDose: '2026-01-01',
    });
  });

  it('counts across a year end and a DST weekend by calendar date', () => {
    expect(currentPhase(stopped('2025-12-30'), '2026-01-01')).toMatchObject({ phase: 'peak', day: 2 });
    expect(currentPhase(stopped('2026-03-07'), '2026-03-09')).toMatchObject({ phase: 'peak', day: 2 });
  });

  it('treats a last dose in the future (bad data) as day 0 of onset, counted from today', () => {
    expect(currentPhase(stopped('2026-01-05'), '2026-01-01')).toEqual<PhaseInfo>({
      phase: 'onset',
      day: 0,
      daysUntilQuit: null,
      effectiveLastDose: '2026-01-01',
    });
  });

  it('gives onset with an unknown day when the last-dose date is missing', () => {
    expect(currentPhase(stopped(null), '2026-01-01')).toEqual<PhaseInfo>({
      phase: 'onset',
      day: null,
      daysUntilQuit: null,
      effectiveLastDose: null,
    });
  });
});

describe('currentPhase before withdrawal', () => {
  const USING: PhaseInfo = { phase: 'using', day: null, daysUntilQuit: null, effectiveLastDose: null };

  it('keeps a using user in `using` whatever dates are stored', () => {
    const state: UserPhaseState = { status: 'using', lastDoseDate: '2026-01-01', quitDate: '2026-01-03' };
    expect(currentPhase(state, '2026-01-10')).toEqual(USING);
  });

  it('puts a planning user without a quit date in `using` (the "no quit date" row)', () => {
    expect(currentPhase(planning(null), '2026-01-10')).toEqual(USING);
  });

  it.each([
    ['2026-11-12', 7],
    ['2026-11-18', 1],
    ['2025-11-19', 365],
  ])('planning with quit date 2026-11-19, today %s → preparing, %i days to go', (today, days) => {
    expect(currentPhase(planning('2026-11-19'), today)).toEqual<PhaseInfo>({
      phase: 'preparing',
      day: null,
      daysUntilQuit: days,
      effectiveLastDose: null,
    });
  });

  it.each([
    ['2026-11-19', 0, 'onset'],
    ['2026-11-20', 1, 'onset'],
    ['2026-11-22', 3, 'peak'],
    ['2026-12-17', 28, 'rebuilding'],
    ['2027-01-15', 57, 'long-term'],
  ])('planning with quit date 2026-11-19 reached, today %s → day %i, %s, counted from the quit date', (today, day, phase) => {
    expect(currentPhase(planning('2026-11-19'), today)).toEqual<PhaseInfo>({
      phase: phase as PhaseInfo['phase'],
      day,
      daysUntilQuit: null,
      effectiveLastDose: '2026-11-19',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { TIPS, type TipDefinition } from '../../src/content/tips.js';
import { isBoosted, selectTips, tipsForNight, tipsForPhase } from '../../src/domain/tips.js';
import { PHASE_IDS, type NightAnswers, type PhaseId } from '../../src/domain/types.js';

const answers = (a: Partial<NightAnswers> = {}): NightAnswers => ({
  hours: 6,
  quality: 3,
  restlessness: 1,
  anxiety: 2,
  flags: [],
  ...a,
});
const CALM = answers();
const tip = (id: string): TipDefinition => {
  const found = TIPS.find((t) => t.id === id);
  if (!found) throw new Error(`no tip ${id}`);
  return found;
};
const ACUTE: PhaseId[] = ['onset', 'peak', 'easing'];

describe('tip catalogue', () => {
  it('has unique kebab-case ids, each with at least one known phase', () => {
    const ids = TIPS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of TIPS) {
      expect(t.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(t.phases.length).toBeGreaterThan(0);
      expect(new Set(t.phases).size).toBe(t.phases.length);
      for (const phase of t.phases) expect(PHASE_IDS).toContain(phase);
    }
  });

  it.each(PHASE_IDS)('phase %s has at least 4 tips (6 or more, so 3 a day never repeat)', (phase) => {
    expect(tipsForPhase(phase).length).toBeGreaterThanOrEqual(4);
    expect(tipsForPhase(phase).length).toBeGreaterThanOrEqual(6);
  });

  it('covers every fact of PRODUCT.md "Tips"', () => {
    const ids = new Set(TIPS.map((t) => t.id));
    for (const id of [
      'fixed-wake-time',
      'bed-when-sleepy',
      'antihistamine-bridge',
      'melatonin-low-dose',
      'cool-dark-room',
      'no-screens',
      'daytime-movement',
      'exercise-timing',
      'avoid-alcohol-cannabis',
      'lower-expectations',
      'accept-broken-sleep',
      'dont-force-sleep',
      'dont-watch-clock',
      'simple-routine',
      'reduce-stimulation',
      'vivid-dreams',
      'work-flexibility',
      'prescriber',
      'dose-dependent-sleep',
      'sedation-tolerance',
      'rebound-restlessness',
      'dose-timing',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('respects the scope the articles give each fact', () => {
    expect(tip('antihistamine-bridge').phases.sort()).toEqual(['onset', 'peak']);
    expect(tip('antihistamine-bridge').lastNight).toBe(5);
    // Exercise: the articles' weeks 2–8 only (issue 13: it showed after day 56).
    expect(tip('exercise-timing').phases.sort()).toEqual(['post-acute', 'rebuilding']);
    // Melatonin: an anchor in acute withdrawal only.
    expect(tip('melatonin-low-dose').phases.sort()).toEqual([...ACUTE].sort());
    for (const phase of tip('daytime-movement').phases) expect(ACUTE).toContain(phase);
    for (const phase of tip('lower-expectations').phases) expect(ACUTE).toContain(phase);
    expect(tip('vivid-dreams').phases).toEqual(['rebuilding']);
    expect(tip('work-flexibility').phases.sort()).toEqual(['onset', 'preparing']);
    for (const id of ['dose-dependent-sleep', 'sedation-tolerance', 'rebound-restlessness', 'dose-timing']) {
      expect(tip(id).phases, id).toEqual(['using']);
    }
    // Withdrawal advice is not offered while still using.
    const using = tipsForPhase('using').map((t) => t.id);
    for (const id of ['antihistamine-bridge', 'melatonin-low-dose', 'exercise-timing', 'vivid-dreams', 'lower-expectations']) {
      expect(using).not.toContain(id);
    }
    expect(tipsForPhase('using').map((t) => t.id)).toEqual(
      expect.arrayContaining(['dose-dependent-sleep', 'sedation-tolerance', 'rebound-restlessness', 'dose-timing']),
    );
  });

  it('boosts what the answers call for', () => {
    expect(tip('daytime-movement').boost?.restlessnessAtLeast).toBeDefined();
    expect(tip('dont-force-sleep').boost?.anxietyAtLeast).toBeDefined();
    expect(tip('dont-watch-clock').boost?.anxietyAtLeast).toBeDefined();
    expect(tip('lower-expectations').boost?.hoursBelow).toBeDefined();
    expect(tip('accept-broken-sleep').boost?.hoursBelow).toBeDefined();
  });
});

describe('tipsForPhase', () => {
  it('returns exactly the catalogue tips listing the phase, in catalogue order', () => {
    for (const phase of PHASE_IDS) {
      expect(tipsForPhase(phase)).toEqual(TIPS.filter((t) => t.phases.includes(phase)));
    }
    expect(tipsForPhase('peak').map((t) => t.id)).toContain('antihistamine-bridge');
    expect(tipsForPhase('easing').map((t) => t.id)).not.toContain('antihistamine-bridge');
  });
});

describe('tipsForNight: "For tonight" after a check-in on day N is night N + 1', () => {
  it.each([
    ['peak', 5, true],
    ['peak', 6, false],
    ['onset', 1, true],
    ['peak', null, false],
  ] as const)('%s, tonight night %s → antihistamine bridge offered: %s', (phase, tonight, offered) => {
    expect(tipsForNight(phase, tonight).map((t) => t.id).includes('antihistamine-bridge')).toBe(offered);
    for (let seed = 0; seed < 30; seed++) {
      const ids = selectTips({ phase, answers: null, previousTipIds: [], seed: String(seed), tonight, count: 99 });
      expect(ids.includes('antihistamine-bridge')).toBe(offered);
    }
  });
});

describe('isBoosted', () => {
  const cases: ReadonlyArray<readonly [string, string, NightAnswers | null, boolean]> = [
    ['hours 3.5 < 4', 'lower-expectations', answers({ hours: 3.5 }), true],
    ['hours 4 is not < 4', 'lower-expectations', answers({ hours: 4 }), false],
    ['quality 1 (very poor)', 'lower-expectations', answers({ quality: 1 }), true],
    ['quality 2', 'lower-expectations', answers({ quality: 2 }), false],
    ['restlessness 2 (moderate)', 'daytime-movement', answers({ restlessness: 2 }), true],
    ['restlessness 1 (mild)', 'daytime-movement', answers({ restlessness: 1 }), false],
    ['anxiety 6', 'dont-force-sleep', answers({ anxiety: 6 }), true],
    ['anxiety 5', 'dont-force-sleep', answers({ anxiety: 5 }), false],
    ['missing answers never boost', 'dont-force-sleep', answers({ anxiety: null, hours: null }), false],
    ['no check-in', 'dont-force-sleep', null, false],
    ['tip without boost', 'no-screens', answers({ hours: 0, quality: 1, restlessness: 3, anxiety: 10 }), false],
  ];
  it.each(cases)('%s', (_name, id, a, expected) => {
    expect(isBoosted(tip(id), a)).toBe(expected);
  });
});

describe('selectTips', () => {
  it('returns 3 distinct ids from the phase pool by default, or the count asked for', () => {
    for (const phase of PHASE_IDS) {
      const pool = tipsForNight(phase, null).map((t) => t.id);
      const three = selectTips({ phase, answers: null, previousTipIds: [], seed: 's' });
      expect(three).toHaveLength(3);
      expect(new Set(three).size).toBe(3);
      for (const id of three) expect(pool).toContain(id);
      expect(selectTips({ phase, answers: null, previousTipIds: [], seed: 's', count: 2 })).toHaveLength(2);
      expect(selectTips({ phase, answers: null, previousTipIds: [], seed: 's', count: 99 })).toHaveLength(pool.length);
    }
  });

  it('is deterministic for a seed and varies with the seed', () => {
    for (const phase of PHASE_IDS) {
      const a = selectTips({ phase, answers: CALM, previousTipIds: [], seed: 'user-7|2026-11-22' });
      const b = selectTips({ phase, answers: CALM, previousTipIds: [], seed: 'user-7|2026-11-22' });
      expect(b).toEqual(a);
      const seen = new Set<string>();
      for (let i = 0; i < 20; i++) {
        seen.add(selectTips({ phase, answers: CALM, previousTipIds: [], seed: `user-7|${i}` }).join(','));
      }
      expect(seen.size, phase).toBeGreaterThan(1);
    }
  });

  it.each(PHASE_IDS)('never repeats a tip on consecutive days over 14 days (%s)', (phase) => {
    const answerCycle: Array<NightAnswers | null> = [
      null,
      CALM,
      answers({ hours: 1, quality: 1 }),
      answers({ restlessness: 3 }),
      answers({ anxiety: 9 }),
      answers({ hours: 2, quality: 1, restlessness: 3, anxiety: 8 }),
    ];
    for (const user of ['u1', 'u2', 'u3']) {
      let previous: string[] = [];
      const seen = new Set<string>();
      for (let day = 1; day <= 14; day++) {
        const today = selectTips({
          phase,
          answers: answerCycle[day % answerCycle.length] ?? null,
          previousTipIds: previous,
          seed: `${user}|2026-11-${String(day).padStart(2, '0')}`,
        });
        expect(today).toHaveLength(3);
        for (const id of today) expect(previous, `${user} day ${day}`).not.toContain(id);
        for (const id of today) seen.add(id);
        previous = today;
      }
      expect(seen.size).toBeGreaterThanOrEqual(6);
    }
  });

  it('puts boosted tips first', () => {
    for (let i = 0; i < 25; i++) {
      const seed = `seed-${i}`;
      const restless = selectTips({ phase: 'peak', answers: answers({ restlessness: 3 }), previousTipIds: [], seed });
      expect(restless[0]).toBe('daytime-movement');

      const anxious = selectTips({ phase: 'easing', answers: answers({ anxiety: 8 }), previousTipIds: [], seed });
      expect(anxious.slice(0, 2).sort()).toEqual(['dont-force-sleep', 'dont-watch-clock']);

      const short = selectTips({ phase: 'onset', answers: answers({ hours: 1 }), previousTipIds: [], seed });
      expect(short.slice(0, 2).sort()).toEqual(['accept-broken-sleep', 'lower-expectations']);

      const postAcute = selectTips({ phase: 'post-acute', answers: answers({ restlessness: 2 }), previousTipIds: [], seed });
      expect(postAcute[0]).toBe('exercise-timing');
    }
  });

  it('without answers nothing is boosted, so the order is the seeded one', () => {
    const withoutBoost = selectTips({ phase: 'peak', answers: null, previousTipIds: [], seed: 'x', count: 99 });
    const calm = selectTips({ phase: 'peak', answers: CALM, previousTipIds: [], seed: 'x', count: 99 });
    expect(calm).toEqual(withoutBoost);
    const restless = selectTips({ phase: 'peak', answers: answers({ restlessness: 3 }), previousTipIds: [], seed: 'x', count: 99 });
    expect(restless[0]).toBe('daytime-movement');
    expect(restless.slice(1)).toEqual(withoutBoost.filter((id) => id !== 'daytime-movement'));
  });

  it("a boosted tip shown yesterday gives way while the pool has others", () => {
    const today = selectTips({
      phase: 'peak',
      answers: answers({ restlessness: 3 }),
      previousTipIds: ['daytime-movement', 'no-screens', 'fixed-wake-time'],
      seed: 'any',
    });
    expect(today).toHaveLength(3);
    expect(today).not.toContain('daytime-movement');
  });

  it('reuses previous tips only when the pool is too small, boosted first', () => {
    const pool = tipsForPhase('using').map((t) => t.id);
    const [onlyFresh, ...rest] = pool as [string, ...string[]];
    const today = selectTips({ phase: 'using', answers: null, previousTipIds: rest, seed: 'small' });
    expect(today).toHaveLength(3);
    expect(today).toContain(onlyFresh);
    expect(new Set(today).size).toBe(3);

    const peak = tipsForPhase('peak').map((t) => t.id);
    const allButTwo = peak.filter((id) => id !== 'no-screens' && id !== 'cool-dark-room');
    const filled = selectTips({ phase: 'peak', answers: answers({ restlessness: 3 }), previousTipIds: allButTwo, seed: 'fill' });
    // Both fresh tips, then the boosted repeat; listed boosted first.
    expect(filled[0]).toBe('daytime-movement');
    expect(filled.slice(1).sort()).toEqual(['cool-dark-room', 'no-screens']);
  });

  it('ignores previous ids that are not in the pool', () => {
    const a = selectTips({ phase: 'peak', answers: null, previousTipIds: ['vivid-dreams', 'nonsense'], seed: 'k' });
    const b = selectTips({ phase: 'peak', answers: null, previousTipIds: [], seed: 'k' });
    expect(a).toEqual(b);
  });
});

/**
 * Picks the 2–3 tips of a check-in reply (or `/tips`). Pure and deterministic: the same
 * input always gives the same ids; variety comes from the caller's `seed` (for example
 * the user id and the local date), never from Math.random.
 *
 * Order of preference:
 * 1. tips not shown last time (`previousTipIds`) — the same tip is never shown two days
 *    running while the phase's pool has enough others to fill the count;
 * 2. within that, tips boosted by last night's answers;
 * 3. within that, a seeded hash of the tip id (ties broken by id).
 * Only when the pool is too small are previous tips reused, boosted first. The result is
 * listed boosted tips first, then in seeded order.
 */
import { TIPS, type TipDefinition } from '../content/tips.js';
import type { NightAnswers, PhaseId } from './types.js';

export const DEFAULT_TIP_COUNT = 3;

export interface SelectTipsInput {
  phase: PhaseId;
  /** Last night's answers; null when there is no check-in (e.g. `/tips`). */
  answers: NightAnswers | null;
  /** The ids shown last time (yesterday's tips). */
  previousTipIds: readonly string[];
  /** Any string; the same seed gives the same selection. */
  seed: string;
  /** How many to return; default 3, never more than the phase's pool. */
  count?: number;
  /**
   * The night the tips are for ("For tonight": a check-in on day N gives tips for night N + 1);
   * tips with a `lastNight` before it are left out. Null or absent: no night limit applies
   * except that tips limited to early nights are left out when the night is unknown.
   */
  tonight?: number | null;
  /** Tips left out of the pool (e.g. ones that do not fit the hour). */
  exclude?: readonly string[];
}

/** The phase's pool, in catalogue order. */
export function tipsForPhase(phase: PhaseId): TipDefinition[] {
  return TIPS.filter((tip) => tip.phases.includes(phase));
}

/** True when at least one of the tip's boost conditions matches the answers. */
export function isBoosted(tip: TipDefinition, answers: NightAnswers | null): boolean {
  const boost = tip.boost;
  if (!boost || !answers) return false;
  const { hours, quality, restlessness, anxiety } = answers;
  return (
    (boost.hoursBelow !== undefined && hours !== null && hours < boost.hoursBelow) ||
    (boost.qualityAtMost !== undefined && quality !== null && quality <= boost.qualityAtMost) ||
    (boost.restlessnessAtLeast !== undefined && restlessness !== null && restlessness >= boost.restlessnessAtLeast) ||
    (boost.anxietyAtLeast !== undefined && anxiety !== null && anxiety >= boost.anxietyAtLeast)
  );
}

/** The phase's pool for a given night: tips whose `lastNight` has passed are left out. */
export function tipsForNight(phase: PhaseId, tonight: number | null | undefined): TipDefinition[] {
  return tipsForPhase(phase).filter(
    (tip) => tip.lastNight === undefined || (tonight !== null && tonight !== undefined && tonight <= tip.lastNight),
  );
}

export function selectTips(input: SelectTipsInput): string[] {
  const pool = tipsForNight(input.phase, input.tonight).filter((tip) => !input.exclude?.includes(tip.id));
  const wanted = Math.max(0, Math.min(Math.floor(input.count ?? DEFAULT_TIP_COUNT), pool.length));
  const previous = new Set(input.previousTipIds);

  const ranked = pool
    .map((tip) => ({
      id: tip.id,
      boosted: isBoosted(tip, input.answers),
      key: hash32(`${input.seed}\u0000${tip.id}`),
    }))
    .sort(byBoostThenKey);

  const fresh = ranked.filter((tip) => !previous.has(tip.id));
  const repeats = ranked.filter((tip) => previous.has(tip.id));
  return [...fresh, ...repeats]
    .slice(0, wanted)
    .sort(byBoostThenKey)
    .map((tip) => tip.id);
}

interface Ranked {
  id: string;
  boosted: boolean;
  key: number;
}

function byBoostThenKey(a: Ranked, b: Ranked): number {
  if (a.boosted !== b.boosted) return a.boosted ? -1 : 1;
  if (a.key !== b.key) return a.key - b.key;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** FNV-1a, 32 bit: small, fast and stable across platforms. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

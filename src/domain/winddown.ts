import type { PhaseId } from './types.js';

/**
 * The evening wind-down's checklist items. Words live in `locales/<lang>/reminders.ftl` under
 * `winddown-item-<id>`; facts come from the two source articles.
 */
export const WIND_DOWN_ITEMS = [
  'screens-off',
  'cool-dark-room',
  'melatonin-timing',
  'antihistamine-bridge',
  'rest-counts',
  'bed-when-sleepy',
  'no-vigorous-exercise',
] as const;
export type WindDownItem = (typeof WIND_DOWN_ITEMS)[number];

/** The acute phases: falling and staying asleep is hardest, and rest has to count. */
const ACUTE: readonly PhaseId[] = ['onset', 'peak', 'easing'];

/** The OTC antihistamine bridge is for the first 3–5 nights only (tolerance within a week). */
export const LAST_BRIDGE_NIGHT = 5;
/** Week 2 begins with night 8: from then on the articles' post-acute exercise advice applies. */
export const FIRST_EXERCISE_CAUTION_NIGHT = 8;

/**
 * The three things to do tonight, chosen for the phase. `night` is tonight's number, counted so
 * that the night after the last dose is night 1 (it ends on the morning of day 1); null while
 * the user is not in withdrawal or the count is unknown.
 *
 * The first three that apply, in this order of priority:
 * 1. screens off — every phase; it is the one step that is "now";
 * 2. the antihistamine bridge — nights 1–5 only, as information to check with a pharmacist;
 * 3. rest counts, and go to bed when sleepy — the acute phases;
 * 4. no vigorous exercise now — from week 2 on (night 8+), the articles' weeks 2–8;
 * 5. melatonin timing — the acute phases only ("a circadian anchor during acute withdrawal"),
 *    so never while using, preparing or in the long-term phase;
 * 6. a cool, dark room — every phase;
 * 7. go to bed when sleepy, not by the clock — every phase (the acute phases say it in 3).
 */
export function windDownChecklist(phase: PhaseId, night: number | null): [WindDownItem, WindDownItem, WindDownItem] {
  const inWithdrawal = night !== null && phase !== 'using' && phase !== 'preparing';
  const acute = ACUTE.includes(phase);
  const candidates: [WindDownItem, boolean][] = [
    ['screens-off', true],
    ['antihistamine-bridge', (phase === 'onset' || phase === 'peak') && inWithdrawal && night >= 1 && night <= LAST_BRIDGE_NIGHT],
    ['rest-counts', acute],
    ['no-vigorous-exercise', inWithdrawal && night >= FIRST_EXERCISE_CAUTION_NIGHT],
    ['melatonin-timing', acute],
    ['cool-dark-room', true],
    ['bed-when-sleepy', !acute],
  ];
  const chosen = candidates.filter(([, applies]) => applies).map(([item]) => item);
  return [chosen[0]!, chosen[1]!, chosen[2]!];
}

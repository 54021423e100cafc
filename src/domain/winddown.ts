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
  'no-vigorous-exercise',
] as const;
export type WindDownItem = (typeof WIND_DOWN_ITEMS)[number];

/** The articles' acute window: falling and staying asleep is hardest, and rest has to count. */
const ACUTE: readonly PhaseId[] = ['onset', 'peak', 'easing'];

/** The OTC antihistamine bridge is for the first 3–5 nights only (tolerance within about a week). */
const LAST_BRIDGE_NIGHT = 5;

/**
 * The three things to do tonight, chosen for the phase. `night` is tonight's number, counted so
 * that the night after the last dose is night 1 (it ends on the morning of day 1); null while
 * the user is not in withdrawal or the count is unknown.
 *
 * Screens off comes first in every phase: it is the one step that is "now". Then:
 * - acute phases: "rest counts even without sleep", and the antihistamine bridge on nights 1–5
 *   (or a cool, dark room after that, when sweats and early waking still break nights);
 * - easing: melatonin timing, as falling asleep starts to come back;
 * - post-acute: no vigorous exercise now (exercise belongs in the morning or early afternoon);
 * - otherwise: a cool, dark room and melatonin timing.
 */
export function windDownChecklist(phase: PhaseId, night: number | null): [WindDownItem, WindDownItem, WindDownItem] {
  const bridgeNight = night !== null && night >= 1 && night <= LAST_BRIDGE_NIGHT;
  if (phase === 'onset' || phase === 'peak') {
    return ['screens-off', bridgeNight ? 'antihistamine-bridge' : 'cool-dark-room', 'rest-counts'];
  }
  if (ACUTE.includes(phase)) return ['screens-off', 'melatonin-timing', 'rest-counts'];
  if (phase === 'post-acute') return ['screens-off', 'no-vigorous-exercise', 'cool-dark-room'];
  return ['screens-off', 'cool-dark-room', 'melatonin-timing'];
}

/**
 * The sleep-tip catalogue, as data. Texts live in `locales/<lang>/tips.ftl` under
 * `tip-<id>`; facts come from the two source articles in `../shared/seeds/`.
 *
 * Phase scope follows the articles:
 * - acute = onset (days 0–1), peak (2–5), easing (6–10): the articles' acute window is
 *   days 3–10; gentle daytime movement, lowering expectations and "don't fight it" tips;
 * - the antihistamine bridge only where nights 1–5 fall (onset, peak), and only for a night
 *   up to 5 (`lastNight`: a check-in on day 5 gives tips for night 6): first 3–5 nights,
 *   tolerance within a week of nightly use;
 * - melatonin in the acute phases only ("a circadian anchor during the disruption of acute
 *   withdrawal");
 * - timed exercise for the post-acute weeks 2–8 (rebuilding, post-acute) only: the articles
 *   say nothing about exercise after week 8;
 * - vivid dreams for weeks 2–4 (rebuilding);
 * - work flexibility for days 3–7, arranged ahead (preparing) or at once (onset);
 * - the using phase gets the facts about dose-dependent sleep instead of withdrawal tips.
 *
 * `boost` lists answers that make a tip more relevant to last night (any one matching is
 * enough); boosted tips are shown first.
 */
import type { PhaseId } from '../domain/types.js';

export interface TipDefinition {
  /** Stable kebab-case id; the locale key is `tip-<id>`. */
  id: string;
  phases: PhaseId[];
  /** The last night (night N ends on the morning of day N) the tip fits; none = no limit. */
  lastNight?: number;
  boost?: {
    /** Last night's hours strictly below this. */
    hoursBelow?: number;
    /** Sleep quality (1 very poor … 5 very good) at most this. */
    qualityAtMost?: number;
    /** Restlessness (0 none … 3 severe) at least this. */
    restlessnessAtLeast?: number;
    /** Anxiety (0–10) at least this. */
    anxietyAtLeast?: number;
  };
}

const ALL: PhaseId[] = ['using', 'preparing', 'onset', 'peak', 'easing', 'rebuilding', 'post-acute', 'long-term'];
const WITHDRAWAL: PhaseId[] = ['onset', 'peak', 'easing', 'rebuilding', 'post-acute', 'long-term'];
const ACUTE: PhaseId[] = ['onset', 'peak', 'easing'];

/** Very short or very poor night. */
const SHORT_NIGHT = { hoursBelow: 4, qualityAtMost: 1 } as const;
/** Moderate or severe restlessness. */
const RESTLESS = { restlessnessAtLeast: 2 } as const;
/** Anxiety at the level the support threshold watches. */
const ANXIOUS = { anxietyAtLeast: 6 } as const;

export const TIPS: readonly TipDefinition[] = [
  // Sleep schedule — the single most evidence-based step.
  { id: 'fixed-wake-time', phases: ALL },
  { id: 'bed-when-sleepy', phases: WITHDRAWAL },

  // Over-the-counter and supplements: information to check with a pharmacist.
  { id: 'antihistamine-bridge', phases: ['onset', 'peak'], lastNight: 5 },
  { id: 'melatonin-low-dose', phases: ACUTE },

  // Environment and evening.
  { id: 'cool-dark-room', phases: ALL },
  { id: 'no-screens', phases: ALL },
  { id: 'simple-routine', phases: ['preparing', ...WITHDRAWAL] },
  { id: 'reduce-stimulation', phases: ['onset', 'peak', 'easing', 'rebuilding'] },
  { id: 'avoid-alcohol-cannabis', phases: ['preparing', ...WITHDRAWAL] },

  // Movement: gentle in the acute days, timed exercise from week 2 on.
  { id: 'daytime-movement', phases: ACUTE, boost: RESTLESS },
  { id: 'exercise-timing', phases: ['rebuilding', 'post-acute'], boost: RESTLESS },

  // Mindset for broken nights.
  { id: 'lower-expectations', phases: ACUTE, boost: SHORT_NIGHT },
  { id: 'accept-broken-sleep', phases: ACUTE, boost: SHORT_NIGHT },
  { id: 'dont-force-sleep', phases: WITHDRAWAL, boost: ANXIOUS },
  { id: 'dont-watch-clock', phases: ['onset', 'peak', 'easing', 'rebuilding', 'post-acute'], boost: ANXIOUS },
  { id: 'wired-but-exhausted', phases: ACUTE },
  { id: 'dont-let-it-decide', phases: ['onset', 'peak', 'easing', 'rebuilding'] },

  // What to expect.
  { id: 'expect-hard-nights', phases: ['preparing'] },
  { id: 'work-flexibility', phases: ['preparing', 'onset'] },
  { id: 'sleep-lags-behind', phases: ['easing', 'rebuilding', 'post-acute'] },
  { id: 'vivid-dreams', phases: ['rebuilding'] },
  { id: 'recovery-takes-months', phases: ['post-acute', 'long-term'] },

  // When it is severe.
  { id: 'prescriber', phases: ['peak', 'easing', 'rebuilding', 'post-acute', 'long-term'] },

  // Still using: how kratom and sleep interact over time.
  { id: 'dose-dependent-sleep', phases: ['using'] },
  { id: 'sedation-tolerance', phases: ['using'] },
  { id: 'rebound-restlessness', phases: ['using'] },
  { id: 'dose-timing', phases: ['using'] },
];

/**
 * Where every number in the locale files comes from (issue 13). A number a user reads is a
 * fact, and the facts come from the two source articles (`../shared/seeds/`) or, for the
 * bot's own scales, resources and settings, from PRODUCT.md — never from us.
 *
 * `test/unit/numbers-allowlist.test.ts` lists every number in every message of both locales
 * and checks each against this list; it also checks that each quote is word for word in its
 * source and holds the numbers it vouches for. A new number in a message therefore needs an
 * entry here, with its sentence.
 *
 * - `article`: a sentence of the source articles (seeds/*.txt), quoted exactly.
 * - `product`: a line of PRODUCT.md (the bot's scales, buttons and verified resources); a
 *   scale's numbers are allowed only in the messages listed in `keys`, so "4" from "4h30"
 *   cannot vouch for a "4 h" anywhere else.
 * - `setting`: a constant of the code, checked against its value (e.g. nights before a chart).
 * - `example`: not a fact — a sample of what to type or a clock's range — and allowed only in
 *   the messages listed in `keys`.
 */
import { MIN_NIGHTS_FOR_CHART } from '../domain/progress.js';

export type NumberSource =
  | { from: 'article'; numbers: string[]; quote: string }
  | { from: 'product'; numbers: string[]; quote: string; keys?: string[] }
  | { from: 'setting'; numbers: string[]; name: string; value: number }
  | { from: 'example'; numbers: string[]; why: string; keys: string[] };

export const NUMBER_SOURCES: readonly NumberSource[] = [
  // ——— the articles ———
  { from: 'article', numbers: ['2', '5'], quote: 'Days 2–5: Peak insomnia for most users.' },
  { from: 'article', numbers: ['3', '7'], quote: 'any schedule flexibility for days 3–7, it is worth doing.' },
  { from: 'article', numbers: ['3', '5'], quote: 'Use them for the first 3–5 nights if needed' },
  { from: 'article', numbers: ['0.5', '1'], quote: 'Melatonin at 0.5–1mg taken 1 hour before intended sleep is a circadian timing signal, not a sedative.' },
  { from: 'article', numbers: ['18', '19', '65', '67'], quote: 'A cool room (around 18–19°C / 65–67°F) supports sleep onset' },
  { from: 'article', numbers: ['60'], quote: 'No screens 60 minutes before bed.' },
  { from: 'article', numbers: ['2', '8'], quote: 'It is particularly effective for the post-acute sleep disruption phase (weeks 2–8).' },
  { from: 'article', numbers: ['3'], quote: 'vigorous exercise within 3 hours of sleep can be counterproductive.' },
  { from: 'article', numbers: ['3', '6'], quote: 'For long-term heavy users, full sleep architecture recovery may take 3–6 months.' },
  { from: 'article', numbers: ['2'], quote: 'or persisting beyond 2 weeks without improvement — a prescriber conversation is warranted.' },

  // ——— PRODUCT.md: the check-in's scales and buttons ———
  { from: 'product', numbers: ['0', '16'], quote: 'hours, 0–16', keys: ['checkin-hours-range'] },
  { from: 'product', numbers: ['4.5', '4', '30'], quote: 'typed `4.5`, `4h30`, `4:30` also accepted', keys: ['checkin-q-hours-expected'] },
  { from: 'product', numbers: ['1', '5'], quote: '`Very poor` `Poor` `Fair` `Good` `Very good` | 1–5', keys: ['checkin-quality-range'] },
  { from: 'product', numbers: ['0', '3'], quote: '`None` `Mild` `Moderate` `Severe` | 0–3', keys: ['checkin-restless-range', 'report-col-restless', 'report-avg-restless'] },
  { from: 'product', numbers: ['0', '10'], quote: 'Anxiety right now, 0–10?', keys: ['checkin-q-anxiety', 'checkin-q-anxiety-expected', 'checkin-anxiety-range', 'checkin-summary-anxiety', 'report-col-anxiety', 'report-avg-anxiety'] },
  { from: 'product', numbers: ['1'], quote: '`Remind me in 1 hour`', keys: ['reminder-button-later'] },
  { from: 'product', numbers: ['7'], quote: 'What is normal in this phase and the last 7 nights are one tap away', keys: ['checkin-button-week', 'checkin-glance-title', 'checkin-glance-title-empty', 'progress-chart-average', 'weekly-keep'] },
  // ——— PRODUCT.md: verified resources (help.ftl; numbers themselves live in src/content/resources.ts) ———
  { from: 'product', numbers: ['988', '24', '7', '2'], quote: 'call or text 988, chat at 988lifeline.org, 24/7, press 2 for Spanish.' },
  { from: 'product', numbers: ['24', '7', '365'], quote: 'free, confidential, 24/7/365, English and Spanish' },
  { from: 'product', numbers: ['9', '8'], quote: '9-8-8 Suicide Crisis Helpline — call or text 988, 24/7,', keys: ['crisis-line-ca', 'resource-ca-988'] },

  // ——— settings of the code ———
  { from: 'setting', numbers: ['3'], name: 'MIN_NIGHTS_FOR_CHART', value: MIN_NIGHTS_FOR_CHART },

  // ——— examples of what to type, and the clock ———
  {
    from: 'example',
    numbers: ['2026', '11', '19', '12', '01', '3', '5', '2'],
    why: 'sample dates to type ("2026-11-19", "3 days ago", "in 5 days")',
    keys: ['onboarding-lastdose-question', 'onboarding-lastdose-expected', 'onboarding-quit-question', 'onboarding-quit-expected', 'used-date-question', 'used-date-expected'],
  },
  {
    from: 'example',
    numbers: ['7', '30', '08', '00', '22', '9'],
    why: 'sample times to type ("7:30", "08:00", "22:00", "9:30pm")',
    keys: ['onboarding-morning-question', 'onboarding-morning-expected', 'onboarding-evening-expected'],
  },
  { from: 'example', numbers: ['5'], why: 'a sample UTC offset to type ("UTC-5")', keys: ['onboarding-timezone-question', 'onboarding-timezone-expected'] },
  { from: 'example', numbers: ['0', '23', '59'], why: 'the range of a clock', keys: ['time-out-of-range'] },
];

/**
 * Renders the sample /progress charts committed in docs/ (issue 13: look at them):
 * - docs/progress-3-nights.png: a new user's first 3 check-ins, all 1 h (no "best night");
 * - docs/progress-14-nights.png: two weeks since the first check-in, one missed morning;
 * - docs/progress-30-nights-relapse.png (and -es): 30 nights with missed mornings and a
 *   relapse (/used) on night 12.
 *
 *   npm run sample-chart                          → all of the above
 *   npm run sample-chart -- es /tmp/es.png 14     → one chart: language, path, window (14|30)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createI18n } from '../src/bot/i18n.js';
import { chartLabels } from '../src/bot/messages/progress.js';
import { renderProgressChart } from '../src/chart/progress-chart.js';
import { addDays } from '../src/domain/dates.js';
import { buildProgress, type ProgressNight } from '../src/domain/progress.js';

/** The bot's own labels, from locales/, so the sample shows exactly what users see. */
const i18n = createI18n('en');
const labelsFor = (lang: 'en' | 'es', windowDays: number) => chartLabels((key, vars) => i18n.t(lang, key, vars), windowDays);

const SAMPLE_TODAY = '2026-03-31';
/** First quit: last dose 2026-02-20. Used again on 2026-03-13 (night 12 of the window). */
const SAMPLE_ORIGINAL_LAST_DOSE = '2026-02-20';
const SAMPLE_RELAPSE = '2026-03-13';

/** [hours, quality] from 2026-02-18 to 2026-03-31; null = missed morning. */
const HISTORY: ReadonlyArray<readonly [number, number] | null> = [
  // 02-18 … 03-01: the end of the first attempt's peak and easing, before the window
  [3, 2], [2.5, 1], [3.5, 2], [1, 1], [2, 1], [0.5, 1], [2.5, 2], [3, 2], [3.5, 2], [4, 2], [3.5, 2], [4, 3],
  // 03-02 … 03-12: easing into rebuilding, two missed mornings (03-07, 03-08)
  [4, 2], [4.5, 3], [5, 3], [4.5, 3], [5.5, 3], null, null, [5, 3], [4, 2], [3.5, 2], [3, 2],
  // 03-13 used again; 03-13 … 03-18 onset and peak
  [3, 2], [3, 2], [2, 1], [1.5, 1], [0, 1], [2, 1],
  // 03-19 … 03-31: a missed morning, then easing and rebuilding
  null, [3, 2], [3.5, 2], [4, 3], [3.5, 2], [4.5, 3], [5, 3], [4.5, 3], [5.5, 4], [6, 4], [5, 3], [6.5, 4], [6, 5],
];

function sampleNights(): ProgressNight[] {
  const start = addDays(SAMPLE_TODAY, -(HISTORY.length - 1));
  return HISTORY.flatMap((entry, i) => (entry ? [{ date: addDays(start, i), hours: entry[0], quality: entry[1] }] : []));
}

function write(out: string, png: Buffer, summary: unknown): void {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, png);
  console.log(`${out}: ${png.length} bytes`);
  console.log(JSON.stringify(summary));
}

/** A new user: last dose 12 days ago, first check-in 3 mornings ago, three 1-hour nights. */
function threeNights(lang: 'en' | 'es', out: string): void {
  const nights = [2, 1, 0].map((ago) => ({ date: addDays(SAMPLE_TODAY, -ago), hours: 1, quality: 1 }));
  const data = buildProgress({
    nights,
    today: SAMPLE_TODAY,
    windowDays: 14,
    status: 'stopped',
    lastDoseDate: addDays(SAMPLE_TODAY, -12),
    quitDate: null,
    relapseDates: [],
  });
  write(out, renderProgressChart(data, labelsFor(lang, data.days.length)), data.summary);
}

/** Two weeks of check-ins since the first one (day 3 to day 16), one missed morning. */
function fourteenNights(lang: 'en' | 'es', out: string): void {
  const hours = [1, 2, 0.5, 2.5, 3, 3.5, null, 4, 3.5, 4.5, 5, 4.5, 5.5, 5];
  const nights = hours.flatMap((h, i) => (h === null ? [] : [{ date: addDays(SAMPLE_TODAY, i - 13), hours: h, quality: Math.min(5, Math.max(1, Math.round(h / 1.4))) }]));
  const data = buildProgress({
    nights,
    today: SAMPLE_TODAY,
    windowDays: 14,
    status: 'stopped',
    lastDoseDate: addDays(SAMPLE_TODAY, -16),
    quitDate: null,
    relapseDates: [],
  });
  write(out, renderProgressChart(data, labelsFor(lang, data.days.length)), data.summary);
}

function main(): void {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    threeNights('en', 'docs/progress-3-nights.png');
    fourteenNights('en', 'docs/progress-14-nights.png');
    thirtyNights('en', 'docs/progress-30-nights-relapse.png', '30');
    thirtyNights('es', 'docs/progress-30-nights-relapse-es.png', '30');
    return;
  }
  const [lang = 'en', out = 'docs/progress-30-nights-relapse.png', windowArg = '30'] = args;
  if (lang !== 'en' && lang !== 'es') throw new Error(`language must be en or es, not ${lang}`);
  thirtyNights(lang, out, windowArg);
}

function thirtyNights(lang: 'en' | 'es', out: string, windowArg: string): void {
  const windowDays = windowArg === '14' ? 14 : 30;
  const data = buildProgress({
    nights: sampleNights(),
    today: SAMPLE_TODAY,
    windowDays,
    status: 'stopped',
    lastDoseDate: SAMPLE_RELAPSE,
    originalLastDoseDate: SAMPLE_ORIGINAL_LAST_DOSE,
    quitDate: null,
    relapseDates: [SAMPLE_RELAPSE],
  });
  write(out, renderProgressChart(data, labelsFor(lang, data.days.length)), data.summary);
}

main();

/**
 * Renders the sample /progress chart committed as docs/progress-sample.png: a realistic
 * 30-night history with missed mornings and a relapse (/used) on night 12.
 *
 *   npm run sample-chart                       → docs/progress-sample.png (English)
 *   npm run sample-chart -- es /tmp/es.png     → Spanish labels, any path
 *   npm run sample-chart -- en out.png 14      → the 14-night window
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

function main(): void {
  const [lang = 'en', out = 'docs/progress-sample.png', windowArg = '30'] = process.argv.slice(2);
  if (lang !== 'en' && lang !== 'es') throw new Error(`language must be en or es, not ${lang}`);
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
  const png = renderProgressChart(data, labelsFor(lang, windowDays));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, png);
  console.log(`${out}: ${png.length} bytes`);
  console.log(JSON.stringify(data.summary));
}

main();

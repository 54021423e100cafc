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
import { renderProgressChart, type ProgressChartLabels } from '../src/chart/progress-chart.js';
import { addDays } from '../src/domain/dates.js';
import { buildProgress, type ProgressNight } from '../src/domain/progress.js';

/** Mirrors the locale keys the bot will use (phase-*-name, checkin-quality-*, progress-chart-*). */
const SAMPLE_LABELS: Record<'en' | 'es', (windowDays: number) => ProgressChartLabels> = {
  en: (windowDays) => ({
    title: `Your sleep, last ${windowDays} nights`,
    hoursAxis: 'Hours slept',
    qualityLegend: 'Sleep quality',
    quality: ['Very poor', 'Poor', 'Fair', 'Good', 'Very good'],
    qualityUnknown: 'Not rated',
    average: '7-night average',
    missed: 'No entry',
    relapse: 'Used again',
    phases: {
      using: 'Still using',
      preparing: 'Getting ready',
      onset: 'First days',
      peak: 'Peak',
      easing: 'Easing',
      rebuilding: 'Rebuilding',
      'post-acute': 'Post-acute',
      'long-term': 'Long-term',
    },
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    dateFormat: '{mon} {d}',
    decimalSeparator: '.',
  }),
  es: (windowDays) => ({
    title: `Tu sueño, últimas ${windowDays} noches`,
    hoursAxis: 'Horas dormidas',
    qualityLegend: 'Calidad del sueño',
    quality: ['Muy mala', 'Mala', 'Regular', 'Buena', 'Muy buena'],
    qualityUnknown: 'Sin calificar',
    average: 'Promedio de 7 noches',
    missed: 'Sin registro',
    relapse: 'Volví a consumir',
    phases: {
      using: 'Aún consumes',
      preparing: 'Preparación',
      onset: 'Primeros días',
      peak: 'Pico',
      easing: 'Alivio',
      rebuilding: 'Reconstrucción',
      'post-acute': 'Post-aguda',
      'long-term': 'Largo plazo',
    },
    months: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
    dateFormat: '{d} {mon}',
    decimalSeparator: ',',
  }),
};

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
  const png = renderProgressChart(data, SAMPLE_LABELS[lang](windowDays));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, png);
  console.log(`${out}: ${png.length} bytes`);
  console.log(JSON.stringify(data.summary));
}

main();

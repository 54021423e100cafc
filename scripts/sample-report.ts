/**
 * Makes the sample /report committed as docs/report-sample.pdf (and its page as
 * docs/report-sample.png): a 28-night history with missed mornings, a relapse (/used) on
 * 2026-03-13 and the support signs that history sets off. It goes through the bot's own path —
 * a real SQLite file written by the bot's stores, then `makeReport` — so the sample is exactly
 * what a user would be sent.
 *
 *   npm run sample-report                               → docs/report-sample.pdf (English, Letter)
 *   npm run sample-report -- es /tmp/es.pdf ES 14       → Spanish, A4 (country ES), 14 nights
 *
 * When poppler's `pdftoppm` is installed, the page is also rendered next to the PDF as a PNG.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createI18n } from '../src/bot/i18n.js';
import { addDays } from '../src/domain/dates.js';
import { isReportWindow } from '../src/domain/report.js';
import type { CheckinFlag } from '../src/domain/types.js';
import { makeReport } from '../src/report/make-report.js';
import { CheckinStore } from '../src/storage/checkins.js';
import { openDatabase } from '../src/storage/db.js';
import { RelapseStore } from '../src/storage/relapses.js';
import { UserStore } from '../src/storage/users.js';
import { WakeStore } from '../src/storage/wakes.js';

const ZONE = 'America/Chicago';
/** Noon in Chicago on the sample's today. */
const NOW = new Date('2026-03-31T17:00:00Z');
const TODAY = '2026-03-31';
const ORIGINAL_LAST_DOSE = '2026-02-20';
const RELAPSE = '2026-03-13';
const USER_ID = 1001;

type Night = readonly [hours: number, quality: number, restlessness: number, anxiety: number, flags?: CheckinFlag[]];
/** One entry a morning from 2026-02-18 to 2026-03-31; null = missed morning. */
const HISTORY: ReadonlyArray<Night | null> = [
  // 02-18 … 03-01
  [3, 2, 2, 6], [2.5, 1, 3, 7], [3.5, 2, 2, 6], [1, 1, 3, 8], [2, 1, 3, 8], [0.5, 1, 3, 9, ['cant-function']], [2.5, 2, 2, 7],
  [3, 2, 2, 6], [3.5, 2, 2, 6], [4, 2, 2, 5], [3.5, 2, 2, 5], [4, 3, 1, 5],
  // 03-02 … 03-12: two missed mornings
  [4, 2, 2, 5], [4.5, 3, 1, 4], [4, 3, 1, 4], [4.5, 3, 1, 4], [4, 3, 1, 5], null, null, [4.5, 3, 1, 4], [4, 2, 2, 5], [3.5, 2, 2, 6],
  [3, 2, 2, 6, ['urge']],
  // 03-13 used again; onset and peak
  [3, 2, 2, 6], [3, 2, 2, 5], [2, 1, 3, 6], [1.5, 1, 3, 7], [0, 1, 3, 9, ['unstable']], [2, 1, 3, 7],
  // 03-19 … 03-31: a missed morning, then easing and rebuilding
  null, [3, 2, 2, 6], [3.5, 2, 2, 5], [4, 3, 1, 5], [3.5, 2, 2, 4], [4.5, 3, 1, 4], [5, 3, 1, 3], [4.5, 3, 1, 3], [5.5, 4, 1, 3],
  [6, 4, 0, 2], [5, 3, 1, 3], [6.5, 4, 0, 2], [6, 5, 0, 2],
];

async function main(): Promise<void> {
  const [lang = 'en', out = 'docs/report-sample.pdf', country = 'US', windowArg = '28'] = process.argv.slice(2);
  if (lang !== 'en' && lang !== 'es') throw new Error(`language must be en or es, not ${lang}`);
  const windowDays = Number(windowArg);
  if (!isReportWindow(windowDays)) throw new Error('nights must be 14 or 28');

  const dir = mkdtempSync(join(tmpdir(), 'steady-nights-sample-'));
  const db = openDatabase(join(dir, 'sample.sqlite'));
  try {
    const users = new UserStore(db);
    const checkins = new CheckinStore(db);
    const relapses = new RelapseStore(db);
    users.createWithConsent(USER_ID, lang, NOW);
    users.update(USER_ID, { status: 'stopped', lastDoseDate: ORIGINAL_LAST_DOSE, timeZone: ZONE, country, onboardedAt: NOW.toISOString() }, NOW);
    const start = addDays(TODAY, -(HISTORY.length - 1));
    HISTORY.forEach((night, i) => {
      if (!night) return;
      const [hours, quality, restlessness, anxiety, flags = []] = night;
      checkins.startDraft(USER_ID, addDays(start, i), false, NOW);
      checkins.saveAnswer(USER_ID, 'hours', hours, NOW);
      checkins.saveAnswer(USER_ID, 'quality', quality, NOW);
      checkins.saveAnswer(USER_ID, 'restlessness', restlessness, NOW);
      checkins.saveAnswer(USER_ID, 'anxiety', anxiety, NOW);
      checkins.saveFlags(USER_ID, flags, NOW);
      checkins.complete(USER_ID, [], NOW);
    });
    relapses.record(USER_ID, RELAPSE, NOW);
    // A few nights when the night companion was opened (times only, never text).
    const wakes = new WakeStore(db);
    for (const [daysAgo, localTime] of [[13, '03:05'], [13, '04:40'], [12, '02:15'], [9, '03:30']] as const) {
      wakes.open(USER_ID, { nightDate: addDays(TODAY, -daysAgo), localTime, trigger: 'text' }, NOW, 0);
    }

    const i18n = createI18n('en');
    const outcome = await makeReport({ checkins, relapses, wakes }, users.get(USER_ID)!, NOW, windowDays, (key, vars) => i18n.t(lang, key, vars));
    if (outcome.kind !== 'pdf') throw new Error('the sample history should be enough for a report');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outcome.bytes);
    console.log(`${out}: ${outcome.bytes.length} bytes (${outcome.filename} as the bot names it)`);
    renderPage(out);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The page as a PNG beside the PDF, when poppler-utils is installed (for the README, not the bot). */
function renderPage(pdf: string): void {
  const base = pdf.replace(/\.pdf$/, '');
  try {
    execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', pdf, base], { stdio: 'ignore' });
    console.log(`${base}.png`);
  } catch {
    console.log('pdftoppm not found: no PNG made (apt-get install poppler-utils)');
  }
}

await main();

import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/bot/i18n.js';
import { chartLabels } from '../../src/bot/messages/progress.js';
import type { Translate } from '../../src/bot/messages/translate.js';
import { warningButtons, warningKeyboard } from '../../src/bot/messages/warning.js';
import { addDays } from '../../src/domain/dates.js';
import { buildReport, type ReportNight } from '../../src/domain/report.js';
import type { ThresholdId } from '../../src/domain/thresholds.js';
import { CHECKIN_FLAGS } from '../../src/domain/types.js';
import { renderReportChart } from '../../src/report/chart.js';
import { renderReportPdf } from '../../src/report/pdf.js';
import { reportView } from '../../src/report/view.js';
import { pdfText } from '../support/pdf-text.js';

const i18n = createI18n('en');
const tr = (locale: string): Translate => (key, vars) => i18n.t(locale, key, vars);

const TODAY = '2026-03-31';
const night = (daysAgo: number, hours: number | null, extra: Partial<ReportNight> = {}): ReportNight => ({
  date: addDays(TODAY, -daysAgo),
  hours,
  quality: 2,
  restlessness: 2,
  anxiety: 6,
  flags: [],
  complete: true,
  wakes: [],
  ...extra,
});

const data = buildReport({
  nights: [night(4, 1.5, { flags: ['cant-function', 'urge'], wakes: ['03:05'] }), night(3, 2), night(2, 2.5), night(1, 4.5, { quality: 4, restlessness: 0, anxiety: 3 })],
  today: TODAY,
  windowDays: 14,
  status: 'stopped',
  lastDoseDate: addDays(TODAY, -4),
  quitDate: null,
  relapseDates: [],
});

describe('the page in words', () => {
  it.each([
    ['en', 'Tue, Mar 31', 'Sat, Mar 28 2 h Poor (2) Moderate (2) 6 — —', 'Fri, Mar 27 1.5 h Poor (2) Moderate (2) 6 Could not function, Strong urge to use 03:05', 'Mon, Mar 30 4.5 h Good (4) None (0) 3 — —'],
    ['es', 'mar, 31 mar', 'sáb, 28 mar 2 h Mala (2) Moderada (2) 6 — —', 'vie, 27 mar 1,5 h Mala (2) Moderada (2) 6 No podía con el día, Muchas ganas de consumir 03:05', 'lun, 30 mar 4,5 h Buena (4) Nada (0) 3 — —'],
  ])('%s: localised dates, words and decimals in the table', (locale, todayCell, ...rows) => {
    const view = reportView(tr(locale), data);
    const lines = view.table.rows.map((r) => [...r.cells, r.note ?? ''].filter((c) => c !== '').join(' '));
    for (const row of rows) expect(lines).toContain(row);
    expect(view.table.rows.at(-1)).toMatchObject({ muted: true, cells: [todayCell, '', '', '', '', '', ''] });
    // As /progress: the rows begin at the first check-in (no empty rows from before it).
    expect(view.table.rows).toHaveLength(5);
  });

  it.each([
    ['en', 'Day 4 since the last dose · phase: Peak', 'Several nights with little or no sleep', 'Mar 29 – Mar 30', '2.6 h'],
    ['es', 'Día 4 desde la última dosis · etapa: Pico', 'Varias noches durmiendo poco o nada', '29 mar – 30 mar', '2,6 h'],
  ])('%s: facts, signs with date runs, averages', (locale, dayLine, sign, dates, average) => {
    const view = reportView(tr(locale), data);
    expect(view.facts[0]).toBe(dayLine);
    expect(view.signs.lines).toContainEqual({ sign, dates });
    // (1.5 + 2 + 2.5 + 4.5) / 4 = 2.6 → the hours row of this week.
    expect(view.averages.rows[0]![1]).toBe(average);
  });
});

describe('warning buttons', () => {
  const t = tr('en');
  const HELP = t('checkin-button-help');
  const REPORT = '📄 Make a summary for a prescriber';
  it.each<[string, ThresholdId[], ThresholdId[], string[]]>([
    ['no-sleep', ['no-sleep'], [], [HELP, REPORT]],
    ['persistent', ['persistent'], [], [HELP, REPORT]],
    ['anxiety-rising with an urgent sign', ['anxiety-rising'], ['unstable'], [HELP, REPORT]],
    ['urgent signs only', [], ['cant-function', 'relapse-risk'], [HELP]],
    ['nothing', [], [], []],
  ])('%s → %j', (_name, support, urgent, labels) => {
    expect(warningButtons(t, { support, urgent }, '2026-03-01').map((b) => b.text)).toEqual(labels);
    const keyboard = warningKeyboard(t, { support, urgent }, '2026-03-01');
    // One button a row.
    expect(keyboard.inline_keyboard.filter((row) => row.length > 0).map((row) => row.map((b) => b.text))).toEqual(labels.map((label) => [label]));
  });
});

describe('the PDF', () => {
  it.each([
    ['en', 'LETTER', 612, 792],
    ['es', 'A4', 595.28, 841.89],
  ] as const)('stays one page (%s on %s) even when every night carries every flag and many wakes', async (locale, paper, width, height) => {
    const crowded = buildReport({
      nights: Array.from({ length: 28 }, (_, i) =>
        night(i, 1 + (i % 7) * 0.5, { flags: [...CHECKIN_FLAGS], wakes: ['00:40', '01:15', '02:05', '03:30', '04:10', '05:45'] }),
      ),
      today: TODAY,
      windowDays: 28,
      status: 'stopped',
      lastDoseDate: addDays(TODAY, -40),
      quitDate: null,
      relapseDates: [addDays(TODAY, -20), addDays(TODAY, -10)],
      originalLastDoseDate: addDays(TODAY, -40),
    });
    const t = tr(locale);
    const chartPng = await renderReportChart(crowded.chart, { ...chartLabels(t, 28), title: t('report-chart-title') });
    const bytes = await renderReportPdf({ view: reportView(t, crowded), chartPng, paper, lang: locale });
    const pdf = await pdfText(bytes);
    expect(pdf.pages).toBe(1);
    expect(pdf.size.width).toBeCloseTo(width, 1);
    expect(pdf.size.height).toBeCloseTo(height, 1);
    // Every night is there, and the footer closes the page.
    for (let i = 0; i < 28; i++) expect(pdf.text).toContain(t('report-date-row', { date: new Date(2026, 2, 31 - i, 12) }));
    expect(pdf.lines.at(-1)).toContain(t('report-footer'));
  }, 30_000);
});

/**
 * Every word and number of the /report page, in the user's language, as plain strings: the PDF
 * renderer (pdf.ts) only lays them out. Dates and decimals are formatted by the locale files
 * (Fluent DATETIME / NUMBER), so Spanish gets "mar, 3 nov" and "4,5 h".
 */
import { dateRuns, type FiredSign, type ReportData, type ReportRow, type WeekAverages } from '../domain/report.js';
import type { LocalDate } from '../domain/types.js';
import { dateValue, type Translate } from '../bot/messages/translate.js';

export interface ReportTableRow {
  cells: string[];
  /** For a date without a check-in: "No entry", written across the answer columns (1–4). */
  note?: string;
  /** A date without a check-in: drawn quieter. */
  muted: boolean;
}

export interface ReportView {
  title: string;
  subtitle: string;
  /** Day count and phase, relapses in the range, nights logged. */
  facts: string[];
  averages: {
    title: string;
    /** ['', 'This week', 'Last week'] */
    headers: [string, string, string];
    /** The dates of each week, under the headers. */
    ranges: [string, string, string];
    rows: [string, string, string][];
  };
  signs: {
    title: string;
    /** One per sign: its name and when it fired. Empty: `none` is shown instead. */
    lines: { sign: string; dates: string }[];
    none: string;
  };
  table: {
    title: string;
    headers: string[];
    rows: ReportTableRow[];
  };
  prescriber: string;
  footer: string;
  madeOn: string;
}

export function reportView(t: Translate, data: ReportData): ReportView {
  const short = (date: LocalDate) => t('report-date-short', { date: dateValue(date) });
  return {
    title: t('report-doc-title'),
    subtitle: t('report-subtitle', {
      from: t('report-date-medium', { date: dateValue(data.from) }),
      to: t('report-date-medium', { date: dateValue(data.to) }),
      n: data.windowDays,
    }),
    facts: facts(t, data, short),
    averages: {
      title: t('report-averages-title'),
      headers: ['', t('report-this-week'), t('report-last-week')],
      ranges: ['', dateRun(t, data.thisWeek.from, data.thisWeek.to, short), dateRun(t, data.lastWeek.from, data.lastWeek.to, short)],
      rows: averageRows(t, data.thisWeek, data.lastWeek),
    },
    signs: {
      title: t('report-signs-title'),
      lines: data.signs.map((sign) => signLine(t, sign, short)),
      none: t('report-signs-none'),
    },
    table: {
      title: t('report-table-title'),
      headers: [
        t('report-col-date'),
        t('report-col-hours'),
        t('report-col-quality'),
        t('report-col-restless'),
        t('report-col-anxiety'),
        t('report-col-flags'),
        t('report-col-wakes'),
      ],
      rows: data.rows.map((row) => tableRow(t, row)),
    },
    prescriber: t('report-prescriber'),
    footer: t('report-footer'),
    madeOn: t('report-made-on', { date: t('report-date-medium', { date: dateValue(data.to) }) }),
  };
}

function facts(t: Translate, data: ReportData, short: (d: LocalDate) => string): string[] {
  const lines: string[] = [];
  const phase = data.phase ? t(`phase-${data.phase}-name`) : null;
  if (data.day !== null && phase) lines.push(t('report-day', { day: data.day, phase }));
  else if (phase) lines.push(t('report-phase-only', { phase }));
  lines.push(
    data.relapses.length === 0
      ? t('report-relapses-none')
      : t('report-relapses', { count: data.relapses.length, dates: data.relapses.map(short).join(', ') }),
  );
  lines.push(t('report-logged', { logged: data.nightsLogged, n: data.windowDays }));
  return lines;
}

function averageRows(t: Translate, week: WeekAverages, last: WeekAverages): [string, string, string][] {
  const empty = t('report-empty');
  const num = (n: number | null) => (n === null ? empty : t('report-number', { n }));
  const hours = (n: number | null) => (n === null ? empty : t('report-hours', { hours: n }));
  return [
    [t('report-avg-hours'), hours(week.hours), hours(last.hours)],
    [t('report-avg-quality'), num(week.quality), num(last.quality)],
    [t('report-avg-restless'), num(week.restlessness), num(last.restlessness)],
    [t('report-avg-anxiety'), num(week.anxiety), num(last.anxiety)],
    [t('report-avg-nights'), t('report-nights-of-week', { nights: week.nights }), t('report-nights-of-week', { nights: last.nights })],
  ];
}

function signLine(t: Translate, sign: FiredSign, short: (d: LocalDate) => string): { sign: string; dates: string } {
  return {
    sign: t(`report-sign-${sign.id}`),
    dates: dateRuns(sign.dates)
      .map((run) => (run.from === run.to ? short(run.from) : dateRun(t, run.from, run.to, short)))
      .join(', '),
  };
}

function dateRun(t: Translate, from: LocalDate, to: LocalDate, short: (d: LocalDate) => string): string {
  return t('report-date-run', { from: short(from), to: short(to) });
}

function tableRow(t: Translate, row: ReportRow): ReportTableRow {
  const empty = t('report-empty');
  const date = t('report-date-row', { date: dateValue(row.date) });
  const relapse = row.relapse ? [t('report-flag-relapse')] : [];
  if (row.state !== 'logged') {
    const note = row.state === 'not-yet' ? t('report-not-yet') : t('report-no-entry');
    return { cells: [date, '', '', '', '', relapse.join(', '), ''], note, muted: true };
  }
  const scale = (word: string, n: number) => t('report-scale-value', { word, n });
  return {
    cells: [
      date,
      row.hours === null ? empty : t('report-hours', { hours: row.hours }),
      row.quality === null ? empty : scale(t(`checkin-quality-${row.quality}`), row.quality),
      row.restlessness === null ? empty : scale(t(`checkin-restless-${row.restlessness}`), row.restlessness),
      row.anxiety === null ? empty : t('report-number', { n: row.anxiety }),
      [...relapse, ...row.flags.map((flag) => t(`report-flag-${flag}`))].join(', ') || empty,
      row.wakes.length === 0 ? empty : row.wakes.join(', '),
    ],
    muted: false,
  };
}

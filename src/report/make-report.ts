import { localDateOf } from '../domain/dates.js';
import { buildReport, paperSizeFor, reportHistoryStart, type ReportNight, type ReportWindow } from '../domain/report.js';
import { chartLabels, dayCountOf } from '../bot/messages/progress.js';
import type { Translate } from '../bot/messages/translate.js';
import type { CheckinStore } from '../storage/checkins.js';
import type { WakeStore } from '../storage/wakes.js';
import type { RelapseStore } from '../storage/relapses.js';
import type { UserProfile } from '../storage/users.js';
import { renderReportChart } from './chart.js';
import { reportView } from './view.js';

export interface ReportSources {
  checkins: Pick<CheckinStore, 'nights'>;
  relapses: Pick<RelapseStore, 'dates' | 'originalLastDoseDate'>;
  wakes: Pick<WakeStore, 'between'>;
}

export type ReportOutcome =
  | { kind: 'too-few'; logged: number }
  | { kind: 'pdf'; bytes: Buffer; filename: string; from: string; to: string };

/**
 * Reads the user's nights, builds the page and renders it. Nothing is written anywhere: the PDF
 * exists only in memory until it is sent. Rendering errors are thrown to the caller.
 */
export async function makeReport(
  sources: ReportSources,
  profile: UserProfile,
  now: Date,
  windowDays: ReportWindow,
  t: Translate,
): Promise<ReportOutcome> {
  const today = localDateOf(now, profile.timeZone ?? 'UTC');
  const from = reportHistoryStart(today, windowDays);
  const wakes = sources.wakes.between(profile.id, from, today);
  const nights: ReportNight[] = sources.checkins.nights(profile.id, from, today).map((night) => ({
    ...night,
    wakes: wakes.filter((wake) => wake.nightDate === night.date).map((wake) => wake.localTime),
  }));
  const data = buildReport({ nights, today, windowDays, ...dayCountOf(sources, profile) });
  if (!data.enough) return { kind: 'too-few', logged: data.nightsLogged };

  const chartPng = await renderReportChart(data.chart, { ...chartLabels(t, windowDays), title: t('report-chart-title') });
  // pdfkit (and fontkit under it) load on the first report, not at start: most runs never need them.
  const { renderReportPdf } = await import('./pdf.js');
  const bytes = await renderReportPdf({ view: reportView(t, data), chartPng, paper: paperSizeFor(profile.country), lang: profile.locale });
  return { kind: 'pdf', bytes, filename: reportFileName(today), from: data.from, to: data.to };
}

/** `steady-nights-summary-YYYY-MM-DD.pdf`, dated by the user's today. */
export function reportFileName(today: string): string {
  return `steady-nights-summary-${today}.pdf`;
}

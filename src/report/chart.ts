import { renderProgressChart, type ProgressChartLabels } from '../chart/progress-chart.js';
import type { ProgressData } from '../domain/progress.js';

/**
 * The chart on the report page: the /progress chart of the same range, drawn wider than tall to
 * sit beside the facts. At 1080 px across half a page it prints at about 300 dpi.
 */
export const REPORT_CHART_SIZE = { width: 1080, height: 1000 } as const;

/**
 * The one place the report draws its chart, async so that it can move off the main thread.
 * MERGE: the chart worker pool (branch scale) replaces this body with its off-thread renderer
 * (e.g. `renderChartOffThread(...)`); nothing else in the report changes.
 */
export async function renderReportChart(data: ProgressData, labels: ProgressChartLabels): Promise<Buffer> {
  return renderProgressChart(data, labels, REPORT_CHART_SIZE);
}

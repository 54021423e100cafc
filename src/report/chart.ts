import { renderChartOffThread } from '../chart/pool.js';
import type { ProgressChartLabels } from '../chart/progress-chart.js';
import type { ProgressData } from '../domain/progress.js';

/**
 * The chart on the report page: the /progress chart of the same range, drawn wider than tall to
 * sit beside the facts. At 1080 px across half a page it prints at about 300 dpi.
 */
export const REPORT_CHART_SIZE = { width: 1080, height: 1000 } as const;

/** The one place the report draws its chart: in the chart worker pool, never on the event loop. */
export function renderReportChart(data: ProgressData, labels: ProgressChartLabels): Promise<Buffer> {
  return renderChartOffThread(data, labels, REPORT_CHART_SIZE);
}

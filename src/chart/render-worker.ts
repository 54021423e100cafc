/**
 * The chart worker: one render per task, in a worker thread of the pool in `pool.ts`, so the
 * 40 ms of ECharts + resvg never block the bot's event loop. Loaded by piscina from the compiled
 * `dist/chart/render-worker.js` (or, when the pool runs from TypeScript sources under tsx or
 * vitest, from this file through tsx's loader).
 */
import { renderProgressChart, type ProgressChartLabels, type ProgressChartOptions } from './progress-chart.js';
import type { ProgressData } from '../domain/progress.js';

export interface ChartTask {
  data: ProgressData;
  labels: ProgressChartLabels;
  options?: ProgressChartOptions;
}

/** `{ warm: true }` only loads this module (ECharts, resvg) in a thread, so a first chart is quick. */
export default function render(task: ChartTask | { warm: true }): Uint8Array {
  if ('warm' in task) return new Uint8Array(0);
  const png = renderProgressChart(task.data, task.labels, task.options ?? {});
  // A copy of its own, so the bytes (not a shared slab) move back to the main thread.
  return new Uint8Array(png);
}

/**
 * The chart worker: one render per task, in a worker thread of the pool in `pool.ts`, so the
 * 40 ms of ECharts + resvg never block the bot's event loop. Loaded by piscina from the compiled
 * `dist/chart/render-worker.js` (or, when the pool runs from TypeScript sources under tsx or
 * vitest, from this file through tsx's loader).
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { renderProgressChart, type ProgressChartLabels, type ProgressChartOptions } from './progress-chart.js';
import type { ProgressData } from '../domain/progress.js';

/** Niceness of a render thread: below the main thread, which answers people. */
export const RENDER_NICENESS = 10;

/**
 * Lowers this thread's scheduling priority (Linux: a thread has its own nice value, set through
 * its thread id, which /proc/thread-self names). When the cores are busy the main thread — the
 * replies to people who are chatting, and the send queue — gets the CPU first, and renders take
 * what is left; a render that then comes too late falls back to the message without a chart.
 * Elsewhere (no /proc) nothing changes.
 */
export function lowerThreadPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, RENDER_NICENESS);
  } catch {
    /* not Linux, or not allowed: the thread keeps the process's priority */
  }
}
// Only in a worker thread: importing this module elsewhere (tests, types) must not slow the importer.
if (!isMainThread) lowerThreadPriority();

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

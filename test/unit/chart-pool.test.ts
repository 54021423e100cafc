import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ChartBusyError, ChartPool, ChartTimeoutError, closeChartPool, renderChartOffThread } from '../../src/chart/pool.js';
import type { ProgressChartLabels } from '../../src/chart/progress-chart.js';
import { RENDER_NICENESS } from '../../src/chart/render-worker.js';
import { addDays } from '../../src/domain/dates.js';
import { buildProgress, type ProgressData } from '../../src/domain/progress.js';

const SLOW_WORKER = fileURLToPath(new URL('../support/chart-workers/slow.mjs', import.meta.url));
const job = (fields: { ms?: number; fail?: boolean }) => fields as unknown as ProgressData;
const noLabels = {} as ProgressChartLabels;

const pools: ChartPool[] = [];
function pool(options: ConstructorParameters<typeof ChartPool>[0]) {
  const created = new ChartPool({ filename: SLOW_WORKER, ...options });
  pools.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('ChartPool: bounded, so overload falls back instead of piling up', () => {
  it('returns the bytes the worker made, as a Buffer', async () => {
    const png = await pool({ threads: 1 }).render(job({}), noLabels);
    expect(Buffer.isBuffer(png)).toBe(true);
    expect([...png]).toEqual([1, 2, 3]);
  });

  it('passes a failed render on as a rejection (the caller sends its fallback)', async () => {
    await expect(pool({ threads: 1 }).render(job({ fail: true }), noLabels)).rejects.toThrow('render failed');
  });

  it('gives up on a render that takes longer than timeoutMs', async () => {
    await expect(pool({ threads: 1, timeoutMs: 50 }).render(job({ ms: 1500 }), noLabels)).rejects.toBeInstanceOf(ChartTimeoutError);
  });

  it('refuses at once when maxQueue renders are already waiting', async () => {
    const p = pool({ threads: 1, maxQueue: 2, timeoutMs: 30_000 });
    const first = p.render(job({ ms: 400 }), noLabels); // running
    // Let the first reach its thread, so the next two are the ones waiting.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const waiting = [p.render(job({}), noLabels), p.render(job({}), noLabels)];
    await expect(p.render(job({}), noLabels)).rejects.toBeInstanceOf(ChartBusyError);
    await expect(Promise.all([first, ...waiting])).resolves.toHaveLength(3);
  });
});

describe('renderChartOffThread: the real chart, from the real worker module', () => {
  afterEach(() => closeChartPool());

  it('renders the progress chart as a PNG in a worker thread', async () => {
    const today = '2026-03-20';
    const nights = Array.from({ length: 10 }, (_, i) => ({
      date: addDays(today, -i),
      hours: 4 + (i % 3),
      quality: 3,
      complete: true,
    }));
    const data = buildProgress({
      nights: nights as never,
      today,
      windowDays: 14,
      status: 'stopped',
      lastDoseDate: addDays(today, -12),
      quitDate: null,
      relapseDates: [],
      originalLastDoseDate: null,
    });
    const labels = {
      title: 't', hoursAxis: 'h', qualityLegend: 'q', quality: ['1', '2', '3', '4', '5'], qualityUnknown: '?',
      average: 'a', missed: 'm', relapse: 'r',
      phases: { using: 'u', preparing: 'p', onset: 'o', peak: 'p', easing: 'e', rebuilding: 'r', 'post-acute': 'pa', 'long-term': 'l' },
      months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
      dateFormat: '{mon} {d}', decimalSeparator: '.',
    } as ProgressChartLabels;
    // A cold worker loads ECharts through tsx here (the sources): slow on a loaded machine.
    const png = await renderChartOffThread(data, labels, { width: 360, height: 450 }, { timeoutMs: 90_000 });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(360);
    expect(png.readUInt32BE(20)).toBe(450);
    // The render thread runs below the main thread's priority (Linux: its own nice value), so
    // replies to people get the CPU first.
    if (process.platform === 'linux') {
      const niceOf = (tid: string) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
      expect(readdirSync('/proc/self/task').map(niceOf)).toContain(RENDER_NICENESS);
      expect(niceOf(String(process.pid))).toBe(0); // this thread (the main one) keeps its priority
    }
  }, 120_000);
});

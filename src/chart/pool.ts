import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ProgressData } from '../domain/progress.js';
// Types only: the main thread never loads ECharts or resvg (start-up time, memory).
import type { ProgressChartLabels, ProgressChartOptions } from './progress-chart.js';
import type { ChartTask } from './render-worker.js';

/**
 * Charts are rendered in worker threads (piscina), never on the bot's event loop: a render
 * takes ~40 ms of CPU, and on the main thread every /help and every scheduled send waited for it.
 *
 * The pool is bounded both ways, so overload degrades instead of piling up: at most `maxQueue`
 * renders wait (a full queue rejects at once with {@link ChartBusyError}) and a render that
 * takes longer than `timeoutMs` is given up on ({@link ChartTimeoutError}; the worker finishes it
 * and the result is dropped). Callers fall back to a message without the chart.
 *
 * Threads start on the first render (or `warm()`) and stop after 10 idle minutes.
 */
export interface ChartPoolOptions {
  /**
   * Worker threads (default: cores − 1, at least 1, at most 4: the main thread keeps a core). They
   * also run at a lower priority than the main thread (render-worker.ts).
   */
  threads?: number;
  /** Renders waiting for a thread before new ones are refused (default: 16 per thread). */
  maxQueue?: number;
  /** A render not done by then is given up on (default 10 s). */
  timeoutMs?: number;
  /** The worker module; default: render-worker next to this file (see `workerEntry`). */
  filename?: string;
}

/** Per-call limits, tighter than the pool's own (a broadcast would rather send plain than wait). */
export interface RenderLimits {
  /** Refuse at once when this many renders are already waiting. */
  maxWaiting?: number;
  timeoutMs?: number;
}

export class ChartBusyError extends Error {
  override name = 'ChartBusyError';
}
export class ChartTimeoutError extends Error {
  override name = 'ChartTimeoutError';
}

/**
 * Where the worker code is. From `dist/` it is the compiled `render-worker.js` beside this file.
 * From the TypeScript sources (tsx, vitest) there is only `render-worker.ts`: the worker then
 * loads it through tsx (`--import tsx`), which is a dev dependency — production runs `dist/`.
 */
export function workerEntry(): { filename: string; execArgv: string[] } {
  const compiled = fileURLToPath(new URL('./render-worker.js', import.meta.url));
  if (existsSync(compiled)) return { filename: compiled, execArgv: [] };
  return { filename: fileURLToPath(new URL('./render-worker.ts', import.meta.url)), execArgv: ['--import', 'tsx'] };
}

export class ChartPool {
  private readonly piscina: Piscina<ChartTask | { warm: true }, Uint8Array>;
  private readonly timeoutMs: number;
  private readonly maxQueue: number;

  constructor(options: ChartPoolOptions = {}) {
    const threads = Math.max(1, Math.floor(options.threads ?? Math.min(4, availableParallelism() - 1)));
    const entry = options.filename ? { filename: options.filename, execArgv: [] } : workerEntry();
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxQueue = options.maxQueue ?? threads * 16;
    this.piscina = new Piscina<ChartTask | { warm: true }, Uint8Array>({
      filename: entry.filename,
      execArgv: entry.execArgv,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 600_000,
      maxQueue: this.maxQueue,
    });
  }

  /** Renders waiting for a thread. */
  get queued(): number {
    return this.piscina.queueSize;
  }

  /** Whether a render with these limits would be taken now (not refused as busy). */
  hasRoom(limits: RenderLimits = {}): boolean {
    return this.piscina.queueSize < Math.min(this.maxQueue, limits.maxWaiting ?? Infinity);
  }

  /** The chart as PNG bytes; rejects with ChartBusyError, ChartTimeoutError or the render's error. */
  async render(data: ProgressData, labels: ProgressChartLabels, options?: ProgressChartOptions, limits: RenderLimits = {}): Promise<Buffer> {
    if (!this.hasRoom(limits)) throw new ChartBusyError('chart renderer is busy');
    const timeoutMs = limits.timeoutMs ?? this.timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ChartTimeoutError(`chart render took over ${timeoutMs} ms`)), timeoutMs);
    });
    const task: ChartTask = options ? { data, labels, options } : { data, labels };
    const running = this.piscina.run(task);
    running.catch(() => undefined); // a late failure after a timeout is nobody's to handle
    try {
      const bytes = await Promise.race([running, timeout]);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Starts a thread and loads the renderer in it (about 1–3 s), so the first chart is not slow. */
  async warm(): Promise<void> {
    await this.piscina.run({ warm: true });
  }

  async close(): Promise<void> {
    await this.piscina.close({ force: true });
  }
}

let shared: ChartPool | undefined;

/**
 * Renders a progress chart (what `renderProgressChart` draws) off the main thread, in the
 * process's shared pool, created on first use. /progress, the Sunday summary and the /report PDF
 * all go through here. Rejects when the pool is busy or the render is slow or fails: have a
 * fallback without the chart.
 */
export function renderChartOffThread(
  data: ProgressData,
  labels: ProgressChartLabels,
  options?: ProgressChartOptions,
  limits?: RenderLimits,
): Promise<Buffer> {
  shared ??= new ChartPool();
  return shared.render(data, labels, options, limits);
}

/**
 * Whether the shared pool would take a render with these limits now. A caller with a fallback
 * (the Sunday broadcast) asks first, so it does not build a chart's data only to be refused.
 */
export function chartPoolHasRoom(limits?: RenderLimits): boolean {
  shared ??= new ChartPool();
  return shared.hasRoom(limits);
}

/** Loads the renderer in the shared pool's first thread, in the background; never throws. */
export function warmChartPool(): void {
  shared ??= new ChartPool();
  shared.warm().catch(() => undefined);
}

/** Stops the shared pool's threads (graceful shutdown, tests). */
export async function closeChartPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}

import { GrammyError, HttpError } from 'grammy';
import type { Logger } from '../logger.js';
import { describeError } from '../bot/errors.js';

/**
 * One send, as the queue runs it. `attempt` may be called more than once (retries); the signal
 * aborts it when a graceful stop runs out of time. Exactly one of `onSent` / `onFailed` is called.
 */
export interface QueuedSend<T = unknown> {
  attempt(signal: AbortSignal): Promise<T>;
  onSent(result: T): void;
  onFailed(error: unknown): void;
}

/**
 * Runs when the item reaches the head of the queue, just before its send would start, and
 * returns the send — or null when there is nothing to send after all (no rate slot is used).
 * Synchronous on purpose: the scheduler claims the delivery here, so a claim is followed by
 * its send at once, and a crash can cut off at most the sends actually in flight.
 *
 * It may instead return a promise of the send, when the message still has to be built after
 * the claim (the Sunday chart renders in a worker). Such an item holds no rate slot while it
 * builds: the slot goes to the next item, and the built send takes the first free slot after
 * it is ready (ahead of items not yet prepared).
 */
export type PrepareSend = () => QueuedSend<any> | Promise<QueuedSend<any> | null> | null;

export interface SendQueueOptions {
  /** Sends started per second, at most (evenly spaced). */
  ratePerSecond: number;
  /** Sends waiting for an answer at once (default: ratePerSecond). */
  maxInFlight?: number;
  /** Items whose message is being built at once (default: maxInFlight). */
  maxBuilding?: number;
  /**
   * Called when the items waiting to be prepared fall to `lowWater`, so the producer can read
   * more before the queue runs dry (the scheduler reads due rows page by page).
   */
  onLow?: () => void;
  lowWater?: number;
  /** Called on each 429 Telegram answers (for metrics). */
  onRateLimited?: () => void;
  /** Waits before the 2nd, 3rd, … attempt after a 5xx or network error (default 2 s, 10 s). */
  retryDelaysMs?: readonly number[];
  /** How many 429s one send may meet before it is given up (default 20): each pauses the queue. */
  maxRateLimitRetries?: number;
  logger?: Pick<Logger, 'warn' | 'error' | 'debug'>;
  /** The clock, in ms; injectable for tests (vitest's fake timers also fake the default). */
  now?: () => number;
  /** Resolves after `ms`, or early once `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const defaultSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

/** Items with nothing to send decided before the pump lets other work run. */
const UNSENT_PER_YIELD = 20;

/** Resolves on a later turn of the event loop, after the I/O (updates) waiting now. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** 429's `retry_after`, in seconds, if that is what the error is. */
function retryAfterOf(error: unknown): number | null {
  if (error instanceof GrammyError && error.error_code === 429) return error.parameters.retry_after ?? 1;
  return null;
}

/** Worth another try: Telegram's 5xx, or the network. Any other 4xx will say the same again. */
function isTransient(error: unknown): boolean {
  return (error instanceof GrammyError && error.error_code >= 500) || error instanceof HttpError;
}

/**
 * The one queue scheduled messages go out through, so a morning with many due users stays under
 * Telegram's global limit (about 30 messages per second per bot): sends start evenly spaced at
 * `ratePerSecond`, with at most `maxInFlight` waiting for an answer. Replies to users who are
 * chatting do not use it (they go straight out through `ctx.reply`), so they never wait behind
 * a busy morning.
 *
 * The queue owns the retries of what it sends (its API has no auto-retry of its own): a 429
 * pauses the WHOLE queue for its `retry_after` — one rate-limited send means the bot is over the
 * limit, not that one chat is — and the send is tried again; 5xx and network errors are tried
 * again after `retryDelaysMs`; anything else is reported to `onFailed` at once. Nothing here
 * throws into the caller.
 *
 * Items are keyed (the scheduler uses user and kind), and a key already waiting or in flight is
 * not queued again, so a tick that finds the same due row twice does not queue it twice.
 */
export class SendQueue {
  private readonly intervalMs: number;
  private readonly maxInFlight: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly maxRateLimitRetries: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly logger: SendQueueOptions['logger'];

  private readonly maxBuilding: number;
  /** How far behind its grid the pacing may fall and catch up (timer lateness), in ms. */
  private readonly maxLagMs: number;
  private readonly lowWater: number;
  private readonly onLow: (() => void) | undefined;
  private readonly onRateLimited: (() => void) | undefined;

  private readonly pending: Array<{ key: string; prepare: PrepareSend }> = [];
  /** Built sends waiting for a slot; they go before anything not yet prepared. */
  private readonly ready: Array<{ key: string; send: QueuedSend }> = [];
  private readonly builds = new Set<Promise<unknown>>();
  private building = 0;
  /** Resolves the pump's wait for a build to finish. */
  private wake: (() => void) | undefined;
  private readonly keys = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Earliest moment the next send may start. */
  private nextStartAt = 0;
  /** Set by a 429 that got past the API's own retries: nothing starts before it. */
  private pausedUntil = 0;
  private pumping = false;
  /** Items decided in a row that had nothing to send (see `pump`). */
  private unsentInARow = 0;
  private stopping = false;
  /** Wakes the pump's waits when stopping. */
  private readonly stopSignal = new AbortController();
  /** Aborts sends still in flight when a graceful stop runs out of time. */
  private readonly abortSends = new AbortController();

  constructor(options: SendQueueOptions) {
    if (!(options.ratePerSecond > 0)) throw new RangeError('ratePerSecond must be positive');
    this.intervalMs = 1000 / options.ratePerSecond;
    this.maxInFlight = Math.max(1, Math.floor(options.maxInFlight ?? options.ratePerSecond));
    this.maxBuilding = Math.max(1, Math.floor(options.maxBuilding ?? this.maxInFlight));
    // A loaded machine deschedules the process for tens of ms at a time; catching up a quarter of a
    // second keeps the per-second rate (bursts of a few sends, which Telegram's limit allows).
    this.maxLagMs = Math.max(this.intervalMs, 250);
    this.lowWater = Math.max(0, Math.floor(options.lowWater ?? 0));
    this.onLow = options.onLow;
    this.onRateLimited = options.onRateLimited;
    this.retryDelaysMs = options.retryDelaysMs ?? [2_000, 10_000];
    this.maxRateLimitRetries = options.maxRateLimitRetries ?? 20;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.logger = options.logger;
  }

  /** Items waiting or in flight. */
  get size(): number {
    return this.keys.size;
  }

  /** Items not yet prepared (what the producer may top up). */
  get waiting(): number {
    return this.pending.length;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** Queues an item unless its key is already queued or the queue is stopping; says which. */
  enqueue(key: string, prepare: PrepareSend): boolean {
    if (this.stopping || this.keys.has(key)) return false;
    this.keys.add(key);
    this.pending.push({ key, prepare });
    this.wake?.();
    void this.pump();
    return true;
  }

  /**
   * Graceful stop: items not started yet are dropped (nothing was claimed for them, so they are
   * found due again after a restart), sends in flight get `timeoutMs` to finish, then they are
   * aborted (and reported failed). Resolves once nothing is running.
   */
  async drain(timeoutMs = 5_000): Promise<void> {
    this.stopping = true;
    for (const item of this.pending) this.keys.delete(item.key);
    this.pending.length = 0;
    // Built but not started: claimed, so (at most once) they are reported failed, not sent later.
    for (const item of this.ready.splice(0)) {
      this.keys.delete(item.key);
      report(() => item.send.onFailed(new Error('stopped before the send could start')), this.logger);
    }
    this.stopSignal.abort();
    this.wake?.();
    if (this.inFlight.size > 0 || this.builds.size > 0) {
      const timeout = new AbortController();
      const finished = await Promise.race([
        // Builds settle by reporting failed (stopping): their claim is recorded before the DB closes.
        Promise.allSettled([...this.inFlight, ...this.builds]).then(() => true),
        defaultSleep(timeoutMs, timeout.signal).then(() => false),
      ]);
      timeout.abort();
      if (!finished) {
        this.logger?.warn({ in_flight: this.inFlight.size }, 'stopping: aborting reminder sends still in flight');
        this.abortSends.abort();
        await Promise.allSettled([...this.inFlight]);
      }
    }
  }

  private msUntilSlot(): number {
    return Math.max(this.nextStartAt, this.pausedUntil) - this.now();
  }

  /**
   * Called in the same synchronous stretch as the `msUntilSlot() <= 0` check. Slots follow a
   * grid (`nextStartAt` += interval) rather than "now + interval", so a timer that wakes a few ms
   * late does not slow the rate down over thousands of sends; after an idle spell (or a 429
   * pause) longer than `maxLagMs` the grid restarts at now, so there is no burst to catch up.
   */
  private takeSlot(): void {
    const now = this.now();
    if (this.nextStartAt < now - this.maxLagMs) this.nextStartAt = now;
    this.nextStartAt = Math.max(this.nextStartAt, this.pausedUntil) + this.intervalMs;
  }

  private async acquireSlot(signal: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal.aborted) return false;
      const wait = this.msUntilSlot();
      if (wait <= 0) {
        this.takeSlot();
        return true;
      }
      await this.sleep(wait, signal);
    }
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.stopping && (this.pending.length > 0 || this.ready.length > 0 || this.building > 0)) {
        if (this.ready.length === 0 && (this.pending.length === 0 || this.building >= this.maxBuilding)) {
          // Only builds are left (or as many as may run): wait for one to finish.
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = undefined;
          continue;
        }
        if (this.inFlight.size >= this.maxInFlight) {
          await Promise.race(this.inFlight);
          continue;
        }
        const wait = this.msUntilSlot();
        if (wait > 0) {
          await this.sleep(wait, this.stopSignal.signal);
          continue;
        }
        const built = this.ready.shift();
        if (built) {
          this.start(built.key, built.send);
          continue;
        }
        const item = this.pending.shift()!;
        if (this.pending.length === this.lowWater && this.onLow) {
          try {
            this.onLow();
          } catch (error) {
            this.logger?.error({ err: describeError(error) }, 'refilling the send queue failed');
          }
        }
        let send: ReturnType<PrepareSend>;
        try {
          send = item.prepare();
        } catch (error) {
          this.logger?.error({ err: describeError(error) }, 'preparing a reminder failed');
          send = null;
        }
        if (send instanceof Promise) {
          this.whenBuilt(item.key, send);
          // Building is synchronous up to its first await (reading a week of nights, the maths,
          // the texts): let the updates waiting on the event loop run before the next one.
          await yieldToEventLoop();
          continue;
        }
        if (!send) {
          this.keys.delete(item.key);
          // A run of items with nothing to send (missed after an outage, already checked in)
          // takes no slot and would otherwise be decided in one long synchronous stretch.
          if (++this.unsentInARow % UNSENT_PER_YIELD === 0) await yieldToEventLoop();
          continue;
        }
        this.unsentInARow = 0;
        this.start(item.key, send);
      }
    } finally {
      this.pumping = false;
    }
  }

  /** A send whose message is being built: it takes a slot only once it is ready. */
  private whenBuilt(key: string, building: Promise<QueuedSend | null>): void {
    this.building++;
    const tracked: Promise<unknown> = building
      .then(
        (send) => {
          if (!send) this.keys.delete(key);
          else if (this.stopping) {
            this.keys.delete(key);
            report(() => send.onFailed(new Error('stopped before the send could start')), this.logger);
          } else this.ready.push({ key, send });
        },
        (error) => {
          this.logger?.error({ err: describeError(error) }, 'building a reminder failed');
          this.keys.delete(key);
        },
      )
      .finally(() => {
        this.building--;
        this.builds.delete(tracked);
        this.wake?.();
        void this.pump();
      });
    this.builds.add(tracked);
  }

  private start(key: string, send: QueuedSend): void {
    this.takeSlot();
    const task: Promise<void> = this.run(send).finally(() => {
      this.inFlight.delete(task);
      this.keys.delete(key);
    });
    this.inFlight.add(task);
  }

  /** Runs one send to its end: sent, or failed after the retries it deserves. Never throws. */
  private async run(send: QueuedSend): Promise<void> {
    const signal = this.abortSends.signal;
    let failures = 0;
    let rateLimited = 0;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0 && !(await this.acquireSlot(signal))) {
        report(() => send.onFailed(new Error('stopped before the send could be retried')), this.logger);
        return;
      }
      let result: unknown;
      try {
        result = await send.attempt(signal);
      } catch (error) {
        const retryAfter = retryAfterOf(error);
        const canRetry =
          !signal.aborted &&
          (retryAfter !== null
            ? rateLimited++ < this.maxRateLimitRetries
            : isTransient(error) && failures < this.retryDelaysMs.length);
        if (!canRetry) {
          report(() => send.onFailed(error), this.logger);
          return;
        }
        if (retryAfter !== null) {
          this.onRateLimited?.();
          this.pausedUntil = Math.max(this.pausedUntil, this.now() + retryAfter * 1000);
          this.logger?.warn({ retry_after: retryAfter }, 'rate limited: pausing reminder sends');
        } else {
          this.logger?.warn({ err: describeError(error), attempt: attempt + 1 }, 'reminder send failed; will retry');
          await this.sleep(this.retryDelaysMs[failures++]!, signal);
        }
        continue;
      }
      report(() => send.onSent(result), this.logger);
      return;
    }
  }
}

/** A callback that throws must not take the queue down with it. */
function report(callback: () => void, logger: SendQueueOptions['logger']): void {
  try {
    callback();
  } catch (error) {
    logger?.error({ err: describeError(error) }, 'recording a reminder outcome failed');
  }
}


import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot, Context, Transformer } from 'grammy';
import type { Logger } from '../logger.js';
import { describeExpected } from './log-errors.js';
import type { Liveness } from './liveness.js';

export interface PollingOptions {
  allowedUpdates: readonly string[];
  liveness: Liveness;
  logger: Logger;
  /** First wait after a failure; doubles on each failure in a row up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * Long polling that heals. @grammyjs/runner ends its task on a 409 Conflict (a second poller, a
 * deploy overlap, a webhook set elsewhere) and, on other errors, retries with a doubling wait that
 * has no cap. Here every failure ends the runner at once (`maxRetryTime: 0`), and this loop logs
 * one line, marks the process as not receiving, awaits the old runner's stop (two pollers of one
 * token fight with ever more 409s) and starts a new runner after a capped exponential backoff.
 * A successful getUpdates clears the mark and resets the backoff. The process is never deaf for
 * longer than `maxBackoffMs` after Telegram answers again.
 *
 * A new runner starts from offset 0, so Telegram hands back any update it had not confirmed; the
 * update de-duplication middleware drops those already handled.
 */
export class PollingSupervisor {
  private runner: RunnerHandle | undefined;
  private stopping = false;
  private failuresInARow = 0;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(
    private readonly bot: Bot<any>,
    private readonly options: PollingOptions,
  ) {
    this.initialBackoffMs = options.initialBackoffMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
  }

  /**
   * An API transformer (install on bot.api) that feeds liveness from getUpdates: a poll that
   * answered clears any "not receiving" mark and resets the backoff.
   */
  readonly observePolls: Transformer = async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (method === 'getUpdates' && result.ok) {
      this.options.liveness.recordPoll();
      const updates = result.result as unknown[];
      if (updates.length > 0) this.options.liveness.recordUpdate();
      if (this.failuresInARow > 0) {
        this.options.logger.info({ after_failures: this.failuresInARow }, 'receiving updates again');
        this.failuresInARow = 0;
      }
    }
    return result;
  };

  start(): void {
    this.loop ??= this.superviseRunners();
  }

  /** Stops polling; resolves once the runner has stopped (its pending getUpdates is aborted). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    const runner = this.runner;
    if (runner?.isRunning()) await runner.stop();
    await this.loop;
  }

  private async superviseRunners(): Promise<void> {
    while (!this.stopping) {
      const runner = run(this.bot as Bot<Context>, {
        runner: {
          fetch: { allowed_updates: [...this.options.allowedUpdates] as never },
          // Every fetch failure ends this runner, so the backoff below is the only one (capped).
          maxRetryTime: 0,
          // The runner would print each failure with its stack; we log one line instead.
          silent: true,
        },
      });
      this.runner = runner;
      let failure: unknown;
      try {
        await runner.task();
      } catch (error) {
        failure = error;
      }
      if (this.stopping) break;
      // The runner ended by itself: stop it for sure before another one polls.
      if (runner.isRunning()) await runner.stop().catch(() => undefined);

      this.failuresInARow++;
      const reason = failure === undefined ? 'polling ended' : describeExpected(failure).reason;
      this.options.liveness.markNotReceiving(reason);
      const delay = Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** (this.failuresInARow - 1));
      // The first failure of a spell at warn, the retries of the same spell at debug: an outage of
      // an hour is then a handful of lines, not thousands.
      const level = this.failuresInARow === 1 ? 'warn' : 'debug';
      this.options.logger[level]({ reason, failures: this.failuresInARow, retry_in_ms: delay }, 'not receiving updates; polling again after a pause');
      await this.pause(delay);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

import type { Context, NextFunction, Transformer } from 'grammy';
import type { Liveness } from './liveness.js';
import { metrics } from './metrics.js';

/** Update kinds counted by name; anything else is `other`, so the label set stays small. */
const COUNTED_KINDS = new Set(['message', 'callback_query', 'my_chat_member']);

/** Counts each update by kind and tells Liveness one arrived. Never looks at its content. */
export function countUpdates(liveness: Liveness) {
  return async (ctx: Context, next: NextFunction): Promise<void> => {
    const kind = Object.keys(ctx.update).find((k) => k !== 'update_id') ?? 'other';
    metrics.updates.inc({ kind: COUNTED_KINDS.has(kind) ? kind : 'other' });
    liveness.recordUpdate();
    await next();
  };
}

/**
 * Watches the bot's getUpdates calls through an API transformer (the runner gives no hook for
 * them): a successful answer is a poll for Liveness, and the start of the call now running is
 * kept, because a healthy long poll can hang for 30 s without answering.
 */
export class PollWatch {
  private inFlightSince: number | null = null;

  constructor(private readonly liveness: Liveness) {}

  /** Install it inside any retry policy, so each attempt is seen. */
  readonly transformer: Transformer = async (prev, method, payload, signal) => {
    if (method !== 'getUpdates') return prev(method, payload, signal);
    const started = Date.now();
    this.inFlightSince = started;
    try {
      const result = await prev(method, payload, signal);
      if (result.ok) this.liveness.recordPoll();
      return result;
    } finally {
      if (this.inFlightSince === started) this.inFlightSince = null;
    }
  };

  /** When the getUpdates call now running started, or null when none is running. */
  pollInFlightSince = (): number | null => this.inFlightSince;
}

/**
 * Counts Telegram's 429 answers to the bot's own API calls (replies, edits), each attempt once:
 * installed inside the retry policy. The scheduler's send queue counts its own.
 */
export const countRateLimits: Transformer = async (prev, method, payload, signal) => {
  const result = await prev(method, payload, signal);
  if (!result.ok && result.error_code === 429) metrics.telegram429.inc();
  return result;
};

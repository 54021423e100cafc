import { Api, GrammyError, HttpError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from '../logger.js';

/**
 * The first contact with Telegram, made honest: getMe on an API of its own, without the bot's
 * auto-retry (which retries a network error forever, silently) and with a short timeout, so an
 * unreachable Telegram or a wrong TELEGRAM_API_ROOT is said plainly within seconds. It then keeps
 * trying with backoff and says so again at growing intervals. A token Telegram rejects ends the
 * process: retrying cannot fix it.
 */

export interface ConnectOptions {
  token: string;
  apiRoot: string;
  logger: Logger;
  /** True once the process is stopping: give up quietly. */
  stopping: () => boolean;
  /** Per-attempt timeout; short enough that the first line comes within 10 s. */
  attemptTimeoutSeconds?: number;
  /** Backoff between attempts (ms): starts at `firstDelayMs`, doubles up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** After the first warning, the next comes after this long, then twice as long, up to 10 min. */
  firstRepeatMs?: number;
}

export type ConnectResult = { kind: 'connected'; me: UserFromGetMe } | { kind: 'rejected'; reason: string } | { kind: 'stopped' };

const MAX_REPEAT_MS = 10 * 60_000;

export async function connectToTelegram(options: ConnectOptions): Promise<ConnectResult> {
  const { logger } = options;
  const api = new Api(options.token, { apiRoot: options.apiRoot, timeoutSeconds: options.attemptTimeoutSeconds ?? 8 });
  const apiRoot = safeOrigin(options.apiRoot);
  const maxDelay = options.maxDelayMs ?? 60_000;
  let delay = options.firstDelayMs ?? 1_000;
  let repeatEvery = options.firstRepeatMs ?? 60_000;
  let lastWarnAt: number | null = null;
  const failingSince = Date.now();

  for (let attempt = 1; ; attempt++) {
    if (options.stopping()) return { kind: 'stopped' };
    try {
      const me = await api.getMe();
      if (lastWarnAt !== null) logger.info({ api_root: apiRoot, attempts: attempt }, 'reached Telegram');
      return { kind: 'connected', me };
    } catch (error) {
      const problem = classify(error);
      if (problem.fatal) return { kind: 'rejected', reason: problem.reason };
      if (options.stopping()) return { kind: 'stopped' };
      const now = Date.now();
      const fields = { api_root: apiRoot, reason: problem.reason, attempt, retry_in_ms: delay };
      if (lastWarnAt === null) {
        logger.warn(fields, `cannot reach Telegram at ${apiRoot}: ${problem.reason}; retrying with backoff`);
        lastWarnAt = now;
      } else if (now - lastWarnAt >= repeatEvery) {
        const minutes = Math.round((now - failingSince) / 60_000);
        logger.warn({ ...fields, failing_for_min: minutes }, `still cannot reach Telegram at ${apiRoot}: ${problem.reason}`);
        lastWarnAt = now;
        repeatEvery = Math.min(MAX_REPEAT_MS, repeatEvery * 2);
      } else {
        logger.debug(fields, 'cannot reach Telegram yet');
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(maxDelay, delay * 2);
    }
  }
}

/** What went wrong, in words an operator can act on; never the request URL (it holds the token). */
export function classify(error: unknown): { fatal: boolean; reason: string } {
  if (error instanceof GrammyError) {
    if (error.error_code === 401) return { fatal: true, reason: 'Telegram rejected BOT_TOKEN (401 Unauthorized)' };
    if (error.error_code === 404) {
      return { fatal: true, reason: 'Telegram answered 404 Not Found: BOT_TOKEN is wrong, or TELEGRAM_API_ROOT is not a Bot API server' };
    }
    return { fatal: false, reason: `Telegram answered ${error.error_code} ${error.description}` };
  }
  if (error instanceof HttpError) {
    const inner = error.error as { code?: unknown; name?: unknown; message?: unknown; type?: unknown } | undefined;
    // node-fetch reports a body that is not JSON as FetchError type 'invalid-json'.
    if (inner instanceof SyntaxError || inner?.type === 'invalid-json') {
      return { fatal: false, reason: 'the server answered, but not like the Bot API (no JSON): is TELEGRAM_API_ROOT right?' };
    }
    const code = typeof inner?.code === 'string' ? inner.code : undefined;
    const cause = (inner as { cause?: { code?: unknown } } | undefined)?.cause;
    const causeCode = typeof cause?.code === 'string' ? cause.code : undefined;
    if (code ?? causeCode) return { fatal: false, reason: `network error ${code ?? causeCode}` };
    if (inner?.name === 'AbortError' || /timed? ?out|timeout/i.test(String(inner?.message))) {
      return { fatal: false, reason: 'no answer (timed out)' };
    }
    return { fatal: false, reason: 'network error' };
  }
  return { fatal: false, reason: error instanceof Error ? error.name : 'unknown error' };
}

/** The API root without any user:password part, for logs. */
function safeOrigin(root: string): string {
  try {
    return new URL(root).origin;
  } catch {
    return '(invalid URL)';
  }
}

import Database from 'better-sqlite3';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Liveness } from './liveness.js';
import { registry } from './metrics.js';

/**
 * GET /healthz, /readyz and /metrics as a route function a plain `node:http` server can try
 * before its own routes: it answers and returns true, or leaves the request alone and returns
 * false. The webhook server and the polling-mode health listener both use it.
 */
export type ExtraRoutes = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface HealthOptions {
  liveness: Liveness;
  /** Null when the database can take a write now; otherwise what is wrong. */
  checkDatabase: () => string | null;
  /**
   * Polling mode: updates must have been polled or received within `updatesWithinMs`.
   * Webhook mode: Telegram only calls when someone writes, so silence is normal there and only
   * a known receiving problem makes the bot unready.
   */
  mode: 'polling' | 'webhook';
  /** A getUpdates call is running (a long poll); started when (ms), or null. */
  pollInFlightSince?: () => number | null;
  updatesWithinMs: number;
  tickWithinMs: number;
  /** False until the bot has reached Telegram and started: unready before that. */
  started: () => boolean;
  /** Wall clock for ages (ms). */
  now?: () => number;
}

export interface Readiness {
  ready: boolean;
  /** One entry per check: 'ok' or why it failed. */
  checks: { started: string; database: string; updates: string; scheduler: string };
}

/** A long poll hangs up to 30 s by design; one running this long is as good as a fresh answer. */
const LONG_POLL_GRACE_MS = 60_000;

export function readiness(options: HealthOptions): Readiness {
  const now = (options.now ?? Date.now)();
  const { liveness } = options;
  const age = (at: number | null) => (at === null ? null : now - at);

  const started = options.started() ? 'ok' : 'not started: Telegram not reached yet';

  let database: string;
  try {
    database = options.checkDatabase() ?? 'ok';
  } catch (error) {
    database = `failed: ${error instanceof Error ? error.message : String(error)}`;
  }

  let updates = 'ok';
  if (liveness.receivingProblem) {
    updates = `not receiving: ${liveness.receivingProblem}`;
  } else if (options.mode === 'polling') {
    const lastAge = age(liveness.lastActivityAt());
    const pollAge = age(options.pollInFlightSince?.() ?? null);
    const fresh =
      (lastAge !== null && lastAge <= options.updatesWithinMs) ||
      (pollAge !== null && pollAge <= Math.max(options.updatesWithinMs, LONG_POLL_GRACE_MS));
    if (!fresh) {
      updates =
        lastAge === null
          ? 'no updates polled or received since start'
          : `no updates polled or received for ${Math.round(lastAge / 1000)} s`;
    }
  }

  const tickAge = age(liveness.lastTickAt);
  const scheduler =
    tickAge === null ? 'no scheduler tick yet'
    : tickAge > options.tickWithinMs ? `last scheduler tick ${Math.round(tickAge / 1000)} s ago`
    : 'ok';

  const checks = { started, database, updates, scheduler };
  return { ready: Object.values(checks).every((c) => c === 'ok'), checks };
}

export function createHealthRoutes(options: HealthOptions): ExtraRoutes {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = (req.url ?? '').split('?')[0];
    switch (path) {
      case '/healthz':
        // The process is alive and its event loop answers; nothing else is checked here.
        sendJson(res, 200, { status: 'alive' });
        return true;
      case '/readyz': {
        const result = readiness(options);
        sendJson(res, result.ready ? 200 : 503, { status: result.ready ? 'ready' : 'unready', checks: result.checks });
        return true;
      }
      case '/metrics':
        registry.metrics().then(
          (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
          () => res.writeHead(500).end(),
        );
        return true;
      default:
        return false;
    }
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(`${JSON.stringify(body)}\n`);
}

/**
 * Asks the database file for its write lock on a connection of its own, with a short timeout,
 * so a file locked by another process (a stuck backup, a manual sqlite3 session) shows as
 * unready within a fraction of a second instead of blocking the probe for the bot's 5 s.
 */
export class DatabaseProbe {
  private readonly connection: Database.Database;

  constructor(path: string, timeoutMs = 250) {
    this.connection = new Database(path, { fileMustExist: true, timeout: timeoutMs });
  }

  check = (): string | null => {
    try {
      this.connection.exec('BEGIN IMMEDIATE');
      this.connection.exec('ROLLBACK');
      return null;
    } catch (error) {
      if (this.connection.inTransaction) this.connection.exec('ROLLBACK');
      const code = (error as { code?: string }).code;
      return code === 'SQLITE_BUSY' ? 'database is locked' : `database error: ${code ?? (error as Error).message}`;
    }
  };

  close(): void {
    this.connection.close();
  }
}

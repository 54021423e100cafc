import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { webhookCallback, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../logger.js';
import type { Liveness } from './liveness.js';
import type { ExtraRoutes } from './health.js';

/** Telegram's updates are a few kilobytes; anything near this is not from Telegram. */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Telegram is answered when the update is handled or after this long, whichever comes first;
 * the handling goes on after the answer. Well inside the 10 s grammY assumes for Telegram.
 */
export const ACK_AFTER_MS = 5_000;
/** A client that has not sent its whole body by now is cut off (half-sent bodies). */
const BODY_TIMEOUT_MS = 10_000;


export interface WebhookServerOptions {
  bot: Bot<any>;
  secret: string;
  liveness: Liveness;
  logger: Logger;
  extraRoutes?: ExtraRoutes;
}

export interface WebhookServer {
  server: Server;
  listen(port: number): Promise<void>;
  /**
   * Stops accepting, lets requests in progress finish for up to `graceMs` (each is answered
   * within ACK_AFTER_MS anyway), then cuts every connection still open (half-sent bodies,
   * idle keep-alives).
   */
  close(graceMs: number): Promise<void>;
}

class RequestError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * The HTTP side of webhook mode, hardened against what arrives on a public port:
 * - a wrong or missing secret → 401, body unread;
 * - a body over 1 MB → 413 as soon as the size is known (Content-Length or the stream), unread;
 * - malformed JSON, or JSON that is not an update → 400, one log line, no content logged;
 * - a slow update → 200 after ACK_AFTER_MS while handling goes on (grammY's `onTimeout:
 *   'return'`); per-chat order holds because the bot's own middleware sequentializes per chat;
 * - a redelivered update_id → handled once (the de-duplication middleware in the bot).
 * `GET /healthz` answers 200 while updates arrive and 503 while the process knows they do not.
 */
export function createWebhookServer(options: WebhookServerOptions): WebhookServer {
  const { bot, secret, liveness, logger } = options;
  const handle = webhookCallback(bot, 'callback', { onTimeout: 'return', timeoutMilliseconds: ACK_AFTER_MS, secretToken: secret });

  const server = createServer((req, res) => {
    if (options.extraRoutes?.(req, res)) return;
    if (req.method === 'POST') return void receiveUpdate(req, res);
    if (req.method === 'GET' && req.url === '/healthz') {
      const ok = liveness.receivingProblem === null;
      return void res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain' }).end(ok ? 'ok\n' : 'not receiving updates\n');
    }
    res.writeHead(404).end();
  });
  server.requestTimeout = BODY_TIMEOUT_MS;
  server.headersTimeout = BODY_TIMEOUT_MS;

  async function receiveUpdate(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const header = req.headers['x-telegram-bot-api-secret-token'];
      if (typeof header !== 'string' || !sameSecret(header, secret)) throw new RequestError(401, 'webhook request without the right secret');
      const update = parseUpdate(await readBody(req));
      liveness.recordPoll();
      liveness.recordUpdate();
      await handle(update, () => undefined, header);
      if (!res.headersSent) res.writeHead(200).end();
    } catch (error) {
      if (error instanceof RequestError) {
        logger.warn({ status: error.status }, error.message);
        // Close the connection: the client may still be sending a body we will not read.
        if (!res.headersSent) res.writeHead(error.status, { connection: 'close' }).end();
        return;
      }
      logger.error({ err: error instanceof Error ? { type: error.name, message: error.message, stack: error.stack } : String(error) }, 'webhook request failed');
      if (!res.headersSent) res.writeHead(500).end();
    }
  }

  return {
    server,
    listen: (port) => new Promise<void>((resolve) => server.listen(port, resolve)),
    async close(graceMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
    },
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads at most MAX_BODY_BYTES; refuses more without reading it. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Promise.reject(new RequestError(413, 'webhook body over 1 MB refused'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.pause();
        reject(new RequestError(413, 'webhook body over 1 MB refused'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => reject(new RequestError(400, 'webhook body cut off')));
    req.on('aborted', () => reject(new RequestError(400, 'webhook body cut off')));
  });
}

function parseUpdate(body: Buffer): Update {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new RequestError(400, 'webhook body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || !Number.isSafeInteger((parsed as { update_id?: unknown }).update_id)) {
    throw new RequestError(400, 'webhook body is not an update');
  }
  return parsed as Update;
}

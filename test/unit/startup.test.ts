import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { GrammyError, HttpError } from 'grammy';
import { classify, connectToTelegram } from '../../src/ops/startup.js';
import type { Logger } from '../../src/logger.js';

function recordingLogger() {
  const lines: Array<{ level: string; msg: string; fields: Record<string, unknown> }> = [];
  const at = (level: string) => (fields: Record<string, unknown>, msg: string) => lines.push({ level, msg, fields });
  return { lines, logger: { warn: at('warn'), info: at('info'), debug: at('debug'), error: at('error'), fatal: at('fatal') } as unknown as Logger };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('connectToTelegram', () => {
  it('warns once at once, retries quietly, and warns again only at growing intervals', async () => {
    const { lines, logger } = recordingLogger();
    let stop = false;
    const done = connectToTelegram({
      token: '123:abc', apiRoot: `http://127.0.0.1:${await closedPort()}`, logger, stopping: () => stop,
      firstDelayMs: 5, maxDelayMs: 20, firstRepeatMs: 150,
    });
    await expect.poll(() => lines.filter((l) => l.level === 'warn').length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    stop = true;
    expect(await done).toEqual({ kind: 'stopped' });

    const warns = lines.filter((l) => l.level === 'warn');
    expect(warns[0]!.msg).toMatch(/^cannot reach Telegram at http:\/\/127\.0\.0\.1:\d+: network error ECONNREFUSED; retrying with backoff$/);
    expect(warns[1]!.msg).toMatch(/^still cannot reach Telegram/);
    // Attempts in between are logged at debug only.
    expect(lines.filter((l) => l.level === 'debug').length).toBeGreaterThan(warns.length);
    expect(lines.map((l) => l.msg).join('\n')).not.toContain('123:abc');
  });
});

describe('classify', () => {
  const grammy = (code: number) => new GrammyError('x', { ok: false, error_code: code, description: `d${code}` }, 'getMe', {});
  it.each([
    [grammy(401), true, /rejected BOT_TOKEN/],
    [grammy(404), true, /TELEGRAM_API_ROOT is not a Bot API server/],
    [grammy(502), false, /^Telegram answered 502/],
    [new HttpError('x', Object.assign(new Error('bad json'), { type: 'invalid-json' })), false, /is TELEGRAM_API_ROOT right\?/],
    [new HttpError('x', Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })), false, /^network error ECONNREFUSED$/],
    [new HttpError('x', Object.assign(new Error('The operation was aborted'), { name: 'AbortError' })), false, /timed out/],
  ])('%#: fatal %s, %s', (error, fatal, reason) => {
    const result = classify(error);
    expect(result.fatal).toBe(fatal);
    expect(result.reason).toMatch(reason);
  });
});

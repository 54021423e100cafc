import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { BotApiEmulator, TEST_BOT_TOKEN } from '../../src/emulator/emulator.js';
import { startBot, type BotProcess } from '../support/bot-process.js';
import { setupE2E, type E2E } from '../support/fixtures.js';
import { freePort } from '../support/ports.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { localToday, seedUser } from '../support/seed.js';


/** Node can take many seconds to start on a loaded 2-core test machine; nothing here times it. */
const SLOW_START_MS = 60_000;
/**
 * What an operator relies on, through the real process: the start-up line when Telegram cannot
 * be reached, /healthz and /readyz turning unready for a locked database or stopped polling (and
 * ready again), and /metrics counting scheduled sends.
 */

let cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function tempDb(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'steady-nights-ops-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return join(dir, 'bot.sqlite');
}

async function bot(options: Parameters<typeof startBot>[0]): Promise<BotProcess> {
  const started = await startBot(options);
  cleanups.push(() => started.stop());
  return started;
}

async function get(port: number, path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, text: await res.text() };
}

describe('honest start-up', () => {
  it('says within 10 s that Telegram cannot be reached (closed port), keeps trying, and stops cleanly', async () => {
    const closed = await freePort();
    const b = await bot({ apiRoot: `http://127.0.0.1:${closed}`, token: TEST_BOT_TOKEN, dbPath: await tempDb(), env: { LOG_LEVEL: 'info' } });
    // The promise is one line within 10 s of the bot's start; the wait is longer only because
    // node itself can take seconds to start on a loaded test machine (no timing is asserted).
    const line = await b.waitForLog('cannot reach Telegram', 30_000);
    expect(line).toContain(`http://127.0.0.1:${closed}`);
    expect(line).toContain('ECONNREFUSED');
    expect(line).not.toContain(TEST_BOT_TOKEN);
    expect(b.exitInfo).toBeUndefined();
    expect(await b.stop()).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('says the API root is wrong when it answers with something that is not the Bot API', async () => {
    const server: Server = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<html>Not here</html>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const port = (server.address() as { port: number }).port;
    const b = await bot({ apiRoot: `http://127.0.0.1:${port}`, token: TEST_BOT_TOKEN, dbPath: await tempDb(), env: { LOG_LEVEL: 'info' } });
    const line = await b.waitForLog('cannot reach Telegram', 30_000);
    expect(line).toContain('is TELEGRAM_API_ROOT right?');
  }, 180_000);

  it('exits 1 when Telegram rejects the token', async () => {
    const emu = await BotApiEmulator.start();
    cleanups.push(() => emu.stop());
    const b = await bot({ apiRoot: emu.apiRoot, token: '999:wrong-token', dbPath: await tempDb() });
    expect((await b.exited).code).toBe(1);
    expect(b.logs.join('\n')).toContain('Telegram rejected BOT_TOKEN');
  }, 180_000);
});

describe('/readyz', () => {
  it('is unready while another connection holds the database write lock, and ready again after', async () => {
    const port = await freePort();
    const e = await setupE2E({ env: { HEALTH_PORT: String(port) }, startupTimeoutMs: SLOW_START_MS });
    cleanups.push(() => e.teardown());
    expect(await get(port, '/healthz')).toMatchObject({ status: 200 });
    await expect.poll(async () => (await get(port, '/readyz')).status, { timeout: 10_000 }).toBe(200);

    const locker = new Database(e.dbPath);
    cleanups.push(async () => locker.close());
    locker.exec('BEGIN IMMEDIATE');
    const locked = await get(port, '/readyz');
    expect(locked.status).toBe(503);
    expect(JSON.parse(locked.text).checks).toMatchObject({ database: 'database is locked', updates: 'ok', scheduler: 'ok' });
    // /healthz only says the process is alive.
    expect((await get(port, '/healthz')).status).toBe(200);

    locker.exec('ROLLBACK');
    expect((await get(port, '/readyz')).status).toBe(200);
  }, 180_000);

  it('is unready when polling stops (Telegram down), and ready again when it is back', async () => {
    const emu = await BotApiEmulator.start();
    cleanups.push(() => emu.stop());
    const proxy = await TcpProxy.start(emu.apiRoot);
    cleanups.push(() => proxy.down());
    const port = await freePort();
    const b = await bot({
      apiRoot: proxy.url,
      token: emu.token,
      dbPath: await tempDb(),
      env: { HEALTH_PORT: String(port), READY_UPDATES_WITHIN_SECONDS: '2' },
    });
    await b.waitUntilPolling(emu, SLOW_START_MS);
    await expect.poll(async () => (await get(port, '/readyz')).status, { timeout: 10_000 }).toBe(200);

    await proxy.down();
    await expect
      .poll(async () => JSON.parse((await get(port, '/readyz')).text), { timeout: 20_000, interval: 500 })
      .toMatchObject({ status: 'unready', checks: { updates: expect.stringMatching(/^(no updates polled or received (for \d+ s|since start)|not receiving: .+)$/), database: 'ok' } });

    await proxy.up();
    // The bot's retry backoff decides when it polls again; then it is ready.
    await expect.poll(async () => (await get(port, '/readyz')).status, { timeout: 60_000, interval: 500 }).toBe(200);
  }, 120_000);
});

describe('webhook mode', () => {
  it('serves /healthz, /readyz and /metrics on the webhook port, next to the webhook itself', async () => {
    const emu = await BotApiEmulator.start();
    cleanups.push(() => emu.stop());
    const port = await freePort();
    const b = await bot({
      apiRoot: emu.apiRoot,
      token: emu.token,
      dbPath: await tempDb(),
      env: { BOT_MODE: 'webhook', WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: 's3cret', PORT: String(port), LOG_LEVEL: 'info' },
    });
    await b.waitForLog('"mode":"webhook"', SLOW_START_MS);
    expect(emu.webhookUrl).toBe('https://bot.example.org/hook');
    expect(await get(port, '/healthz')).toMatchObject({ status: 200 });
    const ready = await get(port, '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text).checks).toEqual({ started: 'ok', database: 'ok', updates: 'ok', scheduler: 'ok' });

    // An update posted to the webhook is handled and counted.
    const update = { update_id: 1, message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: 42, type: 'private', first_name: 'A' }, from: { id: 42, is_bot: false, first_name: 'A' }, text: '/help' } };
    const posted = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 's3cret' }, body: JSON.stringify(update) });
    expect(posted.status).toBe(200);
    await expect.poll(async () => (await get(port, '/metrics')).text, { timeout: 15_000 }).toMatch(/^steady_updates_total\{kind="message"\} 1$/m);
  }, 180_000);
});

describe('/metrics', () => {
  it('counts the morning prompts of a broadcast by kind and outcome, and updates by kind, with no ids', async () => {
    const zone = 'America/Chicago';
    const today = localToday(zone);
    const eight = DateTime.fromISO(today, { zone }).set({ hour: 8 });
    const port = await freePort();
    const env = { HEALTH_PORT: String(port), SCHEDULER_CRON: '* * * * * *', CLOCK_START: eight.minus({ seconds: 3 }).toUTC().toISO()! };
    const e = await setupE2E({ env, startupTimeoutMs: SLOW_START_MS });
    cleanups.push(() => e.teardown());
    const users = Array.from({ length: 5 }, () => e.emu.createUser());
    for (const user of users) {
      seedUser(e.dbPath, { id: user.id, zone, daysSinceLastDose: 3, patch: { morningTime: '08:00', eveningTime: '22:00' } });
    }
    await e.restart();

    for (const user of users) await e.emu.waitForMessage(user.id, (m) => m.text.startsWith('☀️ Good morning'), { timeoutMs: 30_000 });
    e.emu.sendText(users[0]!, '/help');
    await e.emu.waitForMessage(users[0]!.id, undefined, { timeoutMs: 30_000 });

    const metricsText = async () => (await get(port, '/metrics')).text;
    await expect.poll(metricsText, { timeout: 15_000 }).toMatch(/^steady_reminders_total\{kind="morning",outcome="sent"\} 5$/m);
    const text = await metricsText();
    expect(text).toMatch(/^steady_updates_total\{kind="message"\} [1-9]\d*$/m);
    expect(text).toMatch(/^steady_process_resident_memory_bytes \d+/m);
    // The id as a whole number (a label or a value), not digits inside another value such as
    // a tick-duration sum of 0.018679381000000037.
    for (const user of users) expect(text).not.toMatch(new RegExp(`(^|[^0-9.])${user.id}($|[^0-9])`, 'm'));
  }, 180_000);
});

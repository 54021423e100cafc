import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_ENTRY, REPO_ROOT } from '../support/bot-process.js';
import { TEST_BOT_TOKEN } from '../../src/emulator/emulator.js';
import { setupE2E, type E2E } from '../support/fixtures.js';
import { noonZone, seedUser } from '../support/seed.js';

function runWithEnv(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'sn-start-'));
  try {
    return spawnSync(process.execPath, [BOT_ENTRY], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_PATH: join(dir, 'x.sqlite'), ...env },
      encoding: 'utf8',
      timeout: 15_000,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('start-up configuration', () => {
  it('stops with one line naming BOT_TOKEN when it is missing', () => {
    const result = runWithEnv({});
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Invalid configuration: BOT_TOKEN is required');
  });

  it('stops on a malformed token without printing it', () => {
    const secret = 'definitely-not-a-token-SECRET42';
    const result = runWithEnv({ BOT_TOKEN: secret });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('BOT_TOKEN is not a valid bot token');
    expect(result.stderr + result.stdout).not.toContain(secret);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('Telegram errors and logs', () => {
  let e: E2E;
  afterEach(async () => {
    await e?.teardown();
  });

  it('retries 429 (after retry_after), 5xx and dropped connections, so the reply still arrives', async () => {
    e = await setupE2E();
    const { emu } = e;
    const user = emu.createUser();
    emu.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    emu.sendText(user, '/help');
    expect((await emu.waitForMessage(user.id, undefined, { timeoutMs: 10_000 })).text).toContain('988');

    emu.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway', times: 2 });
    emu.sendText(user, '/help');
    expect((await emu.waitForMessage(user.id, undefined, { timeoutMs: 15_000 })).text).toContain('988');

    emu.dropNext('sendMessage');
    emu.sendText(user, '/help');
    expect((await emu.waitForMessage(user.id, undefined, { timeoutMs: 15_000 })).text).toContain('988');
  });

  it('logs a failing handler without its payload, keeps running, and answers the next update', async () => {
    e = await setupE2E();
    const { emu } = e;
    const user = emu.createUser();
    emu.failNext('sendMessage', { error_code: 400, description: 'Bad Request: something odd', times: 2 });
    emu.sendText(user, '/help');
    await e.bot.waitForLog(/update handler failed/);
    const failure = e.bot.logs.find((line) => line.includes('update handler failed'))!;
    expect(failure).toContain('something odd');
    expect(failure).not.toContain('988'); // the reply text we tried to send is not logged
    emu.sendText(user, '/help');
    expect((await emu.waitForMessage(user.id, (m) => m.text.includes('988'))).text).toContain('988');
  });

  it('keeps health answers, crisis text and the token out of the logs, even at debug level', async () => {
    e = await setupE2E({ env: { LOG_LEVEL: 'trace' } });
    const { emu } = e;
    const user = emu.createUser();
    seedUser(e.dbPath, { id: user.id, zone: noonZone() });
    emu.sendText(user, '/checkin');
    await emu.waitForMessage(user.id, (m) => m.text.includes('hours'));
    emu.sendText(user, '4h30');
    await emu.waitForMessage(user.id, (m) => m.text.includes('rate your sleep'));
    emu.sendText(user, 'I want to kill myself');
    await emu.waitForMessage(user.id, (m) => m.text.includes('988'));
    await e.bot.waitForLog(/crisis language detected/);
    const logs = e.bot.logs.join('\n');
    expect(logs).toContain('update handled');
    for (const secret of ['4h30', 'kill myself', TEST_BOT_TOKEN, TEST_BOT_TOKEN.split(':')[1]!]) {
      expect(logs).not.toContain(secret);
    }
  });
});

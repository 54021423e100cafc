import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setupE2E, type E2E } from '../support/fixtures.js';
import { REPO_ROOT, startBot, type BotProcess } from '../support/bot-process.js';
import { localToday, seedNight, seedUser, withStores } from '../support/seed.js';
import { addDays } from '../../src/domain/dates.js';
import { integrityProblem } from '../../src/ops/backup.js';

const run = promisify(execFile);


/** Node can take many seconds to start on a loaded 2-core test machine; nothing here times it. */
const SLOW_START_MS = 60_000;
/**
 * Backups while the bot runs and writes, checked, then restored: the restored file is what the
 * next bot process starts on.
 */

let e: E2E | undefined;
let restored: BotProcess | undefined;
afterEach(async () => {
  await restored?.stop();
  await e?.teardown();
  restored = undefined;
  e = undefined;
});

describe('backups', () => {
  it('`npm run backup -- <file>` copies the live database consistently while the bot writes; the copy restores and the bot starts on it', async () => {
    e = await setupE2E({ startupTimeoutMs: SLOW_START_MS });
    const zone = 'Europe/Madrid';
    const user = e.emu.createUser({ languageCode: 'es' });
    seedUser(e.dbPath, { id: user.id, zone, locale: 'es', daysSinceLastDose: 5 });
    seedNight(e.dbPath, user.id, { date: addDays(localToday(zone), -1), hours: 4.5 });
    // Keep the bot writing (a second user onboarding) while the backup runs.
    const other = e.emu.createUser();
    e.emu.sendText(other, '/start');

    const backupFile = join(e.tmpDir, 'backups', 'copy.sqlite');
    const { stdout } = await run(process.execPath, ['dist/ops/backup-cli.js', backupFile], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_PATH: e.dbPath },
    });
    expect(stdout).toMatch(/^Backup written to .*copy\.sqlite \(\d+ bytes, \d+ ms\); integrity_check ok$/m);
    expect(integrityProblem(backupFile)).toBeNull();
    // One self-contained file: nothing left beside it.
    expect(readdirSync(join(e.tmpDir, 'backups'))).toEqual(['copy.sqlite']);

    // Restore: stop the bot, put the copy in place, start the bot on it.
    await e.bot.stop();
    const restoredPath = join(e.tmpDir, 'restored.sqlite');
    copyFileSync(backupFile, restoredPath);
    restored = await startBot({ apiRoot: e.emu.apiRoot, token: e.emu.token, dbPath: restoredPath });
    await restored.waitUntilPolling(e.emu, SLOW_START_MS);

    expect(withStores(restoredPath, ({ users }) => users.get(user.id)?.timeZone)).toBe(zone);
    expect(withStores(restoredPath, ({ checkins }) => checkins.night(user.id, addDays(localToday(zone), -1))?.hours)).toBe(4.5);
    e.emu.sendText(user, '/settings');
    const reply = await e.emu.waitForMessage(user.id, undefined, { timeoutMs: 10_000 });
    expect(reply.text).toContain(zone.split('/')[1]);
  }, 180_000);

  it('says why and exits 1 when the database file does not exist', async () => {
    const failed = await run(process.execPath, ['dist/ops/backup-cli.js', '/tmp/never-written.sqlite'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_PATH: '/nonexistent/dir/bot.sqlite' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringMatching(/^Backup failed: /) });
    expect(existsSync('/tmp/never-written.sqlite')).toBe(false);
  }, 180_000);

  it('BACKUP_DIR: the bot backs itself up at start and keeps the newest BACKUP_KEEP', async () => {
    e = await setupE2E({ startupTimeoutMs: SLOW_START_MS });
    const dir = join(e.tmpDir, 'auto');
    await e.restart({ env: { BACKUP_DIR: dir, BACKUP_KEEP: '1' } });
    await e.bot.waitForLog('backup written', SLOW_START_MS);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^steady-nights-\d{8}T\d{6}Z\.sqlite$/);
    expect(integrityProblem(join(dir, files[0]!))).toBeNull();
  }, 180_000);
});

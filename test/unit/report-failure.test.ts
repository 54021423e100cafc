import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBot } from '../../src/bot/create-bot.js';
import type { Deps } from '../../src/bot/deps.js';
import { loadConfig } from '../../src/config.js';
import { addDays, localDateOf } from '../../src/domain/dates.js';
import { BotApiEmulator, TEST_BOT_TOKEN } from '../../src/emulator/emulator.js';
import { CheckinStore } from '../../src/storage/checkins.js';
import { openDatabase } from '../../src/storage/db.js';
import { RelapseStore } from '../../src/storage/relapses.js';
import { ScheduleStore } from '../../src/storage/schedules.js';
import { UserStore } from '../../src/storage/users.js';
import { CrisisEventStore } from '../../src/storage/crisis-events.js';
import { WakeStore } from '../../src/storage/wakes.js';

/**
 * A rendering failure cannot be provoked from outside the process, so this runs the real bot
 * in-process against the emulator, with the chart renderer made to throw — with health data
 * in its message, as a careless library error might — and checks what the user and the log get.
 */
vi.mock('../../src/report/chart.js', () => ({
  renderReportChart: vi.fn(async () => {
    throw new Error('cannot draw 4.5 h night, anxiety 9/10');
  }),
}));

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('/report when rendering fails', () => {
  it('apologises clearly, sends no file, and logs the failure without its message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steady-nights-report-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const emu = await BotApiEmulator.start();
    cleanups.push(() => emu.stop());
    const db = openDatabase(join(dir, 'bot.sqlite'));
    cleanups.push(() => void db.close());

    const logLines: string[] = [];
    const logger = pino(
      { level: 'debug' },
      new Writable({
        write(chunk, _encoding, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    );
    const config = loadConfig({ BOT_TOKEN: TEST_BOT_TOKEN, TELEGRAM_API_ROOT: emu.apiRoot, DATABASE_PATH: join(dir, 'bot.sqlite') });
    const deps: Deps = {
      config,
      logger,
      db,
      users: new UserStore(db),
      checkins: new CheckinStore(db),
      schedules: new ScheduleStore(db),
      relapses: new RelapseStore(db),
      crisisEvents: new CrisisEventStore(db),
      wakes: new WakeStore(db),
      now: () => new Date(),
    };
    const user = emu.createUser({ languageCode: 'en' });
    const now = new Date();
    const today = localDateOf(now, 'UTC');
    deps.users.createWithConsent(user.id, 'en', now);
    deps.users.update(user.id, { status: 'stopped', lastDoseDate: addDays(today, -6), timeZone: 'UTC', onboardedAt: now.toISOString() }, now);
    for (let i = 1; i <= 3; i++) {
      deps.checkins.startDraft(user.id, addDays(today, -i), false, now);
      deps.checkins.saveAnswer(user.id, 'hours', 4.5, now);
      deps.checkins.saveAnswer(user.id, 'anxiety', 9, now);
      deps.checkins.complete(user.id, [], now);
    }

    const { bot } = createBot(deps);
    await bot.init();
    await bot.handleUpdate(emu.sendText(user, '/report'));
    const choice = await emu.waitForMessage(user.id);
    await bot.handleUpdate(emu.pressButton(user, choice, 'Last 14 nights'));

    const apology = await emu.waitForMessage(user.id, (m) => m.method === 'sendMessage' && m.messageId !== choice.messageId);
    expect(apology.text).toContain("couldn't make the PDF");
    expect(apology.text).toContain('/report');
    expect(emu.sent(user.id).some((m) => m.method === 'sendDocument')).toBe(false);

    const failure = logLines.find((line) => line.includes('report rendering failed'));
    expect(failure).toBeDefined();
    expect(JSON.parse(failure!)).toMatchObject({ level: 50, err: { type: 'Error' }, windowDays: 14 });
    for (const line of logLines) {
      expect(line).not.toContain('4.5 h');
      expect(line).not.toContain('anxiety 9');
    }
  }, 60_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { createLogger } from '../../src/logger.js';
import { ReminderScheduler } from '../../src/scheduler/scheduler.js';
import { CheckinStore } from '../../src/storage/checkins.js';
import { openDatabase, type Db } from '../../src/storage/db.js';
import { RelapseStore } from '../../src/storage/relapses.js';
import { ScheduleStore } from '../../src/storage/schedules.js';
import { UserStore } from '../../src/storage/users.js';

// The Sunday evening with the chart pool stubbed: when the pool would refuse the render, the plain
// wind-down goes out at once and no summary is built (no week of nights read on the event loop).
const pool = vi.hoisted(() => ({ hasRoom: true, renders: 0 }));
vi.mock('../../src/chart/pool.js', () => ({
  chartPoolHasRoom: () => pool.hasRoom,
  warmChartPool: () => undefined,
  renderChartOffThread: async () => {
    pool.renders++;
    return Buffer.from([1, 2, 3]);
  },
}));

let dir: string;
let db: Db;
let users: UserStore;
let schedules: ScheduleStore;
let checkins: CheckinStore;
let scheduler: ReminderScheduler | undefined;
const USER = 4242;
const sunday = '2026-11-29';
const dueAt = new Date(`${sunday}T21:00:00.000Z`);
const now = new Date(dueAt.getTime() + 5_000);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sn-sunday-'));
  db = openDatabase(join(dir, 'bot.sqlite'));
  users = new UserStore(db);
  schedules = new ScheduleStore(db);
  checkins = new CheckinStore(db);
  pool.renders = 0;
  const setUp = new Date('2026-11-01T12:00:00.000Z');
  users.createWithConsent(USER, 'en', setUp);
  users.update(USER, { status: 'stopped', lastDoseDate: '2026-11-01', timeZone: 'UTC', onboardedAt: setUp.toISOString(), eveningTime: '21:00', eveningEnabled: true, morningEnabled: false }, setUp);
  for (let ago = 13; ago >= 0; ago--) {
    const date = addDays(sunday, -ago);
    const at = new Date(`${date}T08:00:00.000Z`);
    checkins.startDraft(USER, date, false, at);
    for (const [field, value] of [['hours', 4 + (ago % 3)], ['quality', 3], ['restlessness', 1], ['anxiety', 2]] as const) checkins.saveAnswer(USER, field, value, at);
    checkins.saveFlags(USER, [], at);
    checkins.complete(USER, [], at);
  }
  schedules.set(USER, 'evening', dueAt);
});
afterEach(async () => {
  await scheduler?.stop(1000);
  scheduler = undefined;
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function run() {
  const calls: Array<{ method: string; text: string }> = [];
  const reads = vi.fn();
  const api = {
    sendMessage: async (_chat: number, text: string) => (calls.push({ method: 'sendMessage', text }), { message_id: 1 }),
    sendPhoto: async (_chat: number, _photo: unknown, options: { caption: string }) => (calls.push({ method: 'sendPhoto', text: options.caption }), { message_id: 1 }),
  } as unknown as Api;
  scheduler = new ReminderScheduler(
    {
      logger: createLogger({ level: 'silent', secrets: [] }),
      users,
      checkins: { night: checkins.night.bind(checkins), draft: checkins.draft.bind(checkins), nights: (...args) => (reads(), checkins.nights(...args)) },
      relapses: new RelapseStore(db),
      schedules,
      now: () => now,
      api,
      translator: () => (key) => key,
    },
    { cron: '0 0 1 1 *', ratePerSecond: 25 },
  );
  scheduler.start();
  return { calls, reads };
}

async function until(condition: () => boolean) {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('ReminderScheduler: the Sunday summary and a busy chart renderer', () => {
  it('sends the summary with its chart when the renderer has room', async () => {
    pool.hasRoom = true;
    const { calls, reads } = run();
    await until(() => calls.length === 1);
    expect(calls[0]!.method).toBe('sendPhoto');
    expect(calls[0]!.text.startsWith('weekly-title')).toBe(true);
    expect(pool.renders).toBe(1);
    // One read of the nights serves the chart, the lines and the last week's tips.
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('sends the plain wind-down at once, without building the summary, when the renderer would refuse', async () => {
    pool.hasRoom = false;
    const { calls, reads } = run();
    await until(() => calls.length === 1);
    expect(calls[0]!.method).toBe('sendMessage');
    expect(calls[0]!.text.startsWith('winddown-title')).toBe(true);
    expect(pool.renders).toBe(0);
    expect(reads).not.toHaveBeenCalled();
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { ReminderScheduler } from '../../src/scheduler/scheduler.js';
import { CheckinStore } from '../../src/storage/checkins.js';
import { openDatabase, type Db } from '../../src/storage/db.js';
import { RelapseStore } from '../../src/storage/relapses.js';
import { ScheduleStore } from '../../src/storage/schedules.js';
import { UserStore } from '../../src/storage/users.js';

// The scheduler against a real SQLite file and a fake Telegram API that records sends. One tick,
// many more reminders due than one page: the queue must be fed past its first page.

let dir: string;
let db: Db;
let users: UserStore;
let schedules: ScheduleStore;
let scheduler: ReminderScheduler | undefined;
const setUpAt = new Date('2026-11-20T12:00:00.000Z');
const now = new Date('2026-11-23T14:00:30.000Z'); // a Monday, 08:00:30 in Chicago

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sn-scheduler-'));
  db = openDatabase(join(dir, 'bot.sqlite'));
  users = new UserStore(db);
  schedules = new ScheduleStore(db);
});
afterEach(async () => {
  await scheduler?.stop(1000);
  scheduler = undefined;
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function onboard(id: number) {
  users.createWithConsent(id, 'en', setUpAt);
  users.update(id, { status: 'stopped', lastDoseDate: '2026-11-19', timeZone: 'America/Chicago', onboardedAt: setUpAt.toISOString() }, setUpAt);
}

function fakeApi(sent: number[]) {
  let messageId = 0;
  const sendMessage = async (chatId: number, _text: string, options: Record<string, unknown>) => {
    sent.push(chatId);
    return { message_id: ++messageId, paid: options.allow_paid_broadcast } as never;
  };
  return { sendMessage, sendPhoto: sendMessage } as unknown as Api;
}

function newScheduler(sent: number[], options: { rate: number; paid?: boolean }) {
  scheduler = new ReminderScheduler(
    {
      logger: createLogger({ level: 'silent', secrets: [] }),
      users,
      checkins: new CheckinStore(db),
      relapses: new RelapseStore(db),
      schedules,
      now: () => now,
      api: fakeApi(sent),
      translator: () => (key) => key,
    },
    { cron: '* * * * *', ratePerSecond: options.rate, allowPaidBroadcast: options.paid ?? false },
  );
  return scheduler;
}

async function until(condition: () => boolean, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('ReminderScheduler: one tick feeds the queue past its first page', () => {
  it('sends every one of 2,500 reminders due in the same minute exactly once, in due order, from a single tick', { timeout: 120_000 }, async () => {
    const ids = Array.from({ length: 2_500 }, (_, i) => 1_000 + i);
    db.transaction(() => {
      for (const id of ids) onboard(id);
      // Morning prompts due over the last 10 s (in reverse id order, so due order ≠ id order).
      ids.forEach((id, i) => schedules.set(id, 'morning', new Date(now.getTime() - 10_000 + (ids.length - i))));
    })();
    const sent: number[] = [];
    const s = newScheduler(sent, { rate: 1000, paid: true });
    s.tick(); // no cron in this test: nothing else ticks
    await until(() => sent.length >= ids.length && s.pending === 0);

    expect(sent).toHaveLength(ids.length);
    expect(new Set(sent).size).toBe(ids.length);
    expect(sent).toEqual([...ids].reverse());
    const statuses = db.prepare("SELECT status, count(*) AS n FROM deliveries WHERE kind = 'morning' GROUP BY status").all();
    expect(statuses).toEqual([{ status: 'sent', n: ids.length }]);
  });

  it('a second tick while the first is still sending queues nothing twice', { timeout: 120_000 }, async () => {
    const ids = Array.from({ length: 300 }, (_, i) => 5_000 + i);
    db.transaction(() => {
      for (const id of ids) {
        onboard(id);
        schedules.set(id, 'morning', new Date(now.getTime() - 1_000));
      }
    })();
    const sent: number[] = [];
    const s = newScheduler(sent, { rate: 200 });
    s.tick();
    s.tick();
    await new Promise((resolve) => setTimeout(resolve, 100));
    s.tick();
    await until(() => sent.length >= ids.length && s.pending === 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent).toHaveLength(ids.length);
    expect(new Set(sent).size).toBe(ids.length);
  });
});

describe('ReminderScheduler: the ledger is pruned', () => {
  it('deletes ledger rows older than the retention on a tick, and keeps newer ones', () => {
    onboard(1);
    const claim = (localDate: string, dueAt: Date) => {
      schedules.set(1, 'evening', dueAt);
      schedules.claim({ userId: 1, kind: 'evening', localDate, dueAt, next: new Date('2026-12-30T04:00:00Z'), status: 'skipped', now });
    };
    claim('2026-11-01', new Date('2026-11-02T04:00:00Z')); // 21 days old
    claim('2026-11-08', new Date('2026-11-09T04:00:00Z')); // 14.4 days old
    claim('2026-11-12', new Date('2026-11-13T04:00:00Z')); // 10.4 days old
    const sent: number[] = [];
    newScheduler(sent, { rate: 10 }).tick();
    const left = db.prepare('SELECT local_date FROM deliveries ORDER BY local_date').pluck().all();
    expect(left).toEqual(['2026-11-12']);
  });
});

describe('ScheduleStore.usersMissingSchedulesChunk: the start-up check in small steps', () => {
  it('finds, chunk by chunk, exactly the users the all-at-once query finds', () => {
    db.transaction(() => {
      for (let id = 1; id <= 50; id++) {
        onboard(id * 3);
        if (id % 4 !== 0) schedules.set(id * 3, 'morning', now);
        if (id % 5 !== 0) schedules.set(id * 3, 'evening', now);
      }
      users.createWithConsent(1_000, 'en', now); // not set up: never missing
    })();
    const found: number[] = [];
    let after = 0;
    let steps = 0;
    for (;;) {
      const { missing, lastId } = schedules.usersMissingSchedulesChunk(after, 7);
      found.push(...missing);
      steps++;
      if (lastId === null) break;
      after = lastId;
    }
    expect(found).toEqual(schedules.usersMissingSchedules());
    expect(found.length).toBeGreaterThan(10);
    expect(steps).toBe(Math.ceil(51 / 7) + 1);
  });
});

describe('ScheduleStore.duePage: keyset paging', () => {
  it('hands out every due row exactly once, in due order, when hundreds share one instant', () => {
    const at = new Date(now.getTime() - 60_000);
    db.transaction(() => {
      for (let id = 1; id <= 400; id++) {
        onboard(id);
        schedules.set(id, 'morning', at);
        if (id % 3 === 0) schedules.set(id, 'snooze', at);
        schedules.set(id, 'evening', new Date(at.getTime() + (id % 7) * 1_000));
      }
      schedules.set(1, 'snooze', new Date(now.getTime() + 60_000)); // not due yet
    })();
    const seen: string[] = [];
    let cursor = null as Parameters<ScheduleStore['duePage']>[1];
    for (;;) {
      const page = schedules.duePage(now, cursor, 37);
      seen.push(...page.map((r) => `${r.dueAt.toISOString()}|${String(r.userId).padStart(4, '0')}|${r.kind}`));
      if (page.length < 37) break;
      cursor = page.at(-1)!.cursor;
    }
    expect(seen).toHaveLength(400 + 133 + 400);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
  });
});

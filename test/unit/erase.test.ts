import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/storage/db.js';
import { UserStore } from '../../src/storage/users.js';
import { CheckinStore } from '../../src/storage/checkins.js';
import { ScheduleStore } from '../../src/storage/schedules.js';
import { RelapseStore } from '../../src/storage/relapses.js';
import { CrisisEventStore } from '../../src/storage/crisis-events.js';
import { WakeStore } from '../../src/storage/wakes.js';
import { eraseUser } from '../../src/storage/erase.js';
import { createConversationStorage } from '../../src/storage/conversation-storage.js';
import { userRowCounts } from '../support/user-rows.js';

let dir: string;
let db: Db;
const now = new Date('2026-11-22T08:00:00Z');
const ME = 1001;
const OTHER = 2002;

function fillEverything(userId: number): void {
  const users = new UserStore(db);
  const checkins = new CheckinStore(db);
  const schedules = new ScheduleStore(db);
  users.createWithConsent(userId, 'en', now);
  users.update(userId, { status: 'stopped', lastDoseDate: '2026-11-18', timeZone: 'UTC', onboardedAt: now.toISOString() }, now);
  checkins.startDraft(userId, '2026-11-21', false, now);
  checkins.saveAnswer(userId, 'hours', 3, now);
  checkins.complete(userId, ['no-screens'], now);
  checkins.startDraft(userId, '2026-11-22', false, now);
  checkins.saveAnswer(userId, 'hours', 4, now);
  schedules.set(userId, 'morning', new Date('2026-11-23T08:00:00Z'));
  schedules.set(userId, 'evening', new Date('2026-11-22T22:00:00Z'));
  schedules.claim({ userId, kind: 'evening', dueAt: new Date('2026-11-22T22:00:00Z'), localDate: '2026-11-22', next: new Date('2026-11-23T22:00:00Z'), status: 'claimed', now });
  new RelapseStore(db).record(userId, '2026-11-20', now);
  new CrisisEventStore(db).record(userId, { at: now, level: 'crisis', source: 'text' });
  schedules.set(userId, 'followup', new Date('2026-11-22T11:00:00Z'));
  const wake = new WakeStore(db).open(userId, { nightDate: '2026-11-22', localTime: '03:05', trigger: 'text' }, now, 0);
  new WakeStore(db).addStep(userId, wake.id, 'urge');
  createConversationStorage(db).write(String(userId), { version: 1, state: { checkin: [{ args: '[]', interrupts: [], replay: { send: [], receive: [] } }] } } as never);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sn-erase-'));
  db = openDatabase(join(dir, 'bot.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('eraseUser (/delete)', () => {
  it('leaves no row about the user in any table, and touches nobody else', () => {
    fillEverything(ME);
    fillEverything(OTHER);
    const before = userRowCounts(db, ME);
    // Every table that can hold user data holds some, so the check below proves something.
    for (const [table, count] of Object.entries(before)) expect(count, table).toBeGreaterThan(0);
    const otherBefore = userRowCounts(db, OTHER);

    expect(eraseUser(db, ME)).toBeGreaterThan(0);

    for (const [table, count] of Object.entries(userRowCounts(db, ME))) expect(count, table).toBe(0);
    expect(userRowCounts(db, OTHER)).toEqual(otherBefore);
  });

  it('runs in one transaction: a failure part-way removes nothing', () => {
    fillEverything(ME);
    const before = userRowCounts(db, ME);
    db.exec(`CREATE TRIGGER refuse BEFORE DELETE ON users BEGIN SELECT RAISE(ABORT, 'no'); END`);
    expect(() => eraseUser(db, ME)).toThrow();
    expect(userRowCounts(db, ME)).toEqual(before);
  });

  it('erasing someone unknown removes nothing', () => {
    expect(eraseUser(db, 999)).toBe(0);
  });
});

describe('RelapseStore', () => {
  it('records a relapse and restarts the count from its date, in one step', () => {
    const users = new UserStore(db);
    const relapses = new RelapseStore(db);
    users.createWithConsent(ME, 'en', now);
    users.update(ME, { status: 'planning', quitDate: '2026-11-15', timeZone: 'UTC' }, now);
    relapses.record(ME, '2026-11-20', now);
    relapses.record(ME, '2026-11-18', now);
    relapses.record(ME, '2026-11-20', now);
    expect(relapses.dates(ME)).toEqual(['2026-11-18', '2026-11-20']);
    expect(users.get(ME)).toMatchObject({ status: 'stopped', lastDoseDate: '2026-11-20' });
    expect(relapses.dates(OTHER)).toEqual([]);
  });

  it('refuses a relapse for a user who does not exist and stores nothing', () => {
    const relapses = new RelapseStore(db);
    expect(() => relapses.record(ME, '2026-11-20', now)).toThrow();
    expect(db.prepare('SELECT count(*) FROM relapses').pluck().get()).toBe(0);
  });
});

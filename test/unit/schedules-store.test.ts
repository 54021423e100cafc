import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Statement } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReminderKind } from '../../src/domain/reminders.js';
import { rescheduleUser } from '../../src/scheduler/reschedule.js';
import { openDatabase, type Db } from '../../src/storage/db.js';
import { ScheduleStore, type Claim, type ClaimStatus } from '../../src/storage/schedules.js';
import { UserStore, type ProfilePatch } from '../../src/storage/users.js';

let dir: string;
let db: Db;
let users: UserStore;
let schedules: ScheduleStore;
const now = new Date('2026-11-22T14:00:00.000Z');
const d = (iso: string) => new Date(iso);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sn-schedules-'));
  db = openDatabase(join(dir, 'bot.sqlite'));
  users = new UserStore(db);
  schedules = new ScheduleStore(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A user who finished onboarding (both reminders on, the defaults), with `patch` on top. */
function onboarded(id: number, patch: ProfilePatch = {}) {
  users.createWithConsent(id, 'en', now);
  return users.update(
    id,
    {
      status: 'stopped',
      lastDoseDate: '2026-11-19',
      timeZone: 'America/Chicago',
      onboardedAt: now.toISOString(),
      ...patch,
    },
    now,
  );
}

const ledgerCount = () => db.prepare('SELECT count(*) FROM deliveries').pluck().get();

function claim(over: Partial<Claim> & Pick<Claim, 'dueAt'>): boolean {
  return schedules.claim({
    userId: 1,
    kind: 'morning',
    localDate: '2026-11-22',
    next: d('2026-11-23T14:00:00.000Z'),
    status: 'claimed',
    now,
    ...over,
  });
}

describe('ScheduleStore.due', () => {
  beforeEach(() => {
    for (const id of [1, 2, 3, 4]) onboarded(id);
    schedules.set(1, 'morning', d('2026-11-22T14:00:00.000Z'));
    schedules.set(2, 'morning', d('2026-11-22T13:59:00.000Z'));
    schedules.set(3, 'evening', d('2026-11-22T14:00:00.001Z'));
    schedules.set(4, 'morning', d('2026-11-21T14:00:00.000Z'));
    schedules.set(4, 'snooze', d('2026-11-22T15:00:00.000Z'));
  });

  it.each([
    ['at 14:00: rows due at or before now, earliest first', '2026-11-22T14:00:00.000Z', 10, ['4:morning', '2:morning', '1:morning']],
    ['the limit keeps the earliest', '2026-11-22T14:00:00.000Z', 2, ['4:morning', '2:morning']],
    ['1 ms later the next row is due too', '2026-11-22T14:00:00.001Z', 10, ['4:morning', '2:morning', '1:morning', '3:evening']],
    ['before anything is due: nothing', '2026-11-21T13:59:59.999Z', 10, []],
    ['everything by the next day', '2026-11-23T00:00:00.000Z', 10, ['4:morning', '2:morning', '1:morning', '3:evening', '4:snooze']],
  ] as const)('%s', (_name, at, limit, expected) => {
    const due = schedules.due(d(at), limit);
    expect(due.map((r) => `${r.userId}:${r.kind}`)).toEqual(expected);
  });

  it('returns the due instant as stored', () => {
    expect(schedules.due(d('2026-11-22T13:59:00.000Z'), 10)).toEqual([
      { userId: 4, kind: 'morning', dueAt: d('2026-11-21T14:00:00.000Z') },
      { userId: 2, kind: 'morning', dueAt: d('2026-11-22T13:59:00.000Z') },
    ]);
  });

  it('orders by time, not by text, across years (fixed-width ISO)', () => {
    onboarded(5);
    schedules.set(5, 'evening', d('2025-12-31T23:59:59.999Z'));
    expect(schedules.due(d('2026-11-22T13:59:00.000Z'), 1)).toEqual([
      { userId: 5, kind: 'evening', dueAt: d('2025-12-31T23:59:59.999Z') },
    ]);
  });

  it('answers from the schedules_due index (a tick costs the due rows, not the users)', () => {
    const source = (schedules as unknown as { dueStmt: Statement }).dueStmt.source;
    expect(source).toMatch(/FROM schedules WHERE next_due_at <= \?/);
    const plan = db
      .prepare<[string, number], { detail: string }>(`EXPLAIN QUERY PLAN ${source}`)
      .all(now.toISOString(), 10)
      .map((row) => row.detail);
    expect(plan.some((detail) => /SEARCH schedules USING (COVERING )?INDEX schedules_due \(next_due_at<\?\)/.test(detail))).toBe(true);
    expect(plan.some((detail) => /^SCAN schedules\b/.test(detail))).toBe(false);
    expect(plan.some((detail) => /TEMP B-TREE/.test(detail))).toBe(false);
  });
});

describe('ScheduleStore.claim', () => {
  const T = d('2026-11-22T14:00:00.000Z');
  beforeEach(() => {
    onboarded(1);
    schedules.set(1, 'morning', T);
  });

  it.each(['claimed', 'missed', 'skipped', 'blocked'] as const)(
    'moves the schedule on and writes one ledger row with status %s',
    (status: ClaimStatus) => {
      expect(claim({ dueAt: T, status })).toBe(true);
      expect(schedules.nextDue(1, 'morning')).toEqual(d('2026-11-23T14:00:00.000Z'));
      expect(schedules.delivery(1, 'morning', '2026-11-22')).toEqual({
        userId: 1,
        kind: 'morning',
        localDate: '2026-11-22',
        dueAt: T,
        status,
        messageId: null,
      });
      expect(ledgerCount()).toBe(1);
    },
  );

  it.each([
    ['claimed', 'claimed'],
    ['sent', 'missed'],
    ['claimed', 'skipped'],
  ] as const)(
    'a second claim of the same user, kind and date (ledger %s, claimed as %s) returns false and keeps the ledger',
    (first, secondStatus) => {
      expect(claim({ dueAt: T })).toBe(true);
      if (first === 'sent') schedules.finish({ userId: 1, kind: 'morning', localDate: '2026-11-22' }, 'sent', 77, now);
      // The user moves the prompt later the same morning: the new time is due the same local date.
      const later = d('2026-11-22T16:00:00.000Z');
      schedules.set(1, 'morning', later);
      expect(claim({ dueAt: later, next: d('2026-11-23T16:00:00.000Z'), status: secondStatus })).toBe(false);

      expect(schedules.delivery(1, 'morning', '2026-11-22')).toMatchObject({
        status: first,
        dueAt: T,
        messageId: first === 'sent' ? 77 : null,
      });
      expect(ledgerCount()).toBe(1);
      // The schedule still moves on, so the same occurrence is not found due again.
      expect(schedules.nextDue(1, 'morning')).toEqual(d('2026-11-23T16:00:00.000Z'));
    },
  );

  it('claiming the same due row twice (two ticks) succeeds once', () => {
    expect(claim({ dueAt: T })).toBe(true);
    expect(claim({ dueAt: T })).toBe(false);
    expect(schedules.nextDue(1, 'morning')).toEqual(d('2026-11-23T14:00:00.000Z'));
    expect(ledgerCount()).toBe(1);
  });

  it.each([
    ['moved to a new time', () => schedules.set(1, 'morning', d('2026-11-22T15:30:00.000Z')), d('2026-11-22T15:30:00.000Z')],
    ['removed', () => schedules.remove(1, 'morning'), null],
  ])('writes nothing when the schedule was %s after it was read', (_name, change, expected) => {
    change();
    expect(claim({ dueAt: T })).toBe(false);
    expect(schedules.nextDue(1, 'morning')).toEqual(expected);
    expect(schedules.delivery(1, 'morning', '2026-11-22')).toBeNull();
    expect(ledgerCount()).toBe(0);
  });

  it('a snooze claim with next = null removes the snooze row and records it', () => {
    const S = d('2026-11-22T15:00:00.000Z');
    schedules.set(1, 'snooze', S);
    expect(claim({ kind: 'snooze', dueAt: S, next: null })).toBe(true);
    expect(schedules.nextDue(1, 'snooze')).toBeNull();
    expect(schedules.delivery(1, 'snooze', '2026-11-22')?.status).toBe('claimed');
    expect(schedules.nextDue(1, 'morning')).toEqual(T);
  });

  it('a snooze claim with next = null for a snooze set anew meanwhile keeps the new one', () => {
    schedules.set(1, 'snooze', d('2026-11-22T15:30:00.000Z'));
    expect(claim({ kind: 'snooze', dueAt: d('2026-11-22T15:00:00.000Z'), next: null })).toBe(false);
    expect(schedules.nextDue(1, 'snooze')).toEqual(d('2026-11-22T15:30:00.000Z'));
    expect(ledgerCount()).toBe(0);
  });

  it('keeps kinds and dates apart in the ledger', () => {
    schedules.set(1, 'evening', d('2026-11-23T04:00:00.000Z'));
    expect(claim({ dueAt: T })).toBe(true);
    expect(claim({ kind: 'evening', dueAt: d('2026-11-23T04:00:00.000Z'), next: d('2026-11-24T04:00:00.000Z') })).toBe(true);
    expect(claim({ dueAt: d('2026-11-23T14:00:00.000Z'), localDate: '2026-11-23', next: d('2026-11-24T14:00:00.000Z') })).toBe(
      true,
    );
    expect(ledgerCount()).toBe(3);
  });
});

describe('ScheduleStore.finish', () => {
  const T = d('2026-11-22T14:00:00.000Z');
  const key = { userId: 1, kind: 'morning' as ReminderKind, localDate: '2026-11-22' };
  beforeEach(() => {
    onboarded(1);
    schedules.set(1, 'morning', T);
  });

  it.each(['sent', 'failed', 'blocked'] as const)('records a claimed send as %s', (status) => {
    claim({ dueAt: T });
    schedules.finish(key, status, status === 'sent' ? 501 : null, now);
    expect(schedules.delivery(1, 'morning', '2026-11-22')).toMatchObject({ status, messageId: status === 'sent' ? 501 : null });
  });

  it.each(['missed', 'skipped', 'blocked'] as const)('leaves a row claimed as %s alone', (status) => {
    claim({ dueAt: T, status });
    schedules.finish(key, 'sent', 501, now);
    expect(schedules.delivery(1, 'morning', '2026-11-22')).toMatchObject({ status, messageId: null });
  });

  it('does not overwrite a finished row', () => {
    claim({ dueAt: T });
    schedules.finish(key, 'sent', 501, now);
    schedules.finish(key, 'failed', null, now);
    expect(schedules.delivery(1, 'morning', '2026-11-22')).toMatchObject({ status: 'sent', messageId: 501 });
  });

  it('creates nothing for a key that was never claimed', () => {
    schedules.finish(key, 'sent', 501, now);
    expect(schedules.delivery(1, 'morning', '2026-11-22')).toBeNull();
  });
});

describe('ScheduleStore.usersMissingSchedules', () => {
  it('lists set-up users with a reminder on but not scheduled, and no one else', () => {
    const T = d('2026-11-23T14:00:00.000Z');
    onboarded(1); // both on, no rows → missing
    onboarded(2); // both on, both rows → fine
    schedules.set(2, 'morning', T);
    schedules.set(2, 'evening', T);
    onboarded(3); // morning row only, evening on → missing
    schedules.set(3, 'morning', T);
    onboarded(4, { morningEnabled: false, eveningEnabled: false }); // reminders off → fine
    onboarded(5, { morningEnabled: false }); // evening on, evening row → fine
    schedules.set(5, 'evening', T);
    onboarded(6, { eveningEnabled: false }); // morning on, only a snooze row → missing
    schedules.set(6, 'snooze', T);
    users.createWithConsent(7, 'en', now); // not onboarded → not listed
    users.update(7, { timeZone: 'America/Chicago' }, now);
    onboarded(8, { timeZone: null }); // no zone → cannot be scheduled, not listed

    expect(schedules.usersMissingSchedules().sort((a, b) => a - b)).toEqual([1, 3, 6]);
  });
});

describe('deleting a user', () => {
  it('removes their schedules and ledger rows (ON DELETE CASCADE), and no one else’s', () => {
    onboarded(1);
    onboarded(2);
    const T = d('2026-11-22T14:00:00.000Z');
    for (const id of [1, 2]) {
      schedules.set(id, 'morning', T);
      schedules.set(id, 'snooze', d('2026-11-22T15:00:00.000Z'));
      schedules.set(id, 'evening', d('2026-11-23T04:00:00.000Z'));
      expect(claim({ userId: id, dueAt: T })).toBe(true);
    }
    db.prepare('DELETE FROM users WHERE id = ?').run(1);

    const count = (table: string, id: number) => db.prepare(`SELECT count(*) FROM ${table} WHERE user_id = ?`).pluck().get(id);
    expect(count('schedules', 1)).toBe(0);
    expect(count('deliveries', 1)).toBe(0);
    expect(count('schedules', 2)).toBe(3);
    expect(count('deliveries', 2)).toBe(1);
  });
});

describe('rescheduleUser', () => {
  const deps = () => ({ users, schedules });
  const rows = (id: number) =>
    Object.fromEntries(
      (['morning', 'snooze', 'evening'] as const).map((kind) => [kind, schedules.nextDue(id, kind)?.toISOString() ?? null]),
    );

  // Instants by hand: Chicago CST = UTC−6 (CDT = UTC−5 from 2026-03-08 08:00Z), Kolkata UTC+5:30.
  it.each([
    // [why, zone, morning time, evening time, now, next morning, next evening]
    ['Chicago, 09:00 CST: morning tomorrow, evening tonight', 'America/Chicago', '08:00', '22:00',
      '2026-11-22T15:00:00.000Z', '2026-11-23T14:00:00.000Z', '2026-11-23T04:00:00.000Z'],
    ['Kolkata, 06:30 IST: both later today', 'Asia/Kolkata', '08:00', '22:00',
      '2026-11-22T01:00:00.000Z', '2026-11-22T02:30:00.000Z', '2026-11-22T16:30:00.000Z'],
    ['fixed UTC-5, 07:00: both later today', 'UTC-5', '08:00', '22:00',
      '2026-11-22T12:00:00.000Z', '2026-11-22T13:00:00.000Z', '2026-11-23T03:00:00.000Z'],
    ['Chicago, the day before spring forward: morning is 08:00 CDT', 'America/Chicago', '08:00', '22:00',
      '2026-03-07T20:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-08T04:00:00.000Z'],
    ['Chicago, exactly at the morning time: the next one', 'America/Chicago', '06:30', '23:15',
      '2026-11-22T12:30:00.000Z', '2026-11-23T12:30:00.000Z', '2026-11-23T05:15:00.000Z'],
  ])('%s', (_name, timeZone, morningTime, eveningTime, at, morning, evening) => {
    onboarded(1, { timeZone, morningTime, eveningTime });
    rescheduleUser(deps(), 1, d(at));
    expect(rows(1)).toEqual({ morning, snooze: null, evening });
    expect(schedules.usersMissingSchedules()).toEqual([]);
  });

  it('moves an existing row when the time changes', () => {
    onboarded(1);
    rescheduleUser(deps(), 1, now);
    users.update(1, { morningTime: '09:30' }, now);
    rescheduleUser(deps(), 1, now);
    expect(schedules.nextDue(1, 'morning')).toEqual(d('2026-11-22T15:30:00.000Z'));
  });

  function withAllRows(patch: ProfilePatch) {
    onboarded(1);
    schedules.set(1, 'morning', d('2026-11-23T14:00:00.000Z'));
    schedules.set(1, 'snooze', d('2026-11-22T15:00:00.000Z'));
    schedules.set(1, 'evening', d('2026-11-23T04:00:00.000Z'));
    users.update(1, patch, now);
    rescheduleUser(deps(), 1, now);
    return rows(1);
  }

  it('morning off removes the morning and snooze rows, keeps the evening', () => {
    expect(withAllRows({ morningEnabled: false })).toEqual({
      morning: null,
      snooze: null,
      evening: '2026-11-23T04:00:00.000Z',
    });
  });

  it('evening off removes only the evening row', () => {
    expect(withAllRows({ eveningEnabled: false })).toEqual({
      morning: '2026-11-23T14:00:00.000Z',
      snooze: '2026-11-22T15:00:00.000Z',
      evening: null,
    });
  });

  it.each([
    ['not onboarded', { onboardedAt: null }],
    ['no time zone', { timeZone: null }],
    ['a time zone that no longer resolves', { timeZone: 'Mars/Olympus' }],
  ] as const)('a user with %s gets no rows (and loses any they had)', (_name, patch) => {
    expect(withAllRows(patch)).toEqual({ morning: null, snooze: null, evening: null });
  });

  it('a user who never finished onboarding gets no rows', () => {
    users.createWithConsent(1, 'en', now);
    users.update(1, { status: 'stopped', timeZone: 'America/Chicago' }, now);
    rescheduleUser(deps(), 1, now);
    expect(rows(1)).toEqual({ morning: null, snooze: null, evening: null });
  });

  it('an unknown user changes nothing for anyone else', () => {
    onboarded(2);
    rescheduleUser(deps(), 2, now);
    rescheduleUser(deps(), 99, now);
    expect(rows(99)).toEqual({ morning: null, snooze: null, evening: null });
    expect(rows(2).morning).not.toBeNull();
  });
});

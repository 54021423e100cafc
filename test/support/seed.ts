import Database from 'better-sqlite3';
import { openDatabase } from '../../src/storage/db.js';
import { UserStore, type ProfilePatch } from '../../src/storage/users.js';
import { CheckinStore } from '../../src/storage/checkins.js';
import { ScheduleStore } from '../../src/storage/schedules.js';
import { addDays, localDateOf } from '../../src/domain/dates.js';
import type { CheckinFlag, LocalDate } from '../../src/domain/types.js';

/**
 * Test data goes in through the bot's own storage functions — never hand-written SQL — so it
 * is exactly what the bot itself would have stored.
 */

/** A fixed-offset zone in which it is about noon right now, so no test straddles local midnight. */
export function noonZone(now = new Date()): string {
  const offset = 12 - now.getUTCHours();
  return offset === 0 ? 'UTC' : `UTC${offset > 0 ? '+' : ''}${offset}`;
}

export function localToday(zone: string, now = new Date()): LocalDate {
  return localDateOf(now, zone);
}

/** Opens the bot's database file for one operation (the bot process may be running: WAL allows it). */
export function withStores<T>(
  dbPath: string,
  fn: (stores: { users: UserStore; checkins: CheckinStore; schedules: ScheduleStore }) => T,
): T {
  const db = openDatabase(dbPath);
  try {
    return fn({ users: new UserStore(db), checkins: new CheckinStore(db), schedules: new ScheduleStore(db) });
  } finally {
    db.close();
  }
}

/** A user who finished onboarding: stopped `daysSinceLastDose` days ago, in `zone`. */
export function seedUser(
  dbPath: string,
  options: { id: number; zone: string; daysSinceLastDose?: number; locale?: string; patch?: ProfilePatch },
): void {
  const now = new Date();
  const today = localToday(options.zone, now);
  withStores(dbPath, ({ users }) => {
    users.createWithConsent(options.id, options.locale ?? 'en', now);
    users.update(
      options.id,
      {
        status: 'stopped',
        lastDoseDate: addDays(today, -(options.daysSinceLastDose ?? 4)),
        timeZone: options.zone,
        onboardedAt: now.toISOString(),
        ...options.patch,
      },
      now,
    );
  });
}

/** A finished check-in for an earlier morning, stored the way the check-in conversation stores one. */
export function seedNight(
  dbPath: string,
  userId: number,
  night: { date: LocalDate; hours: number; quality?: number; restlessness?: number; anxiety?: number; flags?: CheckinFlag[] },
): void {
  const now = new Date();
  withStores(dbPath, ({ checkins }) => {
    checkins.startDraft(userId, night.date, false, now);
    checkins.saveAnswer(userId, 'hours', night.hours, now);
    checkins.saveAnswer(userId, 'quality', night.quality ?? 2, now);
    checkins.saveAnswer(userId, 'restlessness', night.restlessness ?? 1, now);
    checkins.saveAnswer(userId, 'anxiety', night.anxiety ?? 4, now);
    checkins.saveFlags(userId, night.flags ?? [], now);
    checkins.complete(userId, [], now);
  });
}

/** The user's raw `users` row as stored (column names as in SQL), read-only; for assertions. */
export function storedUserRow(dbPath: string, id: number): Record<string, unknown> | undefined {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  } finally {
    db.close();
  }
}

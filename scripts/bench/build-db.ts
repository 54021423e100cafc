import { existsSync, renameSync, rmSync } from 'node:fs';
import { openDatabase, type Db } from '../../src/storage/db.js';

/**
 * Bench databases: the schema from the project's own migrations (openDatabase), rows written with
 * one prepared INSERT per table in a single transaction — fast enough for a million users.
 */

export const ZONES = [
  'America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York', 'America/Sao_Paulo',
  'America/Mexico_City', 'America/Bogota', 'Europe/London', 'Europe/Madrid', 'Europe/Berlin',
  'Europe/Athens', 'Africa/Lagos', 'Africa/Nairobi', 'Asia/Dubai', 'Asia/Kolkata',
  'Asia/Bangkok', 'Asia/Manila', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland',
] as const;

export interface UserRowSpec {
  id: number;
  zone: string;
  morning?: string;
  evening?: string;
  morningEnabled?: boolean;
  eveningEnabled?: boolean;
  lastDoseDate?: string;
}

/** A small deterministic PRNG, so every run builds the same data. */
export function random(seed = 42): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function insertUsers(db: Db, users: Iterable<UserRowSpec>, createdAt: string): void {
  const insert = db.prepare(
    `INSERT INTO users (id, locale, consent_at, status, last_dose_date, time_zone, morning_time, evening_time,
       morning_enabled, evening_enabled, onboarded_at, created_at, updated_at)
     VALUES (?, 'en', ?, 'stopped', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const u of users) {
    insert.run(
      u.id, createdAt, u.lastDoseDate ?? '2026-11-10', u.zone, u.morning ?? '08:00', u.evening ?? '22:00',
      u.morningEnabled === false ? 0 : 1, u.eveningEnabled === false ? 0 : 1, createdAt, createdAt, createdAt,
    );
  }
}

export function insertSchedules(db: Db, rows: Iterable<{ userId: number; kind: string; dueAt: string }>): void {
  const insert = db.prepare('INSERT INTO schedules (user_id, kind, next_due_at) VALUES (?, ?, ?)');
  for (const r of rows) insert.run(r.userId, r.kind, r.dueAt);
}

export function insertNights(db: Db, userId: number, dates: string[], rnd: () => number): void {
  const insert = db.prepare(
    `INSERT INTO checkins (user_id, date, hours, quality, restlessness, anxiety, flags, tip_ids, completed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '', '', ?, ?, ?)`,
  );
  for (const date of dates) {
    const at = `${date}T12:00:00.000Z`;
    insert.run(userId, date, 3 + Math.round(rnd() * 10) / 2, 1 + Math.floor(rnd() * 5), Math.floor(rnd() * 4), Math.floor(rnd() * 11), at, at, at);
  }
}

/**
 * N users over 20 zones, each with a morning and an evening schedule spread evenly over the 24 h
 * after `base` (what a running bot's table looks like: every next_due_at in the coming day).
 * Cached by path: built once, reused by later runs.
 */
export function buildPopulation(path: string, n: number, base: Date): string {
  if (existsSync(path)) return path;
  const building = `${path}.building`;
  rmSync(building, { force: true });
  const db = openDatabase(building);
  db.pragma('synchronous = OFF');
  const rnd = random(n);
  const created = new Date(base.getTime() - 30 * 86_400_000).toISOString();
  db.transaction(() => {
    function* users() {
      for (let i = 1; i <= n; i++) yield { id: 10_000_000 + i, zone: ZONES[i % ZONES.length]! };
    }
    insertUsers(db, users(), created);
    function* schedules() {
      for (let i = 1; i <= n; i++) {
        for (const kind of ['morning', 'evening']) {
          yield { userId: 10_000_000 + i, kind, dueAt: new Date(base.getTime() + Math.floor(rnd() * 86_400_000)).toISOString() };
        }
      }
    }
    insertSchedules(db, schedules());
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(building, path);
  rmSync(`${building}-wal`, { force: true });
  rmSync(`${building}-shm`, { force: true });
  return path;
}

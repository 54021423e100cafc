import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, readMigrations, type Db } from '../../src/storage/db.js';
import { UserStore } from '../../src/storage/users.js';
import { createConversationStorage } from '../../src/storage/conversation-storage.js';

let dir: string;
let db: Db;
const now = new Date('2026-11-22T08:00:00Z');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sn-storage-'));
  db = openDatabase(join(dir, 'nested', 'bot.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the folder and uses WAL, a busy timeout and foreign keys', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('records every migration once, so a second start changes nothing', () => {
    const versions = readMigrations().map((m) => m.version);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(versions);
    expect(migrate(db, readMigrations())).toEqual([]);
    db.close();
    db = openDatabase(join(dir, 'nested', 'bot.sqlite'));
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(versions.length);
  });

  it('rolls back every migration of a start when one fails', () => {
    const broken = [
      { version: 900, name: '900_ok.sql', sql: 'CREATE TABLE t900 (x INTEGER);' },
      { version: 901, name: '901_bad.sql', sql: 'CREATE TABLE oops (;' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 't900'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM schema_migrations WHERE version >= 900').pluck().get()).toBe(0);
  });
});

describe('UserStore', () => {
  it('stores nothing until consent, then keeps each answer', () => {
    const users = new UserStore(db);
    expect(users.get(42)).toBeNull();
    users.createWithConsent(42, 'es', now);
    const profile = users.update(42, { status: 'stopped', lastDoseDate: '2026-11-19', timeZone: 'America/Chicago' }, now);
    expect(profile).toMatchObject({
      id: 42,
      locale: 'es',
      status: 'stopped',
      lastDoseDate: '2026-11-19',
      timeZone: 'America/Chicago',
      morningTime: '08:00',
      eveningTime: '22:00',
      country: 'US',
      morningEnabled: true,
      onboardedAt: null,
    });
    expect(users.update(42, { morningEnabled: false }, now).morningEnabled).toBe(false);
  });

  it('marks a user blocked and clears it when they write again', () => {
    const users = new UserStore(db);
    users.createWithConsent(7, 'en', now);
    users.markBlocked(7, now);
    expect(users.get(7)?.blockedAt).toBe(now.toISOString());
    expect(users.clearBlocked(7, now)).toBe(true);
    expect(users.clearBlocked(7, now)).toBe(false);
    expect(users.get(7)?.blockedAt).toBeNull();
  });
});

describe('conversation storage', () => {
  const open = { version: [0, 1] as [0, number], state: { onboarding: [{ interrupts: [1], replay: { send: [], receive: [] } }] } };
  const closed = { version: [0, 1] as [0, number], state: { onboarding: [] } };

  it('round-trips state per chat, tagged with the user, and deletes it', () => {
    const storage = createConversationStorage(db);
    expect(storage.read('42')).toBeUndefined();
    storage.write('42', open as never);
    expect(storage.read('42')).toEqual(open);
    expect(db.prepare('SELECT user_id FROM conversation_state WHERE key = ?').pluck().get('42')).toBe(42);
    storage.delete('42');
    expect(storage.read('42')).toBeUndefined();
  });

  it('keeps no row once no conversation is open', () => {
    const storage = createConversationStorage(db);
    storage.write('42', open as never);
    storage.write('42', closed as never);
    expect(db.prepare('SELECT count(*) FROM conversation_state').pluck().get()).toBe(0);
  });
});

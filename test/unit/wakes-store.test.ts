import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/storage/db.js';
import { UserStore } from '../../src/storage/users.js';
import { WakeStore } from '../../src/storage/wakes.js';
import { SAME_WAKE_MS } from '../../src/domain/night-companion.js';

/** Night wakes on a real SQLite database (in memory, same migrations as the bot). */
let db: Db;
let wakes: WakeStore;
const ME = 1;
const OTHER = 2;
const at = (iso: string) => new Date(iso);

beforeEach(() => {
  db = openDatabase(':memory:');
  const users = new UserStore(db);
  for (const id of [ME, OTHER]) users.createWithConsent(id, 'en', at('2026-12-01T00:00:00Z'));
  wakes = new WakeStore(db);
});
afterEach(() => db.close());

describe('WakeStore', () => {
  it('keeps separate wakes of one night as separate wakes, and messages within one wake as one', () => {
    const first = wakes.open(ME, { nightDate: '2026-12-02', localTime: '01:40', trigger: 'command' }, at('2026-12-02T07:40:00Z'), SAME_WAKE_MS);
    const same = wakes.open(ME, { nightDate: '2026-12-02', localTime: '01:55', trigger: 'text' }, at('2026-12-02T07:55:00Z'), SAME_WAKE_MS);
    const later = wakes.open(ME, { nightDate: '2026-12-02', localTime: '03:05', trigger: 'text' }, at('2026-12-02T09:05:00Z'), SAME_WAKE_MS);
    expect(same.id).toBe(first.id);
    expect(later.id).not.toBe(first.id);
    expect(wakes.forNight(ME, '2026-12-02').map((w) => [w.localTime, w.trigger])).toEqual([
      ['01:40', 'command'],
      ['03:05', 'text'],
    ]);
  });

  it('records the buttons tapped once each, in first-tap order, only on the user’s own wake', () => {
    const wake = wakes.open(ME, { nightDate: '2026-12-02', localTime: '03:05', trigger: 'button' }, at('2026-12-02T09:05:00Z'), SAME_WAKE_MS);
    expect(wakes.addStep(ME, wake.id, 'mind')).toBe(true);
    expect(wakes.addStep(ME, wake.id, 'urge')).toBe(true);
    expect(wakes.addStep(ME, wake.id, 'mind')).toBe(true);
    expect(wakes.addStep(OTHER, wake.id, 'talk')).toBe(false);
    expect(wakes.addStep(ME, 9999, 'talk')).toBe(false);
    expect(wakes.forNight(ME, '2026-12-02')[0]!.steps).toEqual(['mind', 'urge']);
  });

  it('reads wakes by night range, oldest first, and never another user’s', () => {
    wakes.open(ME, { nightDate: '2026-12-03', localTime: '23:30', trigger: 'text' }, at('2026-12-03T05:30:00Z'), SAME_WAKE_MS);
    wakes.open(ME, { nightDate: '2026-12-01', localTime: '02:00', trigger: 'text' }, at('2026-12-01T08:00:00Z'), SAME_WAKE_MS);
    wakes.open(OTHER, { nightDate: '2026-12-02', localTime: '02:00', trigger: 'text' }, at('2026-12-02T08:00:00Z'), SAME_WAKE_MS);
    expect(wakes.between(ME, '2026-12-01', '2026-12-03').map((w) => w.nightDate)).toEqual(['2026-12-01', '2026-12-03']);
    expect(wakes.between(ME, '2026-12-02', '2026-12-02')).toEqual([]);
  });

  it('the migration adds a table and leaves existing rows untouched', () => {
    const row = db.prepare('SELECT id, locale FROM users WHERE id = ?').get(ME);
    expect(row).toEqual({ id: ME, locale: 'en' });
    expect(db.prepare("SELECT name FROM schema_migrations WHERE version = 6").pluck().get()).toBe('006_night_wakes.sql');
  });
});

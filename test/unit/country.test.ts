import { describe, expect, it } from 'vitest';
import { countryOfZone, knownZones, proposedCountry } from '../../src/domain/country.js';
import { migrate, openDatabase, readMigrations } from '../../src/storage/db.js';
import { UserStore } from '../../src/storage/users.js';

describe('the country proposed from the time zone', () => {
  it.each([
    ['America/Mexico_City', 'MX'],
    ['America/Cancun', 'MX'],
    ['America/Tijuana', 'MX'],
    ['Europe/Madrid', 'ES'],
    ['Atlantic/Canary', 'ES'],
    ['America/Toronto', 'CA'],
    ['America/Vancouver', 'CA'],
    ['Europe/London', 'GB'],
    ['Europe/Dublin', 'IE'],
    ['America/New_York', 'US'],
    ['America/Chicago', 'US'],
    ['America/Denver', 'US'],
    ['America/Los_Angeles', 'US'],
    ['America/Phoenix', 'US'],
    ['America/Anchorage', 'US'],
    ['Pacific/Honolulu', 'US'],
    ['america/mexico_city', 'MX'],
    ['America/Bogota', 'OTHER'],
    ['Europe/Berlin', 'OTHER'],
    ['UTC-5', 'OTHER'],
    ['UTC', 'OTHER'],
    ['', 'OTHER'],
  ])('%s → %s', (zone, country) => {
    expect(proposedCountry(zone)).toBe(country);
  });

  it('knows nothing for no zone', () => {
    expect(countryOfZone(null)).toBeNull();
    expect(proposedCountry(undefined)).toBe('OTHER');
  });
});

describe('migration 005 moves existing users to their zone’s country', () => {
  it('agrees with the table for every zone it knows, and keeps what is stored for any other zone', () => {
    const migrations = readMigrations();
    const db = openDatabase(':memory:', migrations.filter((m) => m.version < 5));
    const users = new UserStore(db);
    const now = new Date('2026-12-01T12:00:00Z');
    const zones = [...knownZones().map(([zone]) => zone), 'Europe/Berlin', 'UTC-5', null];
    zones.forEach((zone, i) => {
      users.createWithConsent(i + 1, 'en', now);
      users.update(i + 1, { timeZone: zone, ...(zone === 'Europe/Berlin' ? { country: 'OTHER' } : {}) }, now);
    });
    expect(migrate(db, migrations)).toContain(5);
    zones.forEach((zone, i) => {
      const expected = countryOfZone(zone) ?? (zone === 'Europe/Berlin' ? 'OTHER' : 'US');
      expect(users.get(i + 1)?.country, String(zone)).toBe(expected);
    });
    db.close();
  });

  it('keeps schedules and deliveries across the rebuild that allows the follow-up kind', () => {
    const migrations = readMigrations();
    const db = openDatabase(':memory:', migrations.filter((m) => m.version < 5));
    const now = new Date('2026-12-01T12:00:00Z');
    new UserStore(db).createWithConsent(1, 'en', now);
    db.prepare("INSERT INTO schedules (user_id, kind, next_due_at) VALUES (1, 'morning', '2026-12-02T08:00:00.000Z')").run();
    db.prepare(
      "INSERT INTO deliveries (user_id, kind, local_date, due_at, status, created_at, updated_at) VALUES (1, 'evening', '2026-11-30', 'x', 'sent', 'x', 'x')",
    ).run();
    migrate(db, migrations);
    expect(db.prepare('SELECT kind FROM schedules').pluck().all()).toEqual(['morning']);
    expect(db.prepare('SELECT status FROM deliveries').pluck().all()).toEqual(['sent']);
    expect(() => db.prepare("INSERT INTO schedules (user_id, kind, next_due_at) VALUES (1, 'followup', 'x')").run()).not.toThrow();
    expect(() => db.prepare("INSERT INTO schedules (user_id, kind, next_due_at) VALUES (1, 'other', 'x')").run()).toThrow();
    db.close();
  });
});

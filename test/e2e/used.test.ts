import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { openDatabase } from '../../src/storage/db.js';
import { RelapseStore } from '../../src/storage/relapses.js';
import { setupE2E, type E2E } from '../support/fixtures.js';
import type { FakeUser } from '../../src/emulator/emulator.js';
import { localToday, noonZone, seedNight, seedUser, withStores, storedUserRow } from '../support/seed.js';
import { longDate } from '../support/dates.js';

let e: E2E;
let user: FakeUser;
let zone: string;
let today: string;

beforeEach(async () => {
  e = await setupE2E();
  zone = noonZone();
  today = localToday(zone);
  user = e.emu.createUser({ languageCode: 'en' });
});
afterEach(async () => {
  await e.teardown();
});

function relapseDates(): string[] {
  const db = openDatabase(e.dbPath);
  try {
    return new RelapseStore(db).dates(user.id);
  } finally {
    db.close();
  }
}

const storedUser = () => storedUserRow(e.dbPath, user.id);

describe('/used', () => {
  it('restarts the day count kindly and keeps the earlier nights', async () => {
    seedUser(e.dbPath, { id: user.id, zone, daysSinceLastDose: 6 });
    seedNight(e.dbPath, user.id, { date: addDays(today, -2), hours: 3 });
    seedNight(e.dbPath, user.id, { date: addDays(today, -1), hours: 4 });
    const { emu } = e;

    emu.sendText(user, '/used');
    const confirm = await emu.waitForMessage(user.id, (m) => m.text.includes('Thank you for telling me'));
    expect(confirm.text).toContain('previous attempt');
    expect(confirm.text).not.toMatch(/fail|shame|should/i);
    emu.pressButton(user, confirm, 'Yes, restart my count');
    const question = await emu.waitForMessage(user.id, (m) => m.text.includes('most recent dose'));
    emu.sendText(user, 'tomorrow');
    await emu.waitForMessage(user.id, (m) => m.text.includes("can't be in the future"));
    emu.sendText(user, addDays(today, -10));
    await emu.waitForMessage(user.id, (m) => m.text.includes('before the last dose I already have'));
    emu.pressButton(user, question, 'Yesterday');

    const done = await emu.waitForMessage(user.id, (m) => m.text.includes('count starts again'));
    expect(done.text).toContain(`from ${longDate('en', addDays(today, -1))}`);
    expect(done.text).toContain('Day 1 since your last dose · First days');
    expect(done.text).toContain('2 earlier nights stay in your history');

    expect(storedUser()).toMatchObject({ status: 'stopped', last_dose_date: addDays(today, -1) });
    expect(relapseDates()).toEqual([addDays(today, -1)]);
    expect(withStores(e.dbPath, ({ checkins }) => checkins.nights(user.id, addDays(today, -30), today)).map((n) => n.hours)).toEqual([3, 4]);

    emu.sendText(user, '/start');
    expect((await emu.waitForMessage(user.id)).text).toContain('Day 1 since your last dose');
  });

  it('changes nothing on "Not now"', async () => {
    seedUser(e.dbPath, { id: user.id, zone, daysSinceLastDose: 6 });
    e.emu.sendText(user, '/used');
    const confirm = await e.emu.waitForMessage(user.id, (m) => m.text.includes('Thank you for telling me'));
    e.emu.pressButton(user, confirm, 'Not now');
    await e.emu.waitForMessage(user.id, (m) => m.text.includes('nothing has changed'));
    expect(storedUser()?.last_dose_date).toBe(addDays(today, -6));
    expect(relapseDates()).toEqual([]);
  });

  it('has nothing to restart for someone still using', async () => {
    seedUser(e.dbPath, { id: user.id, zone, patch: { status: 'using', lastDoseDate: null } });
    e.emu.sendText(user, '/used');
    expect((await e.emu.waitForMessage(user.id)).text).toContain('nothing to restart');
  });

  it('in Spanish, the whole flow speaks Spanish', async () => {
    seedUser(e.dbPath, { id: user.id, zone, daysSinceLastDose: 6, locale: 'es' });
    e.emu.sendText(user, '/used');
    const confirm = await e.emu.waitForMessage(user.id, (m) => m.text.includes('Gracias por contármelo'));
    e.emu.pressButton(user, confirm, 'Sí, reiniciar mi cuenta');
    const question = await e.emu.waitForMessage(user.id, (m) => m.text.includes('dosis más reciente'));
    e.emu.pressButton(user, question, 'Hoy');
    const done = await e.emu.waitForMessage(user.id, (m) => m.text.includes('Tu cuenta vuelve a empezar'));
    expect(done.text).toContain('Día 0 desde tu última dosis');
  });
});

describe('planning users', () => {
  it('move into onset on their own when the quit date arrives, counted from the quit date', async () => {
    seedUser(e.dbPath, { id: user.id, zone, patch: { status: 'planning', lastDoseDate: null, quitDate: today } });
    e.emu.sendText(user, '/start');
    expect((await e.emu.waitForMessage(user.id)).text).toContain('Day 0 since your last dose · First days');

    // And /used works for them: the relapse makes them "stopped" from the new date.
    e.emu.sendText(user, '/used');
    const confirm = await e.emu.waitForMessage(user.id, (m) => m.text.includes('Thank you for telling me'));
    e.emu.pressButton(user, confirm, 'Yes, restart my count');
    const question = await e.emu.waitForMessage(user.id, (m) => m.text.includes('most recent dose'));
    e.emu.pressButton(user, question, 'Today');
    await e.emu.waitForMessage(user.id, (m) => m.text.includes('count starts again'));
    expect(storedUser()).toMatchObject({ status: 'stopped', last_dose_date: today });
  });

  it('before the quit date are still preparing', async () => {
    seedUser(e.dbPath, { id: user.id, zone, patch: { status: 'planning', lastDoseDate: null, quitDate: addDays(today, 2) } });
    e.emu.sendText(user, '/start');
    expect((await e.emu.waitForMessage(user.id)).text).toContain('Your quit date is in 2 days');
  });
});

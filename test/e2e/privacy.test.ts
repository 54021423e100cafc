import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { EXPORT_COLUMNS } from '../../src/domain/export.js';
import { openDatabase } from '../../src/storage/db.js';
import { setupE2E, type E2E } from '../support/fixtures.js';
import type { FakeUser } from '../../src/emulator/emulator.js';
import { localToday, noonZone, seedNight, seedUser, withStores } from '../support/seed.js';
import { rescheduleUser } from '../../src/scheduler/reschedule.js';
import { ScheduleStore } from '../../src/storage/schedules.js';
import { RelapseStore } from '../../src/storage/relapses.js';
import { CrisisEventStore } from '../../src/storage/crisis-events.js';
import { userRowCounts } from '../support/user-rows.js';

let e: E2E;
let user: FakeUser;
let zone: string;

beforeEach(async () => {
  e = await setupE2E();
  zone = noonZone();
  user = e.emu.createUser({ languageCode: 'en' });
});
afterEach(async () => {
  await e.teardown();
});

function rowCounts(): Record<string, number> {
  const db = openDatabase(e.dbPath);
  try {
    return userRowCounts(db, user.id);
  } finally {
    db.close();
  }
}

/** Splits an RFC 4180 document (CRLF rows, no quoted line breaks in these tests). */
function csvRows(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(','));
}

async function checkInByButtons(): Promise<void> {
  const { emu } = e;
  emu.sendText(user, '/checkin');
  emu.pressButton(user, await emu.waitForMessage(user.id, (m) => m.text.includes('how many hours')), '3');
  emu.pressButton(user, await emu.waitForMessage(user.id, (m) => m.text.includes('rate your sleep')), 'Poor');
  emu.pressButton(user, await emu.waitForMessage(user.id, (m) => m.text.includes('How restless')), 'Severe');
  emu.pressButton(user, await emu.waitForMessage(user.id, (m) => m.text.includes('How anxious')), '7');
  const flags = await emu.waitForMessage(user.id, (m) => m.text.includes('Any of these today?'));
  emu.pressButton(user, flags, 'cf:urge');
  await vi.waitFor(() => expect(flags.replyMarkup && JSON.stringify(flags.replyMarkup)).toContain('☑️'));
  emu.pressButton(user, flags, 'cf:done');
  await emu.waitForMessage(user.id, (m) => m.text.includes('🌱 Saved.'));
}

describe('/privacy', () => {
  it('says what is stored, why, for how long, who can see it, and names /export and /delete', async () => {
    e.emu.sendText(user, '/privacy');
    const text = (await e.emu.waitForMessage(user.id)).text;
    for (const part of ['What I store', 'Why', 'until you erase it with /delete', 'runs this bot', 'never go into', '/export', '/delete']) {
      expect(text).toContain(part);
    }
  });

  it('is in Spanish for a Spanish Telegram client, before any setup', async () => {
    const spanish = e.emu.createUser({ languageCode: 'es-MX' });
    e.emu.sendText(spanish, '/privacy');
    expect((await e.emu.waitForMessage(spanish.id)).text).toContain('Tu privacidad');
  });
});

describe('/export', () => {
  it('sends a CSV document whose rows match what was answered', async () => {
    seedUser(e.dbPath, { id: user.id, zone, daysSinceLastDose: 4 });
    const today = localToday(zone);
    seedNight(e.dbPath, user.id, { date: addDays(today, -1), hours: 5.5, quality: 4, restlessness: 0, anxiety: 2 });
    await checkInByButtons();

    e.emu.sendText(user, '/export');
    const doc = await e.emu.waitForMessage(user.id, (m) => m.method === 'sendDocument');
    expect(doc.document?.filename).toBe(`steady-nights-export-${today}.csv`);
    expect(doc.text).toContain('2 nights');
    const rows = csvRows(doc.document!.bytes!.toString('utf8'));
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(3);
    const records = rows.slice(1).map((row) => Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, row[i]])));
    expect(records[0]).toMatchObject({
      date: addDays(today, -1), complete: 'true', hours_slept: '5.5', sleep_quality_1_5: '4', restlessness_0_3: '0', anxiety_0_10: '2', flags: '', previous_attempt: 'false',
    });
    expect(records[1]).toMatchObject({
      date: today, complete: 'true', hours_slept: '3', sleep_quality_1_5: '2', restlessness_0_3: '3', anxiety_0_10: '7', flags: 'urge', previous_attempt: 'false',
      telegram_user_id: String(user.id), language: 'en', status: 'stopped', last_dose_date: addDays(today, -4), time_zone: zone,
    });
  });

  it('tells someone unknown there is nothing to export', async () => {
    e.emu.sendText(user, '/export');
    expect((await e.emu.waitForMessage(user.id)).text).toContain("don't have any data");
  });
});

describe('/delete', () => {
  it('erases every row about the user after confirmation, and then treats them as new', async () => {
    seedUser(e.dbPath, { id: user.id, zone, daysSinceLastDose: 4 });
    seedNight(e.dbPath, user.id, { date: addDays(localToday(zone), -1), hours: 2 });
    await checkInByButtons();
    // A night wake, through the bot's own /awake.
    e.emu.sendText(user, '/awake');
    await e.emu.waitForMessage(user.id, (m) => m.text.includes("What's hardest right now?"));
    // Leave a check-in half-answered, so there is a draft and an open conversation too.
    e.emu.sendText(user, '/checkin');
    e.emu.pressButton(user, await e.emu.waitForMessage(user.id, (m) => m.text.includes('already checked in')), 'Redo today');
    e.emu.pressButton(user, await e.emu.waitForMessage(user.id, (m) => m.text.includes('how many hours')), '4');
    await e.emu.waitForMessage(user.id, (m) => m.text.includes('rate your sleep'));
    // Reminders scheduled and a relapse recorded, so every table holds something about the user.
    withStores(e.dbPath, ({ users }) => {
      const db = openDatabase(e.dbPath);
      try {
        rescheduleUser({ users, schedules: new ScheduleStore(db) }, user.id, new Date());
        new RelapseStore(db).record(user.id, addDays(localToday(zone), -4), new Date());
        new CrisisEventStore(db).record(user.id, { at: new Date(), level: 'crisis', source: 'text' });
      } finally {
        db.close();
      }
    });
    let before: Record<string, number> = {};
    await vi.waitFor(() => {
      before = rowCounts();
      for (const [table, count] of Object.entries(before)) {
        if (table !== 'deliveries') expect(count, table).toBeGreaterThan(0);
      }
    });
    expect(before).toMatchObject({ users: 1, checkins: 2, checkin_drafts: 1, conversation_state: 1, relapses: 1, schedules: 2, night_wakes: 1 });

    e.emu.sendText(user, '/delete');
    const confirm = await e.emu.waitForMessage(user.id, (m) => m.text.includes('Erase everything?'));
    expect(rowCounts()).toEqual(before);
    e.emu.pressButton(user, confirm, 'Yes, erase everything');
    await e.emu.waitForEdit(user.id, confirm.messageId, (ed) => ed.text.includes('has been erased'), { after: 0 });
    await vi.waitFor(() => {
      for (const [table, count] of Object.entries(rowCounts())) expect(count, table).toBe(0);
    });

    e.emu.sendText(user, '/start');
    await e.emu.waitForMessage(user.id, (m) => m.text.includes('not medical care'));
  });

  it('keeps everything when the user says no, and refuses forged or stale confirmations', async () => {
    seedUser(e.dbPath, { id: user.id, zone });
    e.emu.sendText(user, '/delete');
    const confirm = await e.emu.waitForMessage(user.id, (m) => m.text.includes('Erase everything?'));
    const forged = e.emu.sendCallback(user, confirm, 'dl:y:abc');
    expect((await e.emu.waitForCallbackAnswer(forged)).text).toContain('earlier message');
    const stale = e.emu.sendCallback(user, confirm, `dl:y:${Math.floor(Date.now() / 1000) - 3600}`);
    expect((await e.emu.waitForCallbackAnswer(stale)).text).toContain('expired');
    expect(rowCounts().users).toBe(1);

    e.emu.sendText(user, '/delete');
    const again = await e.emu.waitForMessage(user.id, (m) => m.text.includes('Erase everything?'));
    e.emu.pressButton(user, again, 'No, keep it');
    await e.emu.waitForEdit(user.id, again.messageId, (ed) => ed.text.includes('nothing was deleted'), { after: 0 });
    expect(rowCounts().users).toBe(1);
  });
});

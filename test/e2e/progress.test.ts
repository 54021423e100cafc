import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { addDays } from '../../src/domain/dates.js';
import { openDatabase } from '../../src/storage/db.js';
import { RelapseStore } from '../../src/storage/relapses.js';
import { setupE2E, type E2E } from '../support/fixtures.js';
import type { FakeUser, SentMessage } from '../../src/emulator/emulator.js';
import { localToday, noonZone, seedNight, seedUser } from '../support/seed.js';

let e: E2E;
afterEach(async () => {
  await e?.teardown();
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const buttonLabels = (m: SentMessage) =>
  m.replyMarkup && 'inline_keyboard' in m.replyMarkup ? m.replyMarkup.inline_keyboard.flat().map((b) => b.text) : [];

describe('/progress', () => {
  let user: FakeUser;
  let zone: string;

  async function start() {
    e = await setupE2E();
    zone = noonZone();
    user = e.emu.createUser();
    seedUser(e.dbPath, { id: user.id, zone, daysSinceLastDose: 20 });
  }

  it.each([
    [0, 'No nights logged yet'],
    [1, 'One night logged so far'],
    [2, '2 nights logged so far. One more check-in'],
  ])('with %i nights logged answers with a kind word, not an empty chart', async (count, expected) => {
    await start();
    const today = localToday(zone);
    for (let i = 1; i <= count; i++) seedNight(e.dbPath, user.id, { date: addDays(today, -i), hours: 4 });
    e.emu.sendText(user, '/progress');
    const reply = await e.emu.waitForMessage(user.id);
    expect(reply.method).toBe('sendMessage');
    expect(reply.text).toContain(expected);
  });

  it('sends a 14-night chart with a summary, and the button redraws it for 30 nights in place', async () => {
    await start();
    const today = localToday(zone);
    // Three weeks with a gap, and a relapse 9 days ago.
    for (let i = 1; i <= 21; i++) {
      if (i === 5 || i === 6) continue;
      seedNight(e.dbPath, user.id, { date: addDays(today, -i), hours: 2 + ((21 - i) % 6), quality: 1 + (i % 5) });
    }
    const db = openDatabase(e.dbPath);
    new RelapseStore(db).record(user.id, addDays(today, -9), new Date());
    db.close();

    e.emu.sendText(user, '/progress');
    // The chart worker may still be starting (a cold thread loads ECharts and resvg: seconds under load).
    const chart = await e.emu.waitForMessage(user.id, (m) => m.method === 'sendPhoto', { timeoutMs: 30_000 });
    expect(pngSize(chart.photo!.bytes!)).toEqual({ width: 1080, height: 1350 });
    expect(chart.text).toContain('of the last 14 nights logged');
    expect(chart.text).toMatch(/This week [\d.]+ h a night/);
    expect(chart.text).toContain('Best night:');
    expect(buttonLabels(chart)).toEqual(['Show 30 nights']);

    e.emu.pressButton(user, chart, 'Show 30 nights');
    const edit = await e.emu.waitForEdit(user.id, chart.messageId, (m) => m.method === 'editMessageMedia');
    // The 30-night view begins at day 0 (20 days ago), not 30 days back: no slots before the start.
    expect(edit.text).toContain('18 of the last 21 nights logged');
    expect(pngSize(edit.message.photo!.bytes!)).toEqual({ width: 1080, height: 1350 });
    expect(buttonLabels(edit.message)).toEqual(['Show 14 nights']);

    const forged = e.emu.sendCallback(user, chart, 'pg:99');
    expect((await e.emu.waitForCallbackAnswer(forged)).text).toContain('earlier message');
  });

  it('answers while a check-in question is open, and the question still works after it', async () => {
    await start();
    const today = localToday(zone);
    for (let i = 1; i <= 4; i++) seedNight(e.dbPath, user.id, { date: addDays(today, -i), hours: 5 });
    e.emu.sendText(user, '/checkin');
    const question = await e.emu.waitForMessage(user.id, (m) => m.text.includes('how many hours'));
    e.emu.sendText(user, '/progress');
    await e.emu.waitForMessage(user.id, (m) => m.method === 'sendPhoto', { timeoutMs: 30_000 });
    e.emu.pressButton(user, question, '6');
    await e.emu.waitForMessage(user.id, (m) => m.text.includes('rate your sleep'));
  });
});

describe('weekly summary', () => {
  it('replaces the Sunday checklist with the week’s chart and three lines', async () => {
    const zone = 'America/Chicago';
    // The latest Sunday on or before today, at its wind-down time.
    const now = DateTime.now().setZone(zone);
    const sunday = now.minus({ days: now.weekday % 7 }).toISODate()!;
    const clock = DateTime.fromISO(`${sunday}T21:59:58`, { zone }).toUTC().toISO()!;
    e = await setupE2E({ env: { SCHEDULER_CRON: '* * * * * *', CLOCK_START: DateTime.fromISO(clock).minus({ hours: 2 }).toISO()! } });
    const user = e.emu.createUser();
    seedUser(e.dbPath, { id: user.id, zone, daysSinceLastDose: 25 });
    for (let i = 0; i < 12; i++) {
      seedNight(e.dbPath, user.id, { date: addDays(sunday, -i), hours: i < 7 ? 5.5 : 4, quality: i < 7 ? 4 : 2 });
    }
    await e.restart({ env: { SCHEDULER_CRON: '* * * * * *', CLOCK_START: clock } });

    const summary = await e.emu.waitForMessage(user.id, (m) => m.method === 'sendPhoto', { timeoutMs: 30_000 });
    expect(pngSize(summary.photo!.bytes!)).toEqual({ width: 1080, height: 1350 });
    const caption = summary.text;
    expect(caption).toContain('Your week');
    expect(caption).toContain('What improved: 1.5 h more sleep a night than last week');
    expect(caption).toContain('Keep doing:');
    expect(caption).toContain('For the week ahead:');
    expect(caption).not.toContain('Three things for tonight');
    expect(buttonLabels(summary)).toEqual(['Awake in the night? Tap me', 'Skip tonight', 'Stop evening reminders']);

    e.emu.pressButton(user, summary, 'Skip tonight');
    const edit = await e.emu.waitForEdit(user.id, summary.messageId, (m) => m.method === 'editMessageCaption');
    expect(edit.text).toContain('no checklist tonight');
  });
});

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storedUserRow } from '../support/seed.js';
import { setupE2E, type E2E } from '../support/fixtures.js';

let e: E2E;
beforeEach(async () => {
  e = await setupE2E();
});
afterEach(async () => {
  await e.teardown();
});

/** Reads the stored profile straight from the bot's SQLite file (the bot keeps running). */
const storedUser = storedUserRow;

describe('onboarding', () => {
  it('onboards a user by buttons and typing, then remembers them across a restart', async () => {
    const { emu } = e;
    const user = emu.createUser({ languageCode: 'en' });

    emu.sendText(user, '/start');
    const intro = await emu.waitForMessage(user.id, (m) => m.text.includes('not medical care'));
    expect(storedUser(e.dbPath, user.id)).toBeUndefined();
    emu.pressButton(user, intro, "Yes, that's okay");

    const status = await emu.waitForMessage(user.id, (m) => m.text.includes('Where are you right now?'));
    emu.pressButton(user, status, "I've stopped");

    const zone = await emu.waitForMessage(user.id, (m) => m.text.includes('time zone'));
    emu.sendText(user, 'Atlantis');
    const unknownZone = await emu.waitForMessage(user.id, (m) => m.text.includes("couldn't find that time zone"));
    expect(unknownZone.replyMarkup).toBeDefined();
    emu.sendText(user, 'Chicago');

    const lastDose = await emu.waitForMessage(user.id, (m) => m.text.includes('last dose'));
    emu.sendText(user, 'next week sometime');
    await emu.waitForMessage(user.id, (m) => m.text.includes("couldn't read that as a date"));
    emu.sendText(user, 'in 3 days');
    await emu.waitForMessage(user.id, (m) => m.text.includes("can't be in the future"));
    emu.sendText(user, '2019-01-01');
    await emu.waitForMessage(user.id, (m) => m.text.includes('more than two years ago'));
    emu.pressButton(user, lastDose, '3 days ago');

    const morning = await emu.waitForMessage(user.id, (m) => m.text.includes('What time should I ask'));
    emu.sendText(user, '25:00');
    await emu.waitForMessage(user.id, (m) => m.text.includes("doesn't exist on a clock"));
    emu.sendText(user, '7:30');

    const evening = await emu.waitForMessage(user.id, (m) => m.text.includes('wind-down'));
    emu.pressButton(user, evening, '22:30');

    const summary = await emu.waitForMessage(user.id, (m) => m.text.includes("You're all set"));
    expect(summary.text).toContain('Day 3 since your last dose · Peak');
    expect(summary.text).toContain('07:30');
    expect(summary.text).toContain('22:30');
    expect(summary.text).toContain('Chicago');
    // The first tips for the phase, before the pointer to tomorrow's check-in.
    const tips = summary.text.slice(summary.text.indexOf('For tonight:')).split('\n\n')[0]!.split('\n');
    expect(tips).toHaveLength(3);
    expect(summary.text.indexOf('For tonight:')).toBeLessThan(summary.text.indexOf('Tomorrow morning'));
    // The tapped answer stays visible under its question, and its keyboard is gone.
    expect(emu.sent(user.id).find((m) => m.messageId === zone.messageId)?.replyMarkup).toBeUndefined();
    expect(storedUser(e.dbPath, user.id)).toMatchObject({
      status: 'stopped',
      time_zone: 'America/Chicago',
      morning_time: '07:30',
      evening_time: '22:30',
      locale: 'en',
    });

    await e.restart();
    emu.sendText(user, '/start');
    const status2 = await emu.waitForMessage(user.id);
    expect(status2.text).toContain('since your last dose');
    expect(status2.text).not.toContain('not medical care');
  });

  it('stores nothing when consent is declined', async () => {
    const { emu } = e;
    const user = emu.createUser();
    emu.sendText(user, '/start');
    const intro = await emu.waitForMessage(user.id, (m) => m.text.includes('not medical care'));
    emu.pressButton(user, intro, 'No thanks');
    await emu.waitForMessage(user.id, (m) => m.text.includes("haven't stored anything"));
    expect(storedUser(e.dbPath, user.id)).toBeUndefined();
    const db = new Database(e.dbPath, { readonly: true });
    // The conversation's state row goes once the handler that sent the reply has finished.
    await vi.waitFor(() => expect(db.prepare('SELECT count(*) FROM conversation_state').pluck().get()).toBe(0));
    db.close();
    emu.sendText(user, '/checkin');
    await emu.waitForMessage(user.id, (m) => m.text.includes('/start'));
  });

  it('answers /help in the middle of onboarding and keeps the question open', async () => {
    const { emu } = e;
    const user = emu.createUser();
    emu.sendText(user, '/start');
    const intro = await emu.waitForMessage(user.id, (m) => m.text.includes('not medical care'));
    emu.pressButton(user, intro, "Yes, that's okay");
    const status = await emu.waitForMessage(user.id, (m) => m.text.includes('Where are you right now?'));

    emu.sendText(user, '/help');
    const help = await emu.waitForMessage(user.id);
    expect(help.text).toContain('988');
    expect(help.text).toContain('1-800-662-4357');
    expect(help.text).toContain('findahelpline.com');

    // The open question still works after /help.
    emu.pressButton(user, status, "I'm still using");
    await emu.waitForMessage(user.id, (m) => m.text.includes('time zone'));
  });

  it('survives a restart in the middle of onboarding and resumes at the same question', async () => {
    const { emu } = e;
    const user = emu.createUser();
    emu.sendText(user, '/start');
    const intro = await emu.waitForMessage(user.id, (m) => m.text.includes('not medical care'));
    emu.pressButton(user, intro, "Yes, that's okay");
    const status = await emu.waitForMessage(user.id, (m) => m.text.includes('Where are you right now?'));

    await e.restart();
    emu.pressButton(user, status, "I'm planning to stop");
    const zone = await emu.waitForMessage(user.id, (m) => m.text.includes('time zone'));
    emu.pressButton(user, zone, zone.replyMarkup ? buttonTexts(zone)[0]! : '');
    const quit = await emu.waitForMessage(user.id, (m) => m.text.includes('When do you plan to stop?'));
    emu.pressButton(user, quit, 'In a week');
    const morning = await emu.waitForMessage(user.id, (m) => m.text.includes('What time should I ask'));
    emu.pressButton(user, morning, '08:00');
    const evening = await emu.waitForMessage(user.id, (m) => m.text.includes('wind-down'));
    emu.pressButton(user, evening, '22:00');
    const summary = await emu.waitForMessage(user.id, (m) => m.text.includes("You're all set"));
    expect(summary.text).toContain('Your quit date is in 7 days');
  });

  it('re-prompts on stickers, photos, other commands and forged or old buttons without moving on', async () => {
    const { emu } = e;
    const user = emu.createUser();
    emu.sendText(user, '/start');
    const intro = await emu.waitForMessage(user.id, (m) => m.text.includes('not medical care'));
    emu.pressButton(user, intro, "Yes, that's okay");
    const status = await emu.waitForMessage(user.id, (m) => m.text.includes('Where are you right now?'));

    emu.sendSticker(user);
    await emu.waitForMessage(user.id, (m) => m.text.includes('Please tap one of the three buttons'));
    emu.sendPhoto(user);
    await emu.waitForMessage(user.id, (m) => m.text.includes('Please tap one of the three buttons'));
    emu.sendText(user, '/checkin');
    await emu.waitForMessage(user.id, (m) => m.text.includes('/cancel'));

    const forged = emu.sendCallback(user, status, 'obs:zzz');
    expect((await emu.waitForCallbackAnswer(forged)).text).toContain('earlier message');
    const old = emu.sendCallback(user, intro, 'obc:y');
    expect((await emu.waitForCallbackAnswer(old)).text).toContain('earlier message');

    emu.pressButton(user, status, "I've stopped");
    await emu.waitForMessage(user.id, (m) => m.text.includes('time zone'));
    expect(storedUser(e.dbPath, user.id)).toMatchObject({ status: 'stopped' });
  });
});

describe('/help and groups', () => {
  it('answers /help before onboarding, with the command list', async () => {
    const { emu } = e;
    const user = emu.createUser();
    emu.sendText(user, '/help');
    const help = await emu.waitForMessage(user.id);
    expect(help.text.indexOf('911')).toBeLessThan(help.text.indexOf('988'));
    expect(help.text).toContain('/checkin');
    expect(help.text).toContain('not medical care');
  });

  it('answers /help in a group, and points other group commands to a private chat', async () => {
    const { emu } = e;
    const user = emu.createUser();
    const group = emu.createGroup();
    emu.sendText(user, '/help@steady_nights_test_bot', group);
    const help = await emu.waitForMessage(group.id);
    expect(help.text).toContain('988');
    emu.sendText(user, '/checkin', group);
    const pointer = await emu.waitForMessage(group.id);
    expect(pointer.text).toContain('https://t.me/steady_nights_test_bot');
    expect(storedUser(e.dbPath, user.id)).toBeUndefined();
  });

  it('points unknown messages to the commands instead of staying silent', async () => {
    const { emu } = e;
    const user = emu.createUser();
    emu.sendText(user, 'hello?');
    expect((await emu.waitForMessage(user.id)).text).toContain('/start');
  });

  it('sets the command menu in English and Spanish at start', async () => {
    const { emu } = e;
    expect(emu.commands()?.map((c) => c.command)).toContain('help');
    expect(emu.commands({ languageCode: 'es' })?.find((c) => c.command === 'help')?.description).toMatch(/Apoyo/);
  });
});

function buttonTexts(message: { replyMarkup?: unknown }): string[] {
  const markup = message.replyMarkup as { inline_keyboard?: { text: string }[][] } | undefined;
  return markup?.inline_keyboard?.flat().map((b) => b.text) ?? [];
}

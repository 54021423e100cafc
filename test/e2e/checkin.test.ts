import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { setupE2E, type E2E } from '../support/fixtures.js';
import type { FakeUser, SentMessage } from '../../src/emulator/emulator.js';
import { localToday, noonZone, seedNight, seedUser, withStores } from '../support/seed.js';

let e: E2E;
let user: FakeUser;
let zone: string;

beforeEach(async () => {
  e = await setupE2E();
  zone = noonZone();
  user = e.emu.createUser({ languageCode: 'en' });
  seedUser(e.dbPath, { id: user.id, zone, daysSinceLastDose: 4 });
});
afterEach(async () => {
  await e.teardown();
});

const QUESTIONS = {
  hours: 'how many hours',
  quality: 'rate your sleep',
  restless: 'How restless',
  anxiety: 'How anxious',
  flags: 'Any of these today?',
} as const;

async function question(which: keyof typeof QUESTIONS): Promise<SentMessage> {
  return e.emu.waitForMessage(user.id, (m) => m.text.includes(QUESTIONS[which]));
}

/** Answers every question by tapping, with the given flags; resolves with the final reply. */
async function checkInByButtons(hours: string, flags: string[] = []): Promise<SentMessage> {
  const { emu } = e;
  emu.sendText(user, '/checkin');
  emu.pressButton(user, await question('hours'), hours);
  emu.pressButton(user, await question('quality'), 'Poor');
  emu.pressButton(user, await question('restless'), 'Moderate');
  emu.pressButton(user, await question('anxiety'), '5');
  const flagsQuestion = await question('flags');
  for (const flag of flags) {
    emu.pressButton(user, flagsQuestion, `cf:${flag}`);
    await emu.waitForCallbackAnswer(emu.pendingUpdates().at(-1) ?? `cf:${flag}`).catch(() => undefined);
  }
  emu.pressButton(user, flagsQuestion, 'cf:done');
  return emu.waitForMessage(user.id, (m) => m.text.includes('🌱 Saved.'));
}

function storedNight(date: string) {
  return withStores(e.dbPath, ({ checkins }) => checkins.night(user.id, date));
}

describe('morning check-in', () => {
  it('runs five questions by buttons and replies with the summary and tips; details behind buttons that edit it', async () => {
    const reply = await checkInByButtons('3');
    const text = reply.text;
    expect(text).toContain('Night 4 · ~3 h · Poor · restless: Moderate · anxiety 5/10');
    expect(text).toContain('For tonight:');
    expect(text).not.toContain("What's normal now:");
    expect(text).not.toContain('Last 7 nights ·');
    expect(text).not.toContain('Please reach out');
    expect(text.indexOf('Night 4')).toBeLessThan(text.indexOf('For tonight'));

    // The details edit the same message, and Back shows the reply again.
    const { emu } = e;
    emu.pressButton(user, reply, 'Last 7 nights');
    const week = await emu.waitForEdit(user.id, reply.messageId, (edit) => edit.text.includes('Last 7 nights · avg 3 h'));
    expect(week.text).toContain('oldest → today');
    emu.pressButton(user, reply, "What's normal now");
    const normal = await emu.waitForEdit(user.id, reply.messageId, (edit) => edit.text.includes("What's normal now: Peak"));
    expect(normal.text).toContain('very broken sleep');
    emu.pressButton(user, reply, '← Back');
    await emu.waitForEdit(user.id, reply.messageId, (edit) => edit.text === text);
    // A forged detail button gets the "old button" toast and changes nothing.
    const forged = emu.sendCallback(user, reply, 'cd:week:1999-01-01');
    expect((await emu.waitForCallbackAnswer(forged)).text).toContain('earlier message');
    expect(storedNight(localToday(zone))).toMatchObject({
      hours: 3,
      quality: 2,
      restlessness: 2,
      anxiety: 5,
      flags: [],
      complete: true,
    });
    expect(storedNight(localToday(zone))?.tipIds.length).toBeGreaterThanOrEqual(2);
  });

  it('accepts typed hours and refuses out-of-range or unreadable ones without storing them', async () => {
    const { emu } = e;
    emu.sendText(user, '/checkin');
    await question('hours');
    emu.sendText(user, '17');
    expect((await emu.waitForMessage(user.id)).text).toContain('Hours go from 0 to 16');
    emu.sendText(user, 'lots');
    expect((await emu.waitForMessage(user.id)).text).toContain("couldn't read that as hours");
    emu.sendSticker(user);
    expect((await emu.waitForMessage(user.id)).text).toContain('Tap a number of hours');
    expect(withStores(e.dbPath, ({ checkins }) => checkins.draft(user.id))?.hours).toBeNull();
    emu.sendText(user, '4h30');
    await question('quality');
    expect(withStores(e.dbPath, ({ checkins }) => checkins.draft(user.id))?.hours).toBe(4.5);
    emu.sendText(user, 'good');
    await question('restless');
    expect(withStores(e.dbPath, ({ checkins }) => checkins.draft(user.id))?.quality).toBe(4);
  });

  it('takes typed words in few messages, and re-asks once and clearly when unclear', async () => {
    const { emu } = e;
    const mark = emu.mark();
    emu.sendText(user, '/checkin');
    await question('hours');
    emu.sendText(user, 'maybe an hour');
    const quality = await question('quality');
    emu.sendText(user, 'banana');
    const again = await emu.waitForMessage(user.id, (m) => m.seq > quality.seq);
    expect(again.text).toContain("couldn't tell how the night was");
    // The re-ask says each sentence once.
    const sentences = again.text.split(/\n+/);
    expect(new Set(sentences).size).toBe(sentences.length);
    emu.sendText(user, 'terrible');
    await question('restless');
    emu.sendText(user, 'really restless');
    await question('anxiety');
    emu.sendText(user, '6');
    await question('flags');
    emu.sendText(user, 'done');
    await emu.waitForMessage(user.id, (m) => m.text.includes('🌱 Saved.'));
    expect(storedNight(localToday(zone))).toMatchObject({ hours: 1, quality: 1, restlessness: 3, anxiety: 6 });
    // 5 questions, one re-ask, one reply: 7 messages from the bot.
    expect(emu.sent(user.id).filter((m) => m.seq > mark)).toHaveLength(7);
  });

  it('resumes at the next question after a restart between question 2 and 3', async () => {
    const { emu } = e;
    emu.sendText(user, '/checkin');
    emu.pressButton(user, await question('hours'), '6');
    emu.pressButton(user, await question('quality'), 'Fair');
    const restless = await question('restless');
    await vi.waitFor(() => expect(withStores(e.dbPath, ({ checkins }) => checkins.draft(user.id))?.quality).toBe(3));

    await e.restart();
    emu.pressButton(user, restless, 'None');
    emu.pressButton(user, await question('anxiety'), '2');
    emu.pressButton(user, await question('flags'), 'cf:done');
    const reply = await emu.waitForMessage(user.id, (m) => m.text.includes('🌱 Saved.'));
    expect(reply.text).toContain('~6 h · Fair · restless: None · anxiety 2/10');
  });

  it('keeps the answers given so far when /cancel is used, and resumes with /checkin', async () => {
    const { emu } = e;
    emu.sendText(user, '/checkin');
    emu.pressButton(user, await question('hours'), '2');
    await question('quality');
    emu.sendText(user, '/cancel');
    await emu.waitForMessage(user.id, (m) => m.text.includes('Nothing you already answered is lost'));
    emu.sendText(user, '/checkin');
    await emu.waitForMessage(user.id, (m) => m.text.includes('pick up where we left off'));
    await question('quality');
    expect(withStores(e.dbPath, ({ checkins }) => checkins.draft(user.id))?.hours).toBe(2);
  });

  it('gives the no-sleep warning after three short nights on three consecutive dates', async () => {
    const today = localToday(zone);
    seedNight(e.dbPath, user.id, { date: addDays(today, -2), hours: 1 });
    seedNight(e.dbPath, user.id, { date: addDays(today, -1), hours: 2.5 });
    const reply = await checkInByButtons('2');
    expect(reply.text).toContain('It may be time for more support');
    expect(reply.text).toContain('several nights with little or no sleep');
    expect(reply.text.indexOf('more support')).toBeLessThan(reply.text.indexOf('Night 4'));
    // Nothing cheerful about the phase right after three short nights: that is behind a button.
    expect(reply.text).not.toContain("What's normal now");
    // The rest is behind "What can help", in the same message.
    e.emu.pressButton(user, reply, 'What can help');
    const help = await e.emu.waitForEdit(user.id, reply.messageId, (edit) => edit.text.includes('trazodone or hydroxyzine'));
    expect(help.text).toContain('findtreatment.gov');
    expect(help.text).toContain('1-800-662-4357');
    expect(help.text).toContain('/help');
  });

  it('does not warn after only two short nights', async () => {
    const today = localToday(zone);
    seedNight(e.dbPath, user.id, { date: addDays(today, -1), hours: 1 });
    const reply = await checkInByButtons('2');
    expect(reply.text).not.toContain('more support');
  });

  it('gives the urgent warning for "Mood feels unstable"', async () => {
    const reply = await checkInByButtons('5', ['unstable']);
    expect(reply.text).toContain('Please reach out to someone today');
    expect(reply.text).toContain('your mood feeling unstable');
    expect(storedNight(localToday(zone))?.flags).toEqual(['unstable']);
  });

  it('sends the crisis message the moment "Thoughts of hurting myself" is tapped, and then a short, care-first reply', async () => {
    const { emu } = e;
    emu.sendText(user, '/checkin');
    emu.pressButton(user, await question('hours'), '3');
    emu.pressButton(user, await question('quality'), 'Poor');
    emu.pressButton(user, await question('restless'), 'Mild');
    emu.pressButton(user, await question('anxiety'), '7');
    const flags = await question('flags');
    emu.pressButton(user, flags, 'cf:self-harm');
    const crisis = await emu.waitForMessage(user.id, (m) => m.text.includes('988'));
    expect(crisis.text).toContain("You don't have to carry this alone");
    emu.pressButton(user, flags, 'cf:done');
    const reply = await emu.waitForMessage(user.id, (m) => m.text.includes('the most important thing is you'));
    // Once is enough: no second copy of the lines, nothing cheerful, no tips.
    for (const absent of ['988', 'Thanks — saved', '🌱 Saved', 'For tonight']) expect(reply.text).not.toContain(absent);
  });

  it('answers crisis text at once mid-check-in, and the open question still works after it', async () => {
    const { emu } = e;
    emu.sendText(user, '/checkin');
    const hours = await question('hours');
    emu.sendText(user, "I can't do this anymore, I want to die");
    const crisis = await emu.waitForMessage(user.id);
    expect(crisis.text).toContain('988');
    expect(crisis.text).toContain('carry on where we were');
    emu.sendText(user, "I'm not suicidal, just exhausted");
    expect((await emu.waitForMessage(user.id)).text).toContain('Tap a number of hours');
    emu.pressButton(user, hours, '1');
    await question('quality');
  });

  it('answers /help mid-check-in and carries on', async () => {
    const { emu } = e;
    emu.sendText(user, '/checkin');
    emu.pressButton(user, await question('hours'), '4');
    const quality = await question('quality');
    emu.sendText(user, '/help');
    expect((await emu.waitForMessage(user.id)).text).toContain('988');
    emu.pressButton(user, quality, 'Good');
    await question('restless');
  });

  it('refuses old buttons and forged callback data without changing what is stored', async () => {
    const { emu } = e;
    emu.sendText(user, '/checkin');
    const hours = await question('hours');
    emu.pressButton(user, hours, '7');
    const quality = await question('quality');
    const old = emu.sendCallback(user, hours, 'ch:2');
    expect((await emu.waitForCallbackAnswer(old)).text).toContain('earlier message');
    const forged = emu.sendCallback(user, quality, 'cq:9');
    expect((await emu.waitForCallbackAnswer(forged)).text).toContain('earlier message');
    expect(withStores(e.dbPath, ({ checkins }) => checkins.draft(user.id))).toMatchObject({ hours: 7, quality: null });
  });

  it('asks before redoing a finished day, and keeps the answers when told to', async () => {
    await checkInByButtons('3');
    const { emu } = e;
    emu.sendText(user, '/checkin');
    const confirm = await emu.waitForMessage(user.id, (m) => m.text.includes('already checked in today'));
    emu.pressButton(user, confirm, 'Keep what I said');
    await emu.waitForMessage(user.id, (m) => m.text.includes("today's answers stay"));
    expect(storedNight(localToday(zone))?.hours).toBe(3);

    emu.sendText(user, '/checkin');
    emu.pressButton(user, await emu.waitForMessage(user.id, (m) => m.text.includes('already checked in')), 'Redo today');
    emu.pressButton(user, await question('hours'), '6');
    // Until the redo is finished, the day's first answers stand.
    const quality = await question('quality');
    expect(storedNight(localToday(zone))?.hours).toBe(3);
    emu.pressButton(user, quality, 'Good');
    emu.pressButton(user, await question('restless'), 'None');
    emu.pressButton(user, await question('anxiety'), '1');
    emu.pressButton(user, await question('flags'), 'cf:done');
    await emu.waitForMessage(user.id, (m) => m.text.includes('🌱 Saved.'));
    expect(storedNight(localToday(zone))?.hours).toBe(6);
  });
});

describe('/tips', () => {
  it("shows today's tips for the user's phase", async () => {
    e.emu.sendText(user, '/tips');
    const reply = await e.emu.waitForMessage(user.id);
    expect(reply.text).toContain('Day 4 since your last dose · Peak');
    // noonZone: it is about noon for this user, so the tips are for the day.
    expect(reply.text).toContain('For today:');
  });

  it('shows general tips to someone who has not set up', async () => {
    const stranger = e.emu.createUser();
    e.emu.sendText(stranger, '/tips');
    const reply = await e.emu.waitForMessage(stranger.id);
    expect(reply.text).toContain('at any stage');
    expect(reply.text).toContain('/start');
  });
});

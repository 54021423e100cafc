import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { setupE2E, type E2E } from '../support/fixtures.js';
import type { FakeUser, SentMessage } from '../../src/emulator/emulator.js';
import { localToday, seedUser, withStores } from '../support/seed.js';
import { rescheduleUser } from '../../src/scheduler/reschedule.js';

/**
 * Reminders through the real process. The process runs on a shifted clock (CLOCK_START) so that
 * "08:00 in Chicago" is a few seconds away, and ticks every second instead of every minute
 * (SCHEDULER_CRON); everything else — the schedule rows, the ledger, the send queue — is the
 * production code path.
 */

const ZONE = 'America/Chicago';
const TODAY = localToday(ZONE);

/** The instant of `time` on today's date in Chicago, shifted by `seconds`. */
function chicago(time: string, seconds = 0): string {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.fromISO(TODAY, { zone: ZONE }).set({ hour, minute }).plus({ seconds }).toUTC().toISO()!;
}

const tickEverySecond = (clockStart: string) => ({ SCHEDULER_CRON: '* * * * * *', CLOCK_START: clockStart });

let e: E2E;
afterEach(async () => {
  await e?.teardown();
});

function setUp(user: FakeUser, patch: Record<string, unknown> = {}) {
  seedUser(e.dbPath, { id: user.id, zone: ZONE, daysSinceLastDose: 3, patch: { morningTime: '08:00', eveningTime: '22:00', ...patch } });
}

const isMorningPrompt = (m: SentMessage) => m.text.startsWith('☀️ Good morning');
const morningPrompts = (chatId: number) => e.emu.sent(chatId).filter(isMorningPrompt);
const sendsTo = (chatId: number) => e.emu.calls.filter((c) => c.method === 'sendMessage' && c.chatId === chatId);
const delivery = (userId: number, kind: 'morning' | 'snooze' | 'evening', date = TODAY) =>
  withStores(e.dbPath, ({ schedules }) => schedules.delivery(userId, kind, date));

/** Lets the once-a-second tick run a few times, to show something does NOT happen. */
const severalTicks = () => new Promise((resolve) => setTimeout(resolve, 3_000));

describe('morning prompt', () => {
  it('arrives at the morning time in the user’s zone, once, and not again after a restart right after it', async () => {
    e = await setupE2E({ env: tickEverySecond(chicago('08:00', -3)) });
    const user = e.emu.createUser();
    // Onboarded before this process started: the scheduler gives them a schedule at start.
    setUp(user);
    await e.restart();

    const prompt = await e.emu.waitForMessage(user.id, isMorningPrompt, { timeoutMs: 10_000 });
    const labels = prompt.replyMarkup && 'inline_keyboard' in prompt.replyMarkup
      ? prompt.replyMarkup.inline_keyboard.flat().map((b) => b.text)
      : [];
    expect(labels).toEqual(['Start check-in', 'Remind me in 1 hour', 'Skip today']);
    await expect.poll(() => delivery(user.id, 'morning')).toMatchObject({ status: 'sent', messageId: prompt.messageId });

    await e.restart({ env: tickEverySecond(chicago('08:00', 5)) });
    await severalTicks();
    expect(morningPrompts(user.id)).toHaveLength(1);
    // The next one is tomorrow's.
    const next = withStores(e.dbPath, ({ schedules }) => schedules.nextDue(user.id, 'morning'));
    expect(next?.toISOString()).toBe(DateTime.fromISO(chicago('08:00')).plus({ days: 1 }).toUTC().toISO());
  });

  it('follows a new morning time set in /settings at once, and a time moved later the same day does not prompt twice', async () => {
    e = await setupE2E({ env: tickEverySecond(chicago('07:58', 45)) });
    const user = e.emu.createUser();
    setUp(user);
    await e.restart();

    e.emu.sendText(user, '/settings');
    const settings = await e.emu.waitForMessage(user.id, (m) => m.text.includes('Your settings'));
    e.emu.pressButton(user, settings, '☀️ Morning time');
    await e.emu.waitForMessage(user.id, (m) => m.text.includes('What time should I ask'));
    e.emu.sendText(user, '07:59');
    await e.emu.waitForMessage(user.id, (m) => m.text.includes('morning check-in is now at 07:59'));

    // Due at 07:59 now, not 08:00: it arrives within seconds.
    await e.emu.waitForMessage(user.id, isMorningPrompt, { timeoutMs: 20_000 });
    // Moved later again (to 08:00, a minute away): today is already done.
    e.emu.sendText(user, '/settings');
    const again = await e.emu.waitForMessage(user.id, (m) => m.text.includes('Your settings'));
    e.emu.pressButton(user, again, '☀️ Morning time');
    await e.emu.waitForMessage(user.id, (m) => m.text.includes('What time should I ask'));
    e.emu.sendText(user, '08:00');
    await e.emu.waitForMessage(user.id, (m) => m.text.includes('morning check-in is now at 08:00'));
    await e.restart({ env: tickEverySecond(chicago('08:00', 3)) });
    await severalTicks();
    expect(morningPrompts(user.id)).toHaveLength(1);
    expect(delivery(user.id, 'morning')?.status).toBe('sent');
  }, 60_000);

  it('does not send the prompt twice when the process is killed the moment it sends it', async () => {
    e = await setupE2E({ env: tickEverySecond(chicago('08:00', -2)) });
    const user = e.emu.createUser();
    setUp(user);
    await e.restart();

    await e.emu.waitForCall('sendMessage', (c) => c.chatId === user.id, { timeoutMs: 10_000 });
    await e.bot.kill();
    await e.restart({ env: tickEverySecond(chicago('08:00', 10)) });
    await severalTicks();
    expect(sendsTo(user.id)).toHaveLength(1);
    // The claim was written before the send: the ledger holds it, as sent or cut off mid-send.
    expect(['claimed', 'sent']).toContain(delivery(user.id, 'morning')?.status);
  });

  it('starts the check-in from the prompt, and gives no prompt on a morning already checked in', async () => {
    e = await setupE2E({ env: tickEverySecond(chicago('08:00', -2)) });
    const user = e.emu.createUser();
    const done = e.emu.createUser();
    setUp(user);
    setUp(done);
    withStores(e.dbPath, ({ checkins }) => {
      const now = new Date();
      checkins.startDraft(done.id, TODAY, false, now);
      for (const [field, value] of [['hours', 6], ['quality', 3], ['restlessness', 1], ['anxiety', 3]] as const) {
        checkins.saveAnswer(done.id, field, value, now);
      }
      checkins.saveFlags(done.id, [], now);
      checkins.complete(done.id, [], now);
    });
    await e.restart();

    const prompt = await e.emu.waitForMessage(user.id, isMorningPrompt, { timeoutMs: 10_000 });
    e.emu.pressButton(user, prompt, 'Start check-in');
    await e.emu.waitForMessage(user.id, (m) => m.text.includes('how many hours'));

    await severalTicks();
    expect(sendsTo(done.id)).toHaveLength(0);
    expect(delivery(done.id, 'morning')?.status).toBe('skipped');
  });

  it('"Remind me in 1 hour" prompts once more an hour later, across a restart; "Skip today" ends it', async () => {
    e = await setupE2E({ env: tickEverySecond(chicago('08:00', -2)) });
    const user = e.emu.createUser();
    setUp(user);
    await e.restart();

    const prompt = await e.emu.waitForMessage(user.id, isMorningPrompt, { timeoutMs: 10_000 });
    e.emu.pressButton(user, prompt, 'Remind me in 1 hour');
    const edit = await e.emu.waitForEdit(user.id, prompt.messageId, (m) => m.text.includes("I'll ask again at"));
    expect(edit.text).toContain("I'll ask again at 09:00");

    await e.restart({ env: tickEverySecond(chicago('09:00', -2)) });
    const again = await e.emu.waitForMessage(user.id, (m) => m.text.includes('check-in again'), { timeoutMs: 10_000 });
    const labels = again.replyMarkup && 'inline_keyboard' in again.replyMarkup
      ? again.replyMarkup.inline_keyboard.flat().map((b) => b.text)
      : [];
    expect(labels).toEqual(['Start check-in', 'Skip today']);

    e.emu.pressButton(user, again, 'Skip today');
    await e.emu.waitForEdit(user.id, again.messageId, (m) => m.text.includes('no check-in today'));
    // The first prompt's "remind me" is used up for today.
    e.emu.sendCallback(user, prompt, `mr:later:${TODAY}`);
    await e.emu.waitForEdit(user.id, prompt.messageId, (m) => m.text.includes('once more today at the most'));
    // Forged data gets the "old button" toast.
    const forged = e.emu.sendCallback(user, prompt, 'mr:later:2020-01-01');
    expect((await e.emu.waitForCallbackAnswer(forged)).text).toContain('earlier message');
  });

  it('sends a reminder missed while the bot was down if within 2 hours, otherwise records it missed', async () => {
    e = await setupE2E({ env: tickEverySecond(chicago('06:00')) });
    const late = e.emu.createUser();
    const tooLate = e.emu.createUser();
    setUp(late, { morningTime: '09:00' });
    setUp(tooLate, { morningTime: '08:00' });
    // Both were scheduled the evening before; the bot then was down until 10:01.
    withStores(e.dbPath, (stores) => {
      for (const user of [late, tooLate]) rescheduleUser(stores, user.id, new Date(chicago('07:00')));
    });
    await e.restart({ env: tickEverySecond(chicago('10:01')) });

    await e.emu.waitForMessage(late.id, isMorningPrompt, { timeoutMs: 10_000 });
    await expect.poll(() => delivery(late.id, 'morning')?.status).toBe('sent');
    await severalTicks();
    expect(sendsTo(tooLate.id)).toHaveLength(0);
    expect(delivery(tooLate.id, 'morning')?.status).toBe('missed');
  });
});

describe('blocked users', () => {
  it('marks a user who blocked the bot on the 403 and sends them nothing more until they write again', async () => {
    e = await setupE2E({ env: tickEverySecond(chicago('08:00', -2)) });
    const user = e.emu.createUser();
    setUp(user, { eveningTime: '12:30' });
    await e.restart();
    e.emu.blockBotQuietly(user);

    await e.emu.waitForCall('sendMessage', (c) => c.chatId === user.id && c.status === 403, { timeoutMs: 10_000 });
    await expect.poll(() => delivery(user.id, 'morning')?.status).toBe('blocked');
    expect(withStores(e.dbPath, ({ users }) => users.get(user.id)?.blockedAt)).not.toBeNull();

    // The evening comes: nothing is even attempted.
    await e.restart({ env: tickEverySecond(chicago('12:30', -2)) });
    await severalTicks();
    expect(sendsTo(user.id)).toHaveLength(1);
    expect(delivery(user.id, 'evening')?.status).toBe('blocked');

    // They unblock and write: they are back.
    e.emu.unblockBot(user);
    e.emu.sendText(user, '/help');
    await e.emu.waitForMessage(user.id, (m) => m.text.includes('988'));
    expect(withStores(e.dbPath, ({ users }) => users.get(user.id)?.blockedAt)).toBeNull();
  });
});

describe('evening wind-down', () => {
  it('sends night, phase and a 3-point checklist; "Stop evening reminders" turns them off', async () => {
    e = await setupE2E({ env: tickEverySecond(chicago('22:00', -2)) });
    const user = e.emu.createUser();
    setUp(user);
    await e.restart();

    const winddown = await e.emu.waitForMessage(user.id, (m) => m.text.includes('winding down'), { timeoutMs: 10_000 });
    // Last dose 3 days ago: tonight is night 4, in the peak.
    expect(winddown.text).toMatch(/Tonight is night 4 · /);
    expect(winddown.text.match(/^\d\. /gm)).toHaveLength(3);
    expect(winddown.text).toContain('Screens off now');

    e.emu.pressButton(user, winddown, 'Stop evening reminders');
    await e.emu.waitForEdit(user.id, winddown.messageId, (m) => m.text.includes('Evening reminders are off'));
    const stored = withStores(e.dbPath, ({ users, schedules }) => ({
      enabled: users.get(user.id)?.eveningEnabled,
      next: schedules.nextDue(user.id, 'evening'),
    }));
    expect(stored).toEqual({ enabled: false, next: null });
  });
});

describe('a busy morning', () => {
  it('gets exactly one prompt to each of 50 users due in the same minute while Telegram answers 429 above 10/s', async () => {
    e = await setupE2E({ env: tickEverySecond(chicago('06:00')) });
    const users = Array.from({ length: 50 }, () => e.emu.createUser());
    for (const user of users) setUp(user);
    e.emu.rateLimit({ perSecond: 10, retryAfter: 1 });
    await e.restart({ env: tickEverySecond(chicago('08:00', -2)) });

    // Someone chatting meanwhile is answered through the normal path, not behind the queue.
    const chatting = e.emu.createUser();
    await e.emu.waitForMessage(users[0]!.id, isMorningPrompt, { timeoutMs: 10_000 });
    e.emu.sendText(chatting, '/help');
    const help = await e.emu.waitForMessage(chatting.id, (m) => m.text.includes('988'), { timeoutMs: 10_000 });

    for (const user of users) await e.emu.waitForMessage(user.id, isMorningPrompt, { after: 0, timeoutMs: 25_000 });
    await severalTicks();
    const lastPrompt = Math.max(...users.map((u) => morningPrompts(u.id)[0]!.seq));
    expect(help.seq).toBeLessThan(lastPrompt);

    const limited = e.emu.calls.filter((c) => c.method === 'sendMessage' && c.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    for (const user of users) {
      expect(morningPrompts(user.id)).toHaveLength(1);
      expect(delivery(user.id, 'morning')?.status).toBe('sent'); // after severalTicks(): settled
    }
  }, 60_000);

  it('stops gracefully mid-morning (exit 0, sends in flight finish) and the rest go out after the restart, once each', async () => {
    e = await setupE2E({ env: tickEverySecond(chicago('06:00')) });
    const users = Array.from({ length: 30 }, () => e.emu.createUser());
    for (const user of users) setUp(user);
    e.emu.rateLimit({ perSecond: 5, retryAfter: 1 });
    await e.restart({ env: tickEverySecond(chicago('08:00', -2)) });

    // Some prompts are out, most are still queued: stop now.
    await expect.poll(() => users.filter((u) => morningPrompts(u.id).length > 0).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    const exit = await e.bot.stop('SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    const statuses = users.map((u) => delivery(u.id, 'morning')?.status ?? 'not claimed');
    // Nothing was left half-done: a claim either became a sent message or was never made.
    expect(statuses.filter((s) => s !== 'sent' && s !== 'not claimed')).toEqual([]);
    expect(statuses.filter((s) => s === 'not claimed').length).toBeGreaterThan(0);

    e.emu.rateLimit(null);
    await e.restart({ env: tickEverySecond(chicago('08:00', 20)) });
    for (const user of users) await e.emu.waitForMessage(user.id, isMorningPrompt, { after: 0, timeoutMs: 15_000 });
    await severalTicks();
    for (const user of users) expect(morningPrompts(user.id)).toHaveLength(1);
  }, 60_000);
});

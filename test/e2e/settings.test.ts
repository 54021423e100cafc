import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays, localTimeOf } from '../../src/domain/dates.js';
import { rescheduleUser } from '../../src/scheduler/reschedule.js';
import { openDatabase } from '../../src/storage/db.js';
import { ScheduleStore } from '../../src/storage/schedules.js';
import { UserStore } from '../../src/storage/users.js';
import { setupE2E, type E2E } from '../support/fixtures.js';
import type { FakeUser, SentMessage } from '../../src/emulator/emulator.js';
import { localToday, noonZone, seedUser, withStores, storedUserRow } from '../support/seed.js';
import { longDate } from '../support/dates.js';

let e: E2E;
let user: FakeUser;
let zone: string;

/** The reminder schedule as the bot stored it (the minute tick that sends it is built separately). */
function withSchedules<T>(fn: (schedules: ScheduleStore, users: UserStore) => T): T {
  const db = openDatabase(e.dbPath);
  try {
    return fn(new ScheduleStore(db), new UserStore(db));
  } finally {
    db.close();
  }
}

const storedUser = () => storedUserRow(e.dbPath, user.id);

beforeEach(async () => {
  e = await setupE2E();
  zone = noonZone();
  user = e.emu.createUser({ languageCode: 'en' });
  seedUser(e.dbPath, { id: user.id, zone, daysSinceLastDose: 4 });
  // As onboarding leaves it: reminders scheduled at the default 08:00 and 22:00.
  withSchedules((schedules, users) => rescheduleUser({ schedules, users }, user.id, new Date()));
});
afterEach(async () => {
  await e.teardown();
});

async function openSettings(): Promise<SentMessage> {
  e.emu.sendText(user, '/settings');
  return e.emu.waitForMessage(user.id, (m) => m.text.includes('Your settings'));
}

describe('/settings', () => {
  it('shows every setting in one message with buttons', async () => {
    const settings = await openSettings();
    expect(settings.text).toContain('Morning check-in: 08:00 · on');
    expect(settings.text).toContain('Evening wind-down: 22:00 · on');
    expect(settings.text).toContain('Last dose:');
    expect(settings.text).toContain('Language: English');
    expect(settings.text).toContain('United States');
    const buttons = settings.replyMarkup && 'inline_keyboard' in settings.replyMarkup ? settings.replyMarkup.inline_keyboard.flat() : [];
    for (const button of buttons) expect('callback_data' in button && button.callback_data.startsWith('st:')).toBe(true);
    expect(buttons.map((b) => b.text)).toEqual(
      expect.arrayContaining(['☀️ Morning time', '🌙 Evening time', '🕒 Time zone', '📅 Last-dose date', 'Español', '✓ English']),
    );
  });

  it('moves the morning time: bad times are re-asked, the schedule moves at once, the message updates in place', async () => {
    const { emu } = e;
    const before = withSchedules((s) => s.nextDue(user.id, 'morning'));
    expect(localTimeOf(before!, zone)).toBe('08:00');

    const settings = await openSettings();
    emu.pressButton(user, settings, 'Morning time');
    await emu.waitForMessage(user.id, (m) => m.text.includes('What time should I ask'));
    emu.sendText(user, '25:00');
    await emu.waitForMessage(user.id, (m) => m.text.includes("doesn't exist on a clock"));
    emu.sendText(user, 'abc');
    await emu.waitForMessage(user.id, (m) => m.text.includes("couldn't read that as a time"));
    emu.sendText(user, '6:45');
    const confirmation = await emu.waitForMessage(user.id, (m) => m.text.includes('morning check-in is now at 06:45'));
    expect(confirmation.text).toBe('✓ Your morning check-in is now at 06:45.');

    const edit = await emu.waitForEdit(user.id, settings.messageId, (ed) => ed.text.includes('Morning check-in: 06:45'), { after: 0 });
    expect(edit.text).toContain('now at 06:45');
    expect(edit.replyMarkup).toBeDefined();
    expect(storedUser()).toMatchObject({ morning_time: '06:45' });

    const after = withSchedules((s) => s.nextDue(user.id, 'morning'))!;
    expect(localTimeOf(after, zone)).toBe('06:45');
    expect(after.getTime()).toBeGreaterThan(Date.now());
    expect(after.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    expect(after.getTime()).not.toBe(before!.getTime());
  });

  it('accepts the ways people type times', async () => {
    const { emu } = e;
    for (const [typed, stored] of [['7', '07:00'], ['7:30', '07:30'], ['07:30', '07:30'], ['7.30pm', '19:30'], ['19:30', '19:30']] as const) {
      const settings = await openSettings();
      emu.pressButton(user, settings, 'Evening time');
      await emu.waitForMessage(user.id, (m) => m.text.includes('wind-down reminder?'));
      emu.sendText(user, typed);
      await emu.waitForMessage(user.id, (m) => m.text.includes(`wind-down reminder is now at ${stored}`));
      expect(storedUser()?.evening_time).toBe(stored);
      expect(localTimeOf(withSchedules((s) => s.nextDue(user.id, 'evening'))!, zone)).toBe(stored);
    }
  });

  it('turns evening reminders off and morning prompts off separately, with words and a redrawn message', async () => {
    const { emu } = e;
    const settings = await openSettings();
    const tap = emu.pressButton(user, settings, 'Turn evening reminders off');
    expect((await emu.waitForCallbackAnswer(tap)).text).toBe('Evening wind-down reminders are off.');
    await emu.waitForEdit(user.id, settings.messageId, (ed) => ed.text.includes('Evening wind-down: 22:00 · off'), { after: 0 });
    expect(storedUser()).toMatchObject({ evening_enabled: 0, morning_enabled: 1 });
    expect(withSchedules((s) => s.nextDue(user.id, 'evening'))).toBeNull();
    expect(withSchedules((s) => s.nextDue(user.id, 'morning'))).not.toBeNull();

    emu.pressButton(user, settings, 'Turn morning check-ins off');
    await emu.waitForEdit(user.id, settings.messageId, (ed) => ed.text.includes('Morning check-in: 08:00 · off'), { after: 0 });
    expect(withSchedules((s) => s.nextDue(user.id, 'morning'))).toBeNull();

    emu.pressButton(user, settings, 'Turn evening reminders on');
    await emu.waitForEdit(user.id, settings.messageId, (ed) => ed.text.includes('Evening wind-down: 22:00 · on'), { after: 0 });
    expect(localTimeOf(withSchedules((s) => s.nextDue(user.id, 'evening'))!, zone)).toBe('22:00');
    // Still one settings message: nothing piled up.
    expect(emu.sent(user.id).filter((m) => m.text.includes('settings'))).toHaveLength(1);
  });

  it('switches to Spanish: the message redraws in Spanish and the next check-in is in Spanish', async () => {
    const { emu } = e;
    const settings = await openSettings();
    const tap = emu.pressButton(user, settings, 'Español');
    expect((await emu.waitForCallbackAnswer(tap)).text).toBe('Listo, a partir de ahora te hablo en español.');
    await emu.waitForEdit(user.id, settings.messageId, (ed) => ed.text.includes('Tus ajustes') && ed.text.includes('Idioma: Español'), { after: 0 });
    expect(storedUser()?.locale).toBe('es');

    emu.sendText(user, '/checkin');
    const hours = await emu.waitForMessage(user.id, (m) => m.text.includes('¿Cuántas horas dormiste'));
    emu.pressButton(user, hours, '5');
    await emu.waitForMessage(user.id, (m) => m.text.includes('¿Cómo calificarías tu sueño?'));
  });

  it('changes the time zone, re-asking an unknown one with suggestions', async () => {
    const { emu } = e;
    const settings = await openSettings();
    emu.pressButton(user, settings, 'Time zone');
    await emu.waitForMessage(user.id, (m) => m.text.includes('Which time zone'));
    emu.sendText(user, 'Chicgo');
    const retry = await emu.waitForMessage(user.id, (m) => m.text.includes("couldn't find that time zone"));
    expect(retry.text).toContain('Did you mean: Chicago');
    expect(retry.replyMarkup).toBeDefined();
    emu.sendText(user, 'America/Chicago');
    await emu.waitForMessage(user.id, (m) => m.text.includes('Your time zone is now Chicago'));
    expect(storedUser()?.time_zone).toBe('America/Chicago');
    expect(localTimeOf(withSchedules((s) => s.nextDue(user.id, 'morning'))!, 'America/Chicago')).toBe('08:00');
    await emu.waitForEdit(user.id, settings.messageId, (ed) => ed.text.includes('Time zone: Chicago'), { after: 0 });
  });

  it('changes the last-dose date of a stopped user', async () => {
    const { emu } = e;
    const settings = await openSettings();
    emu.pressButton(user, settings, 'Last-dose date');
    const question = await emu.waitForMessage(user.id, (m) => m.text.includes('When was your last dose'));
    emu.pressButton(user, question, 'Yesterday');
    const yesterday = addDays(localToday(zone), -1);
    await emu.waitForMessage(user.id, (m) => m.text.includes(`last dose is now set to ${longDate('en', yesterday)}`));
    expect(storedUser()?.last_dose_date).toBe(yesterday);
  });

  it('sets a quit date for a user still using, who becomes "planning"', async () => {
    withStores(e.dbPath, ({ users }) => users.update(user.id, { status: 'using', lastDoseDate: null }, new Date()));
    const { emu } = e;
    const settings = await openSettings();
    expect(settings.text).toContain('No quit date yet');
    emu.pressButton(user, settings, 'Set a quit date');
    await emu.waitForMessage(user.id, (m) => m.text.includes('When do you plan to stop'));
    emu.sendText(user, 'in 5 days');
    const date = addDays(localToday(zone), 5);
    await emu.waitForMessage(user.id, (m) => m.text.includes(`quit date is now ${longDate('en', date)}`));
    expect(storedUser()).toMatchObject({ status: 'planning', quit_date: date });
  });

  it('changes the /help country', async () => {
    const { emu } = e;
    const settings = await openSettings();
    emu.pressButton(user, settings, 'Other countries');
    await emu.waitForEdit(user.id, settings.messageId, (ed) => ed.text.includes('/help: Other countries'), { after: 0 });
    expect(storedUser()?.country).toBe('OTHER');
    emu.sendText(user, '/help');
    const help = await emu.waitForMessage(user.id, (m) => m.text.includes('findahelpline.com'));
    expect(help.text).toContain('your local emergency number');
    expect(help.text).not.toContain('call 911');
  });

  it('answers forged settings buttons with a toast and changes nothing', async () => {
    const { emu } = e;
    const settings = await openSettings();
    for (const data of ['st:zz', 'st:r:m:2', 'st:l:fr', 'st:e:m:extra', 'st:']) {
      const tap = emu.sendCallback(user, settings, data);
      expect((await emu.waitForCallbackAnswer(tap)).text).toContain('earlier message');
    }
    expect(storedUser()).toMatchObject({ morning_enabled: 1, locale: 'en' });
  });

  it('answers settings buttons after /delete with a toast, never an error', async () => {
    const { emu } = e;
    const settings = await openSettings();
    emu.sendText(user, '/delete');
    const confirm = await emu.waitForMessage(user.id, (m) => m.text.includes('Erase everything?'));
    emu.pressButton(user, confirm, 'Yes, erase everything');
    await emu.waitForEdit(user.id, confirm.messageId, (ed) => ed.text.includes('has been erased'), { after: 0 });
    const tap = emu.pressButton(user, settings, 'Turn evening reminders off');
    expect((await emu.waitForCallbackAnswer(tap)).text).toContain('/start');
    expect(storedUser()).toBeUndefined();
    expect(emu.sent(user.id).some((m) => m.text.includes('went wrong'))).toBe(false);
    await vi.waitFor(() => expect(withSchedules((s) => s.nextDue(user.id, 'evening'))).toBeNull());
  });
});

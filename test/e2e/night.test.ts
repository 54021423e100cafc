import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { setupE2E, type E2E } from '../support/fixtures.js';
import { inlineButtons, type FakeUser, type SentMessage } from '../../src/emulator/emulator.js';
import { seedNight, seedUser } from '../support/seed.js';
import { userRowCounts } from '../support/user-rows.js';
import { EXPORT_COLUMNS } from '../../src/domain/export.js';
import { addDays } from '../../src/domain/dates.js';
import { openDatabase } from '../../src/storage/db.js';
import { WakeStore, type NightWake } from '../../src/storage/wakes.js';

/**
 * The night companion through the real process on a shifted clock (CLOCK_START): the process
 * believes it is 03:05 (or 02:00, 23:45, 14:00) in the user's zone. Crisis detection, the
 * scheduler and storage are the production code paths; the assertions read the chat as the user
 * sees it and the stored rows.
 */

/** A fixed Thursday, so no Sunday summary replaces the wind-down. */
const D = '2026-12-10';

function instant(zone: string, date: string, time: string, seconds = 0): string {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.fromISO(date, { zone }).set({ hour, minute }).plus({ seconds }).toUTC().toISO()!;
}

let e: E2E;
afterEach(async () => {
  await e?.teardown();
});

const labels = (m: SentMessage) => inlineButtons(m).map((b) => b.text);
const lineCount = (text: string) => text.split('\n').length;

function wakesOf(userId: number, from = '0000-01-01', to = '9999-12-31'): NightWake[] {
  const db = openDatabase(e.dbPath);
  try {
    return new WakeStore(db).between(userId, from, to);
  } finally {
    db.close();
  }
}

function rowCounts(userId: number): Record<string, number> {
  const db = openDatabase(e.dbPath);
  try {
    return userRowCounts(db, userId);
  } finally {
    db.close();
  }
}

/** Every step of the companion stays within PRODUCT.md's budget as actually sent. */
function expectWithinBudget(text: string): void {
  expect(lineCount(text), text).toBeLessThanOrEqual(6);
  expect(text.length, text).toBeLessThanOrEqual(450);
}

async function checkInByButtons(user: FakeUser, words: { hours: string; quality: string; restless: string; anxiety: string; flags: string; thanks: string }): Promise<SentMessage> {
  const { emu } = e;
  const wait = (includes: string) => emu.waitForMessage(user.id, (m) => m.text.includes(includes));
  emu.sendText(user, '/checkin');
  emu.pressButton(user, await wait(words.hours), '5');
  emu.pressButton(user, await wait(words.quality), 'cq:2');
  emu.pressButton(user, await wait(words.restless), 'cs:2');
  emu.pressButton(user, await wait(words.anxiety), '5');
  emu.pressButton(user, await wait(words.flags), 'cf:done');
  return wait(words.thanks);
}

const ENGLISH_CHECKIN = { hours: 'how many hours', quality: 'rate your sleep', restless: 'How restless', anxiety: 'How anxious', flags: 'Any of these today?', thanks: '🌱 Saved.' };
const SPANISH_CHECKIN = { hours: '¿Cuántas horas', quality: '¿Cómo calificarías', restless: '¿Qué tan inquieta', anxiety: '¿Cuánta ansiedad', flags: '¿Algo de esto hoy?', thanks: '🌱 Guardado.' };

describe('night companion, in English', () => {
  const ZONE = 'America/Chicago';

  it('free text at 03:05 gets the companion, each button, /awake; crisis text still gets the crisis path; the morning reply, /progress, /export, a 14:00 reply and /delete follow', async () => {
    e = await setupE2E({ env: { CLOCK_START: instant(ZONE, D, '03:05') } });
    const { emu } = e;
    const user = emu.createUser();
    // Last dose 4 days before D: the night ending on D's morning is night 4, peak.
    seedUser(e.dbPath, { id: user.id, zone: ZONE, patch: { lastDoseDate: addDays(D, -4), morningTime: '08:00', eveningTime: '22:00' } });
    for (const days of [1, 2, 3]) seedNight(e.dbPath, user.id, { date: addDays(D, -days), hours: 3 + days });
    const isCompanion = (m: SentMessage) => m.text.includes("What's hardest right now?");

    // Free text at 03:05: the companion, not the menu.
    emu.sendText(user, "can't sleep. it's 3am and my legs won't stop");
    const companion = await emu.waitForMessage(user.id);
    expect(isCompanion(companion)).toBe(true);
    expect(companion.text).toContain('Night 4 · Peak');
    expect(companion.text).toContain('and it passes');
    expect(companion.text).not.toContain("I didn't catch that");
    expect(companion.text).not.toContain('/checkin');
    expectWithinBudget(companion.text);
    expect(labels(companion)).toEqual(["Body won't settle", 'Mind racing', 'Urge to use', 'Talk to someone']);

    // Each button edits the same message in place, within budget.
    const steps: [string, string][] = [
      ["Body won't settle", 'nervous system still switched on'],
      ['Mind racing', "That's the sleep loss talking"],
      ['Urge to use', "Don't let tonight make that decision"],
      ['Talk to someone', '1-800-662-4357'],
    ];
    for (const [button, words] of steps) {
      emu.pressButton(user, companion, button);
      const edit = await emu.waitForEdit(user.id, companion.messageId, (ed) => ed.text.includes(words));
      expectWithinBudget(edit.text);
      expect(labels(edit.message)).not.toContain(button);
    }
    expect(companion.text).toContain('988');
    expect(companion.text).toContain('911');
    expect(emu.sent(user.id)).toHaveLength(1);

    // Recorded: the local time and the buttons; nothing typed.
    let wakes = wakesOf(user.id);
    expect(wakes).toHaveLength(1);
    expect(wakes[0]).toMatchObject({ nightDate: D, localTime: '03:05', trigger: 'text', steps: ['body', 'mind', 'urge', 'talk'] });
    expect(JSON.stringify(wakes)).not.toContain('legs');

    // A second message in the same wake, and /awake: the companion again, still one wake.
    emu.sendText(user, 'what do I do');
    expect(isCompanion(await emu.waitForMessage(user.id))).toBe(true);
    emu.sendText(user, '/awake');
    expect(isCompanion(await emu.waitForMessage(user.id))).toBe(true);
    expect(wakesOf(user.id)).toHaveLength(1);

    // Crisis text at night: the crisis message, and not the companion.
    emu.sendText(user, 'i want to kill myself');
    const crisis = await emu.waitForMessage(user.id);
    expect(crisis.text).toContain("You don't have to carry this alone");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Three companion messages, then the crisis message, and nothing after it.
    expect(emu.sent(user.id)).toHaveLength(4);
    expect(emu.lastSent(user.id)?.messageId).toBe(crisis.messageId);

    // The next morning: the check-in reply mentions the wake in one line.
    await e.restart({ env: { CLOCK_START: instant(ZONE, D, '08:05') } });
    const reply = await checkInByButtons(user, ENGLISH_CHECKIN);
    expect(reply.text).toContain("🌙 You were up at 3:05 — that's part of this night, and resting still counted.");

    // /progress marks the night with a wake.
    emu.sendText(user, '/progress');
    const chart = await emu.waitForMessage(user.id, (m) => m.method === 'sendPhoto');
    expect(chart.text).toContain('🌙 Awake in the night: Dec 10');

    // /export has the column.
    emu.sendText(user, '/export');
    const doc = await emu.waitForMessage(user.id, (m) => m.method === 'sendDocument');
    const rows = doc.document!.bytes!.toString('utf8').trimEnd().split('\r\n').map((line) => line.split(','));
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    const night = rows.find((row) => row[0] === D)!;
    expect(night[EXPORT_COLUMNS.indexOf('night_wakes')]).toBe('03:05 body+mind+urge+talk');
    expect(rows.find((row) => row[0] === addDays(D, -1))![EXPORT_COLUMNS.indexOf('night_wakes')]).toBe('');

    // 14:00: free text gets the short day reply (check-in done, so tips and help), not the menu.
    await e.restart({ env: { CLOCK_START: instant(ZONE, D, '14:00') } });
    emu.sendText(user, 'hello?');
    const day = await emu.waitForMessage(user.id, (m) => !m.text.startsWith('☀️'));
    expect(day.text).toContain("I can't answer typed messages");
    expect(lineCount(day.text)).toBeLessThanOrEqual(4);
    expect(day.text).not.toContain('/');
    expect(labels(day)).toEqual(['💡 Tips', '🆘 Help']);
    emu.pressButton(user, day, '💡 Tips');
    const tips = await emu.waitForMessage(user.id, (m) => m.text.includes('since your last dose'));
    expect(tips.text).toContain('For today:');
    emu.pressButton(user, day, 'dy:help');
    expect((await emu.waitForMessage(user.id)).text).toContain('Support, right now');
    expect(wakesOf(user.id)).toHaveLength(1);

    // /delete erases the wakes with everything else.
    emu.sendText(user, '/delete');
    const confirm = await emu.waitForMessage(user.id, (m) => m.text.includes('Erase everything?'));
    emu.pressButton(user, confirm, 'Yes, erase everything');
    await emu.waitForEdit(user.id, confirm.messageId, (ed) => ed.text.includes('has been erased'));
    expect(wakesOf(user.id)).toEqual([]);
    for (const [table, count] of Object.entries(rowCounts(user.id))) expect(count, table).toBe(0);
  }, 120_000);

  it('the wind-down carries the night button, and tapping it at 02:00 opens the companion; /tips then fits the hour', async () => {
    e = await setupE2E({ env: { SCHEDULER_CRON: '* * * * * *', CLOCK_START: instant(ZONE, addDays(D, -1), '22:00', -2) } });
    const { emu } = e;
    const user = emu.createUser();
    seedUser(e.dbPath, { id: user.id, zone: ZONE, patch: { lastDoseDate: addDays(D, -2), morningTime: '08:00', eveningTime: '22:00' } });
    await e.restart();

    const winddown = await emu.waitForMessage(user.id, (m) => m.text.includes('Time to start winding down'), { timeoutMs: 15_000 });
    expect(labels(winddown)).toEqual(['Awake in the night? Tap me', 'Skip tonight', 'Stop evening reminders']);

    await e.restart({ env: { CLOCK_START: instant(ZONE, D, '02:00') } });
    emu.pressButton(user, winddown, 'Awake in the night? Tap me');
    const companion = await emu.waitForMessage(user.id, (m) => m.text.includes("What's hardest right now?"));
    expect(companion.text).toContain('Night 2 · Peak');
    expect(labels(companion)).toEqual(["Body won't settle", 'Mind racing', 'Urge to use', 'Talk to someone']);
    expect(wakesOf(user.id)).toMatchObject([{ nightDate: D, localTime: '02:00', trigger: 'button', steps: [] }]);

    emu.sendText(user, '/tips');
    const tips = await emu.waitForMessage(user.id);
    expect(tips.text).toContain('For tonight:');
    for (const daytime of ['gentle movement in the daytime', 'Exercise helps sleep', 'talk to a prescriber', 'arrange some slack']) {
      expect(tips.text).not.toContain(daytime);
    }
  }, 90_000);
});

describe('night companion, in Spanish, with a window that crosses midnight (23:30 → 06:00)', () => {
  const ZONE = 'Europe/Madrid';

  it('the wind-down at 23:30 carries the night button; text then gets the companion for the coming night, the button at 02:00 too; crisis first; 06:10 the day reply; the morning reply mentions both wakes', async () => {
    const evening = addDays(D, -1);
    const tick = (time: string, seconds = 0) => ({ SCHEDULER_CRON: '* * * * * *', CLOCK_START: instant(ZONE, time === '23:30' ? evening : D, time, seconds) });
    e = await setupE2E({ env: tick('23:30', -2) });
    const { emu } = e;
    const user = emu.createUser({ languageCode: 'es' });
    seedUser(e.dbPath, { id: user.id, zone: ZONE, locale: 'es', patch: { lastDoseDate: addDays(D, -4), morningTime: '06:00', eveningTime: '23:30' } });
    await e.restart();
    const isCompanion = (m: SentMessage) => m.text.includes('¿Qué es lo más difícil ahora?');

    const winddown = await emu.waitForMessage(user.id, (m) => m.text.includes('Es hora de ir bajando el ritmo'), { timeoutMs: 15_000 });
    expect(labels(winddown)).toEqual(['¿Despierto de noche? Tócame', 'Esta noche no', 'No más avisos de noche']);

    emu.sendText(user, 'no puedo dormir, que hago');
    const companion = await emu.waitForMessage(user.id, isCompanion);
    expect(companion.text).toContain('Noche 4 · Pico');
    expectWithinBudget(companion.text);
    expect(labels(companion)).toEqual(['El cuerpo no se calma', 'La mente no para', 'Ganas de consumir', 'Hablar con alguien']);

    const steps: [string, string][] = [
      ['El cuerpo no se calma', 'sistema nervioso aún encendido'],
      ['La mente no para', 'Es la falta de sueño la que habla'],
      ['Ganas de consumir', 'Espera a la mañana'],
      ['Hablar con alguien', '1-800-662-4357'],
    ];
    for (const [button, words] of steps) {
      emu.pressButton(user, companion, button);
      const edit = await emu.waitForEdit(user.id, companion.messageId, (ed) => ed.text.includes(words));
      expectWithinBudget(edit.text);
    }
    // The wake belongs to the night that ends on D's morning, though it began on the evening before.
    const [first] = wakesOf(user.id);
    expect(first).toMatchObject({ nightDate: D, trigger: 'text', steps: ['body', 'mind', 'urge', 'talk'] });
    expect(first!.localTime).toMatch(/^23:3\d$/);

    emu.sendText(user, '/awake');
    await emu.waitForMessage(user.id, isCompanion);

    emu.sendText(user, 'me quiero morir');
    const crisis = await emu.waitForMessage(user.id, (m) => m.text.includes('No tienes que cargar con esto a solas'));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(emu.lastSent(user.id)?.messageId).toBe(crisis.messageId);

    // 02:00, after midnight and still in the window: the wind-down's button opens a second wake on the same night.
    await e.restart({ env: tick('02:00') });
    emu.pressButton(user, winddown, '¿Despierto de noche? Tócame');
    expect((await emu.waitForMessage(user.id, isCompanion)).text).toContain('Noche 4 · Pico');
    expect(wakesOf(user.id).map((w) => [w.nightDate, w.localTime, w.trigger])).toEqual([[D, first!.localTime, 'text'], [D, '02:00', 'button']]);

    // 06:10: the window has closed. The day reply, with the check-in offered (none yet today).
    await e.restart({ env: { CLOCK_START: instant(ZONE, D, '06:10') } });
    emu.sendText(user, 'hola');
    const day = await emu.waitForMessage(user.id, (m) => m.text.includes('No puedo responder a mensajes escritos'));
    expect(day.text).toContain('Aún no has hecho el registro de hoy');
    expect(lineCount(day.text)).toBeLessThanOrEqual(4);
    expect(labels(day)).toEqual(['☀️ Registrar ahora', '💡 Consejos', '🆘 Ayuda']);
    emu.pressButton(user, day, '☀️ Registrar ahora');
    const wait = (includes: string) => emu.waitForMessage(user.id, (m) => m.text.includes(includes));
    emu.pressButton(user, await wait(SPANISH_CHECKIN.hours), '5');
    emu.pressButton(user, await wait(SPANISH_CHECKIN.quality), 'cq:2');
    emu.pressButton(user, await wait(SPANISH_CHECKIN.restless), 'cs:2');
    emu.pressButton(user, await wait(SPANISH_CHECKIN.anxiety), '5');
    emu.pressButton(user, await wait(SPANISH_CHECKIN.flags), 'cf:done');
    const reply = await wait(SPANISH_CHECKIN.thanks);
    expect(reply.text).toContain(`🌙 Estuviste en vela a las ${first!.localTime} y 2:00: es parte de esta noche, y el descanso igual contó.`);

    // /export and /delete in Spanish cover the wakes too.
    emu.sendText(user, '/export');
    const doc = await emu.waitForMessage(user.id, (m) => m.method === 'sendDocument');
    const rows = doc.document!.bytes!.toString('utf8').trimEnd().split('\r\n').map((line) => line.split(','));
    expect(rows.find((row) => row[0] === D)![EXPORT_COLUMNS.indexOf('night_wakes')]).toBe(`${first!.localTime} body+mind+urge+talk;02:00`);
    emu.sendText(user, '/delete');
    const confirm = await wait('¿Lo borro todo?');
    emu.pressButton(user, confirm, 'Sí, borrar todo');
    await emu.waitForEdit(user.id, confirm.messageId, (ed) => ed.text.includes('Todo lo tuyo quedó borrado'));
    expect(wakesOf(user.id)).toEqual([]);
  }, 150_000);

  it('/tips in the evening is "Para esta noche" without daytime exercise, and the menu lists /awake in both languages', async () => {
    e = await setupE2E({ env: { CLOCK_START: instant(ZONE, D, '19:00') } });
    const { emu } = e;
    const user = emu.createUser({ languageCode: 'es' });
    seedUser(e.dbPath, { id: user.id, zone: ZONE, locale: 'es', patch: { lastDoseDate: addDays(D, -20), morningTime: '06:00', eveningTime: '23:30' } });
    emu.sendText(user, '/tips');
    const tips = await emu.waitForMessage(user.id);
    expect(tips.text).toContain('Para esta noche:');
    expect(tips.text).not.toContain('El ejercicio ayuda');
    expect(emu.commands({ languageCode: 'es' })?.find((c) => c.command === 'awake')?.description).toBe('¿Despierto de noche? Aquí estoy');
    expect(emu.commands({ languageCode: 'en' })?.find((c) => c.command === 'awake')?.description).toBe("Awake in the night? I'm here");
  }, 60_000);
});

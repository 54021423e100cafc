import { DateTime } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import type { FakeUser, SentMessage } from '../../src/emulator/emulator.js';
import { setupE2E, type E2E } from '../support/fixtures.js';
import { localToday, noonZone, seedNight, seedUser, withStores } from '../support/seed.js';

/**
 * PRODUCT.md "Message budgets" through the real process, in English and Spanish: the check-in
 * reply without and with a support warning (every sign at once) stays within its budget.
 * /help stays within 16 lines and 900 characters.
 */
let e: E2E;
afterEach(async () => {
  await e?.teardown();
});

const measure = (text: string) => ({ lines: text.split('\n').length, chars: [...text].length });

const WORDS = {
  en: { hours: 'how many hours', quality: 'rate your sleep', restless: 'How restless', anxiety: 'How anxious', flags: 'Any of these today?', veryPoor: 'Very poor', severe: 'Severe', saved: '🌱 Saved.', help: 'What can help' },
  es: { hours: '¿Cuántas horas', quality: '¿Cómo calificarías', restless: '¿Qué tan inquieta', anxiety: '¿Cuánta ansiedad', flags: '¿Algo de esto hoy?', veryPoor: 'Muy mala', severe: 'Fuerte', saved: '🌱 Guardado.', help: 'Qué puede ayudar' },
} as const;

async function checkIn(user: FakeUser, lang: 'en' | 'es', hours: string, anxiety: string, flags: string[]): Promise<SentMessage> {
  const { emu } = e;
  const w = WORDS[lang];
  const q = (text: string) => emu.waitForMessage(user.id, (m) => m.text.includes(text));
  emu.sendText(user, '/checkin');
  emu.pressButton(user, await q(w.hours), hours);
  emu.pressButton(user, await q(w.quality), w.veryPoor);
  emu.pressButton(user, await q(w.restless), w.severe);
  emu.pressButton(user, await q(w.anxiety), anxiety);
  const flagsQuestion = await q(w.flags);
  for (const flag of flags) {
    const tap = emu.pressButton(user, flagsQuestion, `cf:${flag}`);
    await emu.waitForCallbackAnswer(tap);
  }
  emu.pressButton(user, flagsQuestion, 'cf:done');
  return q(w.saved);
}

describe.each(['en', 'es'] as const)('message budgets end to end, %s', (lang) => {
  it('a check-in reply stays within 10 lines and 700 characters', async () => {
    e = await setupE2E();
    const zone = noonZone();
    const user = e.emu.createUser({ languageCode: lang });
    // Day 7: a milestone day, so the reply carries its longest form.
    seedUser(e.dbPath, { id: user.id, zone, daysSinceLastDose: 7, locale: lang });
    const reply = await checkIn(user, lang, '5', '3', []);
    const m = measure(reply.text);
    expect(m.lines, reply.text).toBeLessThanOrEqual(10);
    expect(m.chars, reply.text).toBeLessThanOrEqual(700);
    expect(reply.text).toContain(lang === 'en' ? 'Day 7' : 'Día 7');
  });

  it('a reply with every warning sign stays within 14 lines and 1,000 characters; the rest is one tap away', async () => {
    e = await setupE2E();
    const zone = noonZone();
    const today = localToday(zone);
    const user = e.emu.createUser({ languageCode: lang });
    seedUser(e.dbPath, { id: user.id, zone, daysSinceLastDose: 20, locale: lang });
    // no-sleep (3 short nights in 4 days), anxiety-rising (6 → 7 → 8), persistent (day 20, 4 nights under 5 h).
    seedNight(e.dbPath, user.id, { date: addDays(today, -3), hours: 4, anxiety: 5 });
    seedNight(e.dbPath, user.id, { date: addDays(today, -2), hours: 1, anxiety: 6 });
    seedNight(e.dbPath, user.id, { date: addDays(today, -1), hours: 2, anxiety: 7 });
    const reply = await checkIn(user, lang, '1', '8', ['cant-function', 'unstable', 'urge']);
    const m = measure(reply.text);
    expect(m.lines, reply.text).toBeLessThanOrEqual(14);
    expect(m.chars, reply.text).toBeLessThanOrEqual(1000);
    // Six signs, each on its own line.
    expect(reply.text.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(6);

    e.emu.pressButton(user, reply, WORDS[lang].help);
    const help = await e.emu.waitForEdit(user.id, reply.messageId, (edit) => edit.text.includes('findtreatment.gov'));
    expect(measure(help.text).chars).toBeLessThanOrEqual(900);

    e.emu.sendText(user, '/help');
    const helpMessage = await e.emu.waitForMessage(user.id, (msg) => msg.seq > reply.seq && msg.text.includes('988'));
    const helpSize = measure(helpMessage.text);
    expect(helpSize.lines, helpMessage.text).toBeLessThanOrEqual(16);
    expect(helpSize.chars, helpMessage.text).toBeLessThanOrEqual(900);
  });
});

describe('/checkin and this morning’s prompt', () => {
  it('takes the buttons off the morning prompt when the check-in starts from /checkin', async () => {
    const zone = 'America/Chicago';
    const today = localToday(zone);
    const start = DateTime.fromISO(today, { zone }).set({ hour: 8 }).minus({ seconds: 2 }).toUTC().toISO()!;
    e = await setupE2E({ env: { SCHEDULER_CRON: '* * * * * *', CLOCK_START: start } });
    const user = e.emu.createUser();
    seedUser(e.dbPath, { id: user.id, zone, daysSinceLastDose: 3, patch: { morningTime: '08:00', eveningTime: '22:00' } });
    await e.restart();
    const prompt = await e.emu.waitForMessage(user.id, (m) => m.text.startsWith('☀️ Good morning'), { timeoutMs: 10_000 });
    expect(prompt.replyMarkup).toBeDefined();
    await vi.waitFor(() =>
      expect(withStores(e.dbPath, ({ schedules }) => schedules.delivery(user.id, 'morning', today))?.messageId).toBe(prompt.messageId),
    );
    e.emu.sendText(user, '/checkin');
    await e.emu.waitForMessage(user.id, (m) => m.text.includes('how many hours'));
    await vi.waitFor(() => expect(prompt.replyMarkup).toBeUndefined());
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { DateTime } from 'luxon';
import { setupE2E, type E2E } from '../support/fixtures.js';
import type { FakeUser, SentMessage } from '../../src/emulator/emulator.js';
import { localToday, noonZone, seedUser, withStores } from '../support/seed.js';
import { openDatabase } from '../../src/storage/db.js';
import { CrisisEventStore } from '../../src/storage/crisis-events.js';

/**
 * The crisis path through the real process (PRODUCT.md, "Crisis"), in English and Spanish. Only
 * PRODUCT.md's own example phrases are typed here: the detection engine is tested on its corpus.
 */

let e: E2E;
afterEach(async () => {
  await e?.teardown();
});

const EN_CRISIS_FIRST = '🚨 If you might act on these thoughts, call 911 now.';
const ES_CRISIS_FIRST = (number: string) => `🚨 Si pudieras actuar según estos pensamientos, llama ya al ${number}.`;

const waitFor = (user: FakeUser, includes: string) => e.emu.waitForMessage(user.id, (m) => m.text.includes(includes));
const buttons = (m: SentMessage) =>
  m.replyMarkup && 'inline_keyboard' in m.replyMarkup ? m.replyMarkup.inline_keyboard.flat() : [];
const labels = (m: SentMessage) => buttons(m).map((b) => b.text);
const urls = (m: SentMessage) => buttons(m).flatMap((b) => ('url' in b && b.url ? [b.url] : []));

function events(userId: number) {
  const db = openDatabase(e.dbPath);
  try {
    return new CrisisEventStore(db).list(userId).map(({ level, source }) => `${level}/${source}`);
  } finally {
    db.close();
  }
}

function newUser(lang: 'en' | 'es', options: { zone?: string; country?: string } = {}): FakeUser {
  const user = e.emu.createUser({ languageCode: lang });
  seedUser(e.dbPath, { id: user.id, zone: options.zone ?? noonZone(), locale: lang, daysSinceLastDose: 4, patch: options.country ? { country: options.country } : {} });
  return user;
}

/** Answers questions 1–4 of the check-in by buttons; resolves with question 5 (the flags). */
async function upToFlags(user: FakeUser, lang: 'en' | 'es'): Promise<SentMessage> {
  const q = lang === 'en'
    ? { hours: 'how many hours', quality: 'rate your sleep', restless: 'How restless', anxiety: 'How anxious', flags: 'Any of these today?', poor: 'Poor', mild: 'Mild' }
    : { hours: 'Cuántas horas', quality: '¿Cómo calificarías', restless: '¿Qué tan inquieta', anxiety: '¿Cuánta ansiedad', flags: '¿Algo de esto hoy?', poor: 'Mala', mild: 'Leve' };
  e.emu.sendText(user, '/checkin');
  e.emu.pressButton(user, await waitFor(user, q.hours), '3');
  e.emu.pressButton(user, await waitFor(user, q.quality), q.poor);
  e.emu.pressButton(user, await waitFor(user, q.restless), q.mild);
  e.emu.pressButton(user, await waitFor(user, q.anxiety), '7');
  return waitFor(user, q.flags);
}

describe('the check-in flag "Thoughts of hurting myself"', () => {
  it.each([
    ['en', EN_CRISIS_FIRST, '988 Suicide & Crisis Lifeline', 'the most important thing is you', ['Thanks — saved', '🌱 Saved', 'For tonight', '988']],
    ['es', ES_CRISIS_FIRST('911'), 'Línea 988', 'lo más importante eres tú', ['Gracias', 'Para esta noche', '988']],
  ] as const)('%s: the crisis message at once, emergency number first; after Done a short reply, care first, once', async (lang, first, line, care, absent) => {
    e = await setupE2E();
    const user = newUser(lang);
    const flags = await upToFlags(user, lang);
    e.emu.pressButton(user, flags, 'cf:self-harm');
    const crisis = await waitFor(user, first);
    expect(crisis.text.split('\n')[0]).toBe(first);
    expect(crisis.text.split('\n')[1]).toContain(line);
    expect(urls(crisis)).toEqual(['https://988lifeline.org']);
    // Toggled off and on again: still one crisis message.
    e.emu.pressButton(user, flags, 'cf:self-harm');
    e.emu.pressButton(user, flags, 'cf:self-harm');
    e.emu.pressButton(user, flags, 'cf:done');
    const reply = await waitFor(user, care);
    for (const word of absent) expect(reply.text).not.toContain(word);
    expect(e.emu.sent(user.id).filter((m) => m.text.startsWith(first))).toHaveLength(1);
    expect(withStores(e.dbPath, ({ checkins }) => checkins.night(user.id, localToday(noonZone()))?.flags)).toContain('self-harm');
    await expect.poll(() => events(user.id)).toEqual(['crisis/flag']);
  });
});

describe('crisis text', () => {
  it.each([
    ['en', 'kms', EN_CRISIS_FIRST, 'carry on where we were', '4', 'rate your sleep'],
    ['es', 'mejor me muero', ES_CRISIS_FIRST('911'), 'seguimos donde estábamos', '4', '¿Cómo calificarías'],
  ] as const)('%s: mid-check-in, gets the crisis message and the question stays open', async (lang, text, first, stillOpen, answer, next) => {
    e = await setupE2E();
    const user = newUser(lang);
    e.emu.sendText(user, '/checkin');
    const hours = await waitFor(user, lang === 'en' ? 'how many hours' : 'Cuántas horas');
    e.emu.sendText(user, text);
    const crisis = await e.emu.waitForMessage(user.id);
    expect(crisis.text.split('\n')[0]).toBe(first);
    expect(crisis.text).toContain(stillOpen);
    expect(labels(crisis).slice(-2)).toEqual(lang === 'en' ? ["I'm safe for now", "I'm not safe"] : ['Estoy a salvo por ahora', 'No estoy a salvo']);
    // The open question still takes its answer.
    e.emu.pressButton(user, hours, answer);
    await waitFor(user, next);
    await expect.poll(() => events(user.id)).toEqual(['crisis/text']);
  });

  it('before onboarding, with nothing stored about the person', async () => {
    e = await setupE2E();
    const stranger = e.emu.createUser({ languageCode: 'en' });
    e.emu.sendText(stranger, "they'd be better off without me");
    const crisis = await waitFor(stranger, EN_CRISIS_FIRST);
    e.emu.pressButton(stranger, crisis, "I'm safe for now");
    const reply = await waitFor(stranger, "glad you're safe for now");
    expect(reply.text).not.toContain('check in with you');
    expect(withStores(e.dbPath, ({ users }) => users.get(stranger.id))).toBeNull();
  });
});

describe('Concern: one direct, kind question', () => {
  it('English: each answer gets what PRODUCT.md says', async () => {
    e = await setupE2E();
    const user = newUser('en');
    const ask = async (text: string) => {
      e.emu.sendText(user, text);
      const question = await waitFor(user, 'Are you having thoughts of ending your life?');
      expect(question.replyMarkup && 'inline_keyboard' in question.replyMarkup ? question.replyMarkup.inline_keyboard.map((r) => r.map((b) => b.text)) : []).toEqual([
        ['Yes'],
        ["No, I'm just worn out"],
        ["I'd rather not say"],
      ]);
      return question;
    };

    const first = await ask("I can't do this anymore");
    e.emu.pressButton(user, first, 'Yes');
    const crisis = await waitFor(user, EN_CRISIS_FIRST);
    expect(crisis.text).toContain('Are you safe right now?');
    await e.emu.waitForEdit(user.id, first.messageId, (ed) => ed.text.endsWith('✓ Yes'), { after: 0 });

    const second = await ask('I want it all to stop');
    e.emu.pressButton(user, second, "No, I'm just worn out");
    const support = await waitFor(user, 'Thank you for telling me');
    expect(support.text).not.toContain('988');

    const third = await ask("I can't do this anymore");
    e.emu.pressButton(user, third, "I'd rather not say");
    const gently = await waitFor(user, "you don't have to say");
    expect(gently.text).toContain('911');
    expect(gently.text).toContain('988');
    expect(gently.text).not.toContain('Are you');

    await expect.poll(() => events(user.id)).toEqual(['concern/text', 'crisis/answer', 'concern/text', 'concern/text', 'concern/answer']);
  });

  it('Spanish: each answer, and a question left unanswered blocks nothing', async () => {
    e = await setupE2E();
    const user = newUser('es');
    e.emu.sendText(user, '/checkin');
    const hours = await waitFor(user, 'Cuántas horas');
    e.emu.sendText(user, 'ya no puedo más');
    const unanswered = await waitFor(user, '¿Estás teniendo pensamientos de quitarte la vida?');
    // The check-in goes on without an answer to it.
    e.emu.pressButton(user, hours, '5');
    const quality = await waitFor(user, '¿Cómo calificarías');

    e.emu.pressButton(user, unanswered, 'Sí');
    const crisis = await waitFor(user, ES_CRISIS_FIRST('911'));
    expect(crisis.text).toContain('seguimos donde estábamos');
    e.emu.pressButton(user, quality, 'Buena');
    await waitFor(user, '¿Qué tan inquieta');

    e.emu.sendText(user, 'me rindo');
    e.emu.pressButton(user, await waitFor(user, 'quitarte la vida'), 'No, solo estoy agotado/a');
    await waitFor(user, 'Gracias por decírmelo');
    e.emu.sendText(user, 'ya no puedo más');
    e.emu.pressButton(user, await waitFor(user, 'quitarte la vida'), 'Prefiero no decirlo');
    const gently = await waitFor(user, 'no tienes que decirlo');
    expect(gently.text).toContain('Línea 988');
  });
});

describe('someone else at risk', () => {
  it.each([
    ['en', 'my friend says she wants to kill herself', "looking out for them", 'If they might act on it now, call 911.'],
    ['es', 'mi amigo dice que se quiere matar', 'pendiente de esa persona', 'Si pudiera actuar ahora, llama al 911.'],
  ] as const)('%s: the lines, framed for helping another person', async (lang, text, intro, emergency) => {
    e = await setupE2E();
    const user = newUser(lang);
    e.emu.sendText(user, text);
    const reply = await waitFor(user, intro);
    expect(reply.text).toContain(emergency);
    expect(reply.text).toContain('988');
    // Not asked whether *they* are safe: the question is for the person in crisis.
    expect(labels(reply)).not.toContain("I'm safe for now");
    await expect.poll(() => events(user.id)).toEqual(['other/text']);
  });
});

describe('local lines, in the user’s language', () => {
  it('a Mexico user, proposed from the zone at onboarding, gets 911 and Línea de la Vida in Spanish', async () => {
    e = await setupE2E();
    const user = e.emu.createUser({ languageCode: 'es-MX' });
    e.emu.sendText(user, '/start');
    e.emu.pressButton(user, await waitFor(user, 'No soy atención médica'), 'Sí, está bien');
    e.emu.pressButton(user, await waitFor(user, '¿En qué punto estás ahora?'), 'Ya lo dejé');
    e.emu.pressButton(user, await waitFor(user, '¿En qué zona horaria estás?'), 'Ciudad de México (UTC−6)');
    e.emu.sendText(user, 'hace 3 días');
    e.emu.pressButton(user, await waitFor(user, '¿A qué hora te pregunto'), '07:00');
    e.emu.sendText(user, '22:00');
    const summary = await waitFor(user, 'Todo listo');
    expect(summary.text).toContain('/help te mostrará las líneas de: México');
    expect(withStores(e.dbPath, ({ users }) => users.get(user.id)?.country)).toBe('MX');

    e.emu.sendText(user, 'mejor me muero');
    const crisis = await waitFor(user, ES_CRISIS_FIRST('911'));
    expect(crisis.text.split('\n')[1]).toBe('📞 Línea de la Vida: 800 911 2000. Gratuita, 24 horas, los 365 días; también para adicciones.');
    expect(urls(crisis)).toEqual([]);
    e.emu.pressButton(user, crisis, 'No estoy a salvo');
    const unsafe = await waitFor(user, 'Por favor, llama ahora; yo sigo aquí.');
    expect(unsafe.text.split('\n').slice(0, 2)).toEqual(['🚨 Emergencias: 911', '📞 Línea de la Vida: 800 911 2000. Gratuita, 24 horas, los 365 días; también para adicciones.']);

    e.emu.sendText(user, '/help');
    const help = await waitFor(user, 'Apoyo, ahora mismo');
    expect(help.text.indexOf('911')).toBeLessThan(help.text.indexOf('800 911 2000'));
    expect(help.text).not.toContain('SAMHSA');
    expect(help.text).toContain('findahelpline.com');
  });

  it('a Spain user gets 112 and 024 in Spanish, and /help in Spanish', async () => {
    e = await setupE2E();
    const user = newUser('es', { zone: 'Europe/Madrid', country: 'ES' });
    e.emu.sendText(user, 'me voy a colgar');
    const crisis = await waitFor(user, ES_CRISIS_FIRST('112'));
    expect(crisis.text.split('\n')[1]).toContain('024');
    expect(crisis.text).not.toContain('911');
    e.emu.sendText(user, '/help');
    const help = await waitFor(user, 'Apoyo, ahora mismo');
    expect(help.text.split('\n')[1]).toBe('🚨 Si estás en peligro inmediato, llama ya al 112.');
    expect(help.text).toContain('024: Línea de atención a la conducta suicida');
    expect(help.text).not.toContain('988');
  });

  it('/settings offers the countries, and a change moves /help at once', async () => {
    e = await setupE2E();
    const user = newUser('en');
    e.emu.sendText(user, '/settings');
    const settings = await waitFor(user, 'Your settings');
    expect(labels(settings)).toEqual(expect.arrayContaining(['✓ United States', 'Canada', 'Mexico', 'Spain', 'United Kingdom', 'Ireland', 'Other countries']));
    e.emu.pressButton(user, settings, 'United Kingdom');
    await e.emu.waitForEdit(user.id, settings.messageId, (ed) => ed.text.includes('United Kingdom'), { after: 0 });
    e.emu.sendText(user, '/help');
    const help = await waitFor(user, 'Support, right now');
    expect(help.text.split('\n')[1]).toBe('🚨 If you are in immediate danger, call 999 now.');
    expect(help.text).toContain('Samaritans: 116 123');
  });
});

describe('"Are you safe right now?"', () => {
  it('"I\'m not safe": the emergency number and the line in two lines, and "please call now"', async () => {
    e = await setupE2E();
    const user = newUser('en');
    e.emu.sendText(user, 'kms');
    const crisis = await waitFor(user, EN_CRISIS_FIRST);
    e.emu.pressButton(user, crisis, "I'm not safe");
    const unsafe = await waitFor(user, "Please call now; I'll stay here.");
    expect(unsafe.text.split('\n').slice(0, 2)).toEqual([
      '🚨 Emergency: 911',
      '📞 988 Suicide & Crisis Lifeline: call or text 988 (press 2 for Spanish). Free, 24/7.',
    ]);
    // The answer buttons go; the chat link stays.
    await vi.waitFor(() => expect(labels(e.emu.sent(user.id).find((m) => m.messageId === crisis.messageId)!)).toEqual(['💬 Chat with the 988 Lifeline']));
    expect(withStores(e.dbPath, ({ schedules }) => schedules.nextDue(user.id, 'followup'))).toBeNull();
  });
});

/** Follow-ups run on a shifted clock (CLOCK_START) with a tick every second, as in reminders.test.ts. */
const ZONE = 'America/Chicago';
function chicago(time: string, seconds = 0, days = 0): string {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.fromISO(localToday(ZONE), { zone: ZONE }).plus({ days }).set({ hour, minute }).plus({ seconds }).toUTC().toISO()!;
}
const tickEverySecond = (clockStart: string) => ({ SCHEDULER_CRON: '* * * * * *', CLOCK_START: clockStart });
const severalTicks = () => new Promise((resolve) => setTimeout(resolve, 3_000));
const isFollowUp = (m: SentMessage) => m.text.includes('Checking in, as I said I would');

describe('the follow-up after "I\'m safe for now"', () => {
  async function safeAt(clock: string): Promise<FakeUser> {
    e = await setupE2E({ env: tickEverySecond(clock) });
    const user = newUser('en', { zone: ZONE });
    e.emu.sendText(user, 'kms');
    e.emu.pressButton(user, await waitFor(user, EN_CRISIS_FIRST), "I'm safe for now");
    return user;
  }

  it('comes a few hours later, exactly once, across restarts', async () => {
    const user = await safeAt(chicago('10:00'));
    await waitFor(user, "I'll check in with you in a few hours");
    const due = withStores(e.dbPath, ({ schedules }) => schedules.nextDue(user.id, 'followup'))!;
    // Three hours after the tap (the shifted clock ran on for a moment before it).
    expect(due.getTime() - new Date(chicago('13:00')).getTime()).toBeGreaterThanOrEqual(0);
    expect(due.getTime() - new Date(chicago('13:00')).getTime()).toBeLessThan(60_000);

    // The bot restarts before it is due, and again after it was sent.
    await e.restart({ env: tickEverySecond(new Date(due.getTime() - 3_000).toISOString()) });
    await e.emu.waitForMessage(user.id, isFollowUp, { timeoutMs: 15_000 });
    await expect.poll(() => withStores(e.dbPath, ({ schedules }) => schedules.delivery(user.id, 'followup', localToday(ZONE))?.status)).toBe('sent');
    await e.restart({ env: tickEverySecond(new Date(due.getTime() + 20_000).toISOString()) });
    await severalTicks();
    expect(e.emu.sent(user.id).filter(isFollowUp)).toHaveLength(1);
    expect(withStores(e.dbPath, ({ schedules }) => schedules.nextDue(user.id, 'followup'))).toBeNull();
  }, 60_000);

  it('waits for the morning time when a few hours later is night', async () => {
    const user = await safeAt(chicago('23:30'));
    await waitFor(user, "I'll check in with you in the morning");
    expect(withStores(e.dbPath, ({ schedules }) => schedules.nextDue(user.id, 'followup'))?.toISOString()).toBe(chicago('08:00', 0, 1));
  });

  it('is cancelled by /delete, with the crisis events', async () => {
    const user = await safeAt(chicago('10:00'));
    await waitFor(user, "I'll check in with you in a few hours");
    await expect.poll(() => events(user.id)).toEqual(['crisis/text']);
    const due = withStores(e.dbPath, ({ schedules }) => schedules.nextDue(user.id, 'followup'))!;
    e.emu.sendText(user, '/delete');
    const confirm = await waitFor(user, 'Erase everything?');
    e.emu.pressButton(user, confirm, 'Yes, erase everything');
    await e.emu.waitForEdit(user.id, confirm.messageId, (ed) => ed.text.includes('has been erased'), { after: 0 });
    await expect.poll(() => events(user.id)).toEqual([]);
    expect(withStores(e.dbPath, ({ schedules }) => schedules.nextDue(user.id, 'followup'))).toBeNull();

    // The bot comes back after the moment it would have been due: nothing goes out.
    await e.restart({ env: tickEverySecond(new Date(due.getTime() + 2_000).toISOString()) });
    await severalTicks();
    expect(e.emu.sent(user.id).filter(isFollowUp)).toHaveLength(0);
    expect(withStores(e.dbPath, ({ schedules }) => schedules.delivery(user.id, 'followup', localToday(ZONE)))).toBeNull();
  }, 60_000);
});

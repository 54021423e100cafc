import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DateTime } from 'luxon';
import { addDays } from '../../src/domain/dates.js';
import { nightPosition } from '../../src/domain/night-window.js';
import { setupE2E, type E2E } from '../support/fixtures.js';
import { inlineButtons, type FakeUser, type ReplyMarkup, type SentMessage } from '../../src/emulator/emulator.js';
import { localToday, seedNight, seedUser } from '../support/seed.js';
import { longDate } from '../support/dates.js';

/**
 * Issue 5's "Done when": a Spanish speaker uses every feature without meeting an English string.
 * Every text the bot puts in a Spanish user's chat — messages, every edit, every button label,
 * every toast, the caption of the export — is checked against the English locale files: no
 * line of English text (from a key whose English differs from its Spanish), and no English-only
 * word, may appear in it.
 */

const LOCALES = fileURLToPath(new URL('../../locales', import.meta.url));

/** key → raw value (continuation lines joined with newlines), from every .ftl of one language. */
function ftlValues(lang: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const file of readdirSync(join(LOCALES, lang)).filter((f) => f.endsWith('.ftl'))) {
    let current: string | null = null;
    for (const line of readFileSync(join(LOCALES, lang, file), 'utf8').split('\n')) {
      const start = /^([a-z][a-z0-9-]*) =\s?(.*)$/.exec(line);
      if (start) {
        current = start[1]!;
        values.set(current, start[2]!);
      } else if (current && /^\s/.test(line)) {
        values.set(current, `${values.get(current)}\n${line.trim()}`);
      } else if (line.trim() !== '') {
        current = null;
      }
    }
  }
  return values;
}

/** The literal text of a Fluent value: placeables, select syntax and variant keys become breaks. */
function literalFragments(value: string): string[] {
  return value
    .replace(/\*?\[[^\]\n]+\]/g, '\n')
    .replace(/\{\s*\$[\w-]+\s*->/g, '\n')
    .replace(/\{[^{}]*\}/g, '\n')
    .replace(/[{}]/g, '\n')
    .split('\n')
    .map((s) => s.trim());
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (s: string) => (fold(s).match(/\p{L}[\p{L}'’]*/gu) ?? []).filter((w) => w.length >= 2);

const en = ftlValues('en');
const es = ftlValues('es');
const allSpanish = [...es.values()].join('\n');
const spanishWords = new Set(words(allSpanish));

/** Lines of English (≥ 12 characters, with letters) from every key whose English differs from its Spanish. */
const ENGLISH_FRAGMENTS = [
  ...new Set(
    [...en]
      .filter(([key, value]) => es.get(key) !== value)
      .flatMap(([, value]) => literalFragments(value))
      .filter((f) => f.length >= 12 && /\p{L}/u.test(f) && !allSpanish.includes(f)),
  ),
];
/** Words (two letters or more) that the English texts use and the Spanish ones never do. */
const ENGLISH_WORDS = new Set(
  [...en].filter(([key, value]) => es.get(key) !== value).flatMap(([, value]) => words(literalFragments(value).join(' '))).filter((w) => !spanishWords.has(w)),
);

function markupLabels(markup: ReplyMarkup | string | undefined): string[] {
  const parsed = typeof markup === 'string' ? (JSON.parse(markup) as ReplyMarkup) : markup;
  return inlineButtons(parsed).map((b) => b.text);
}

interface Seen {
  texts: string[];
  /** Button labels and toasts: short texts, also checked word by word. */
  short: string[];
}

/** Everything the bot showed in this chat: each message as sent and after every edit, its buttons, the toasts. */
function everythingSeen(emu: E2E['emu'], chatId: number): Seen {
  const texts: string[] = [];
  const short: string[] = [];
  for (const m of emu.sent(chatId)) {
    texts.push(m.text);
    if (typeof m.params.text === 'string') texts.push(m.params.text);
    if (typeof m.params.caption === 'string') texts.push(m.params.caption);
    short.push(...markupLabels(m.params.reply_markup as ReplyMarkup | string | undefined), ...markupLabels(m.replyMarkup));
    for (const edit of m.edits) {
      texts.push(edit.text);
      short.push(...markupLabels(edit.replyMarkup));
    }
  }
  for (const answer of emu.answeredCallbacks) {
    if (answer.query.from.id === chatId && answer.text) short.push(answer.text);
  }
  return { texts: [...texts, ...short], short };
}

function expectNoEnglish(seen: Seen): void {
  expect(ENGLISH_FRAGMENTS.length).toBeGreaterThan(100);
  const leaks: string[] = [];
  for (const text of seen.texts) {
    for (const fragment of ENGLISH_FRAGMENTS) if (text.includes(fragment)) leaks.push(`${JSON.stringify(fragment)} in ${JSON.stringify(text.slice(0, 120))}`);
    // Web addresses and commands are names, not prose ("988lifeline.org", "/privacy").
    const prose = text.replace(/https?:\/\/\S+|\S+\.(?:gov|org|com)\b|\/[a-z_]+/g, ' ');
    for (const word of words(prose)) if (ENGLISH_WORDS.has(word)) leaks.push(`word "${word}" in ${JSON.stringify(text.slice(0, 120))}`);
  }
  expect([...new Set(leaks)]).toEqual([]);
}

const labels = (m: SentMessage) => inlineButtons(m).map((b) => b.text);
const buttonStarting = (m: SentMessage, prefix: string) => {
  const label = labels(m).find((l) => l.startsWith(prefix));
  if (!label) throw new Error(`no button starting ${prefix} in ${labels(m).join(' | ')}`);
  return label;
};

let e: E2E;
afterEach(async () => {
  await e?.teardown();
});

describe('a Spanish speaker', () => {
  it('uses every feature from a es-MX Telegram client and never meets English', async () => {
    e = await setupE2E();
    const { emu } = e;
    const user: FakeUser = emu.createUser({ languageCode: 'es-MX' });
    const next = (includes: string) => emu.waitForMessage(user.id, (m) => m.text.includes(includes));

    // Onboarding: consent, status, time zone (typed wrong, suggested, then a button), date, times.
    emu.sendText(user, '/start');
    const intro = await next('No soy atención médica');
    emu.pressButton(user, intro, 'Sí, está bien');
    const status = await next('¿En qué punto estás ahora?');
    emu.sendSticker(user);
    await next('Toca uno de los tres botones');
    const forged = emu.sendCallback(user, status, 'obs:zzz');
    expect((await emu.waitForCallbackAnswer(forged)).text).toBe('Ese botón es de un mensaje anterior: usa el más reciente, por favor.');
    emu.pressButton(user, status, 'Ya lo dejé');
    const zone = await next('¿En qué zona horaria estás?');
    expect(labels(zone)).toEqual(expect.arrayContaining([expect.stringMatching(/^Nueva York \(UTC−[45]\)$/), expect.stringMatching(/^Los Ángeles /), 'Ciudad de México (UTC−6)', expect.stringMatching(/^Londres /), expect.stringMatching(/^Bogotá /)]));
    emu.sendText(user, 'Atlantis');
    await next('No encontré esa zona horaria');
    emu.sendText(user, 'Chicgo');
    expect((await next('¿Quisiste decir')).text).toContain('¿Quisiste decir: Chicago');
    emu.pressButton(user, zone, 'Ciudad de México (UTC−6)');
    const mexicoToday = localToday('America/Mexico_City');
    await next('¿Cuándo fue tu última dosis?');
    emu.sendText(user, 'mañana');
    await next('no puede estar en el futuro');
    emu.sendText(user, 'hace 3 días');
    const morning = await next('¿A qué hora te pregunto');
    emu.sendText(user, '25:00');
    await next('Esa hora no existe en un reloj');
    emu.pressButton(user, morning, '07:00');
    await next('recordatorio para desconectar');
    emu.sendText(user, '10:30 de la noche');
    const summary = await next('Todo listo');
    expect(summary.text).toContain('Día 3 desde tu última dosis · Pico');
    expect(summary.text).toContain('Registro 07:00 · 🌙 Desconectar 22:30');
    expect(summary.text).toContain('Ciudad de México (UTC−6)');

    // Crisis text, /help, /tips, /start when set up.
    emu.sendText(user, 'ya no quiero vivir');
    await next('No tienes que cargar con esto a solas');
    emu.sendText(user, '/help');
    await next('Apoyo, ahora mismo');
    emu.sendText(user, '/tips');
    // The title follows the hour on the user's clock (this test runs on real time).
    await next(nightPosition(new Date(), 'America/Mexico_City', '22:30', '07:00').part === 'day' ? 'Para hoy:' : 'Para esta noche:');
    emu.sendText(user, '/start');
    await next('Lo normal ahora:');

    // Check-in: sticker, out of range, typed decimal comma, typed label, a command, buttons, a flag.
    emu.sendText(user, '/checkin');
    const hours = await next('¿Cuántas horas dormiste');
    emu.sendSticker(user);
    await next('Toca un número de horas');
    emu.sendText(user, '17');
    await next('Las horas van de 0 a 16');
    emu.sendText(user, '4,5');
    await next('¿Cómo calificarías tu sueño?');
    emu.sendText(user, 'mala');
    const restless = await next('¿Qué tan inquieta');
    emu.sendText(user, '/tips');
    await next('Estamos a mitad de algo');
    const old = emu.sendCallback(user, hours, 'ch:2');
    expect((await emu.waitForCallbackAnswer(old)).text).toContain('Ese botón es de un mensaje anterior');
    emu.pressButton(user, restless, 'Moderada');
    await next('¿Cuánta ansiedad sientes');
    emu.sendText(user, 'mucha');
    const anxiety = await next('Responde con un número entero');
    emu.pressButton(user, anxiety, '7');
    const flags = await next('¿Algo de esto hoy?');
    expect(labels(flags)).toEqual(expect.arrayContaining(['▫️ Mi ánimo está inestable', '✅ Listo']));
    emu.pressButton(user, flags, 'cf:unstable');
    await vi.waitFor(() => expect(labels(flags)).toContain('☑️ Mi ánimo está inestable'));
    emu.pressButton(user, flags, 'cf:done');
    const reply = await next('🌱 Guardado.');
    expect(reply.text).toContain('Noche 3 · ~4,5 h · Mala · inquietud: Moderada · ansiedad 7/10');
    expect(reply.text).toContain('Por favor, busca ayuda hoy mismo');
    expect(reply.text).toContain('un estado de ánimo que se siente inestable');
    emu.pressButton(user, reply, 'Últimas 7 noches');
    await emu.waitForEdit(user.id, reply.messageId, (edit) => /Últimas 7 noches · media 4,5 h/.test(edit.text));

    // /settings: open, a toggle, a time, the time zone typed, the date.
    emu.sendText(user, '/settings');
    const settings = await next('Tus ajustes');
    expect(settings.text).toContain('Zona horaria: Ciudad de México (UTC−6)');
    expect(settings.text).toContain(`Última dosis: ${longDate('es', addDays(mexicoToday, -3))}`);
    expect(settings.text).toContain('Idioma: Español');
    expect(settings.text).toContain('Recursos de ayuda en /help: México');
    const off = emu.pressButton(user, settings, '🌙 Desactivar el recordatorio de la noche');
    expect((await emu.waitForCallbackAnswer(off)).text).toBe('Desactivé el recordatorio para desconectar.');
    await emu.waitForEdit(user.id, settings.messageId, (ed) => ed.text.includes('Recordatorio para desconectar: 22:30 · desactivado'), { after: 0 });
    emu.pressButton(user, settings, '☀️ Hora de la mañana');
    await next('¿A qué hora te pregunto');
    emu.sendText(user, '6:45');
    await next('✓ Te escribiré por la mañana a las 06:45.');
    emu.pressButton(user, settings, '🕒 Zona horaria');
    await next('¿En qué zona horaria estás?');
    emu.sendText(user, 'Nueva York');
    expect((await next('Tu zona horaria ahora es')).text).toMatch(/Tu zona horaria ahora es Nueva York \(UTC−[45]\)\./);
    await emu.waitForEdit(user.id, settings.messageId, (ed) => ed.text.includes('Zona horaria: Nueva York'), { after: 0 });
    emu.pressButton(user, settings, '📅 Fecha de la última dosis');
    const lastDose = await next('¿Cuándo fue tu última dosis?');
    emu.pressButton(user, lastDose, 'Hace 2 días');
    const nyToday = localToday('America/New_York');
    await next(`Anoté tu última dosis el ${longDate('es', addDays(nyToday, -2))}`);
    emu.pressButton(user, settings, 'Listo');
    await emu.waitForEdit(user.id, settings.messageId, (ed) => ed.text.includes('Guardado.'), { after: 0 });
    const forgedSetting = emu.sendCallback(user, settings, 'st:zz');
    expect((await emu.waitForCallbackAnswer(forgedSetting)).text).toContain('Ese botón es de un mensaje anterior');

    // /privacy, /export.
    emu.sendText(user, '/privacy');
    await next('Tu privacidad');
    emu.sendText(user, '/export');
    const doc = await emu.waitForMessage(user.id, (m) => m.method === 'sendDocument');
    expect(doc.text).toBe('Tus datos de Steady Nights: tus ajustes y una noche, una fila por noche.');

    // /used: a kind confirmation, a refused date, a new date.
    emu.sendText(user, '/used');
    const confirm = await next('Gracias por contármelo');
    emu.pressButton(user, confirm, 'Sí, reiniciar mi cuenta');
    const when = await next('dosis más reciente');
    emu.sendText(user, 'pasado mañana');
    await next('no puede estar en el futuro');
    emu.pressButton(user, when, 'Hoy');
    const restarted = await next('Tu cuenta vuelve a empezar');
    expect(restarted.text).toContain(`desde el ${longDate('es', nyToday)}`);
    expect(restarted.text).toContain('Día 0 desde tu última dosis · Primeros días');
    expect(restarted.text).toContain('Tu noche anterior se queda en tu historial');

    // Things that are not commands, and an unknown command.
    // Free text: the night companion in the night window, else the short day reply — never the command list.
    emu.sendText(user, 'hola?');
    const atNight = nightPosition(new Date(), 'America/New_York', '22:30', '06:45').part === 'night';
    expect((await next(atNight ? '¿Qué es lo más difícil ahora?' : 'No puedo responder a mensajes escritos')).text).not.toContain('/checkin');
    emu.sendText(user, '/progreso');
    await next('No te entendí');
    emu.sendText(user, '/cancel');
    await next('Ahora mismo no hay nada que cancelar');

    // /delete, then they are new again.
    emu.sendText(user, '/delete');
    const erase = await next('¿Lo borro todo?');
    emu.pressButton(user, erase, 'Sí, borrar todo');
    await emu.waitForEdit(user.id, erase.messageId, (ed) => ed.text.includes('Todo lo tuyo quedó borrado'), { after: 0 });
    const afterDelete = emu.sendCallback(user, settings, 'st:e:m');
    expect((await emu.waitForCallbackAnswer(afterDelete)).text).toContain('Ya no tengo ajustes guardados para ti');
    emu.sendText(user, 'hola');
    await next('Envía /start para empezar');
    emu.sendText(user, '/checkin');
    await next('Primero, configuremos todo');

    expectNoEnglish(everythingSeen(emu, user.id));
  }, 90_000);

  it('who declines is answered in Spanish, and so is everything that needs setting up first', async () => {
    e = await setupE2E();
    const { emu } = e;
    const user = emu.createUser({ languageCode: 'es' });
    const next = (includes: string) => emu.waitForMessage(user.id, (m) => m.text.includes(includes));
    emu.sendText(user, '/tips');
    await next('en cualquier etapa');
    emu.sendText(user, '/export');
    await next('No tengo ningún dato tuyo');
    emu.sendText(user, '/settings');
    await next('Primero, configuremos todo');
    emu.sendText(user, '/used');
    await next('Primero, configuremos todo');
    emu.sendText(user, '/start');
    const intro = await next('No soy atención médica');
    emu.sendPhoto(user);
    await next('Toca «Sí, está bien» o «No, gracias»');
    emu.pressButton(user, intro, 'No, gracias');
    await next('no he guardado nada sobre ti');
    emu.sendText(user, '/delete');
    const erase = await next('¿Lo borro todo?');
    emu.pressButton(user, erase, 'No, mejor no');
    await emu.waitForEdit(user.id, erase.messageId, (ed) => ed.text.includes('no borré nada'), { after: 0 });

    expectNoEnglish(everythingSeen(emu, user.id));
  });

  it('(the check itself) catches English lines and words, and passes Spanish', () => {
    for (const english of ['🌱 Saved.', 'Start check-in', 'New York (UTC−5)', 'London (UTC)', 'Mexico City (UTC−6)', 'Your Steady Nights data: your settings and 2 nights', 'That button is from an earlier message — please use the newest one.', 'Done']) {
      expect(() => expectNoEnglish({ texts: [english], short: [english] }), english).toThrow();
    }
    expectNoEnglish({ texts: ['Nueva York (UTC−5) · /privacy · https://988lifeline.org · Steady Nights · 19 de noviembre de 2026 · ~4,5 h'], short: [] });
  });

  it('has a Spanish command menu', async () => {
    e = await setupE2E();
    const menu = e.emu.commands({ languageCode: 'es' });
    const english = e.emu.commands();
    expect(menu?.map((c) => c.command)).toEqual(english?.map((c) => c.command));
    expect(menu?.find((c) => c.command === 'checkin')?.description).toBe('Registro de sueño de la mañana');
    const descriptions = menu!.map((c) => c.description);
    expect(descriptions.filter((d) => english!.some((c) => c.description === d))).toEqual([]);
    expectNoEnglish({ texts: descriptions, short: descriptions });
  });
});

describe('scheduled messages for a Spanish speaker', () => {
  const ZONE = 'America/Mexico_City';
  const TODAY = localToday(ZONE);
  const at = (time: string, seconds: number) => {
    const [hour, minute] = time.split(':').map(Number);
    return DateTime.fromISO(TODAY, { zone: ZONE }).set({ hour, minute }).plus({ seconds }).toUTC().toISO()!;
  };
  const tick = (time: string) => ({ env: { SCHEDULER_CRON: '* * * * * *', CLOCK_START: at(time, -2) } });

  it('use the stored language, not the Telegram client’s: morning prompt, the hour-later prompt and the wind-down', async () => {
    e = await setupE2E(tick('08:00'));
    const { emu } = e;
    // Telegram says English; the user chose Spanish. Scheduled messages follow the choice.
    const user = emu.createUser({ languageCode: 'en' });
    seedUser(e.dbPath, { id: user.id, zone: ZONE, daysSinceLastDose: 3, locale: 'es', patch: { morningTime: '08:00', eveningTime: '22:00' } });
    await e.restart();

    const prompt = await emu.waitForMessage(user.id, (m) => m.text.includes('Buenos días'), { timeoutMs: 10_000 });
    expect(labels(prompt)).toEqual(['Empezar el registro', 'Recuérdamelo en 1 hora', 'Hoy no']);
    emu.pressButton(user, prompt, 'Recuérdamelo en 1 hora');
    await emu.waitForEdit(user.id, prompt.messageId, (ed) => ed.text.includes('te lo vuelvo a preguntar a las 09:00'));

    await e.restart(tick('09:00'));
    const again = await emu.waitForMessage(user.id, (m) => m.text.includes('Aquí tienes otra vez tu registro'), { timeoutMs: 10_000 });
    expect(labels(again)).toEqual(['Empezar el registro', 'Hoy no']);
    emu.pressButton(user, again, 'Empezar el registro');
    await emu.waitForMessage(user.id, (m) => m.text.includes('¿Cuántas horas dormiste'));
    emu.sendText(user, '/cancel');
    await emu.waitForMessage(user.id, (m) => m.text.includes('No se pierde nada'));

    await e.restart(tick('22:00'));
    const winddown = await emu.waitForMessage(user.id, (m) => m.text.includes('Es hora de ir bajando el ritmo'), { timeoutMs: 10_000 });
    expect(winddown.text).toContain('Esta noche es la noche 4 · Pico');
    expect(winddown.text).toContain('Tres cosas para esta noche:');
    expect(labels(winddown)).toEqual(['¿Despierto de noche? Tócame', 'Esta noche no', 'No más avisos de noche']);
    emu.pressButton(user, winddown, 'Esta noche no');
    await emu.waitForEdit(user.id, winddown.messageId, (ed) => ed.text.includes('esta noche sin lista'));

    expectNoEnglish(everythingSeen(emu, user.id));
  }, 60_000);
});

describe('/progress and the weekly summary for a Spanish speaker', () => {
  it('answers in Spanish: too few nights, the chart’s caption and button, and the Sunday summary', async () => {
    const ZONE = 'America/Mexico_City';
    const now = DateTime.now().setZone(ZONE);
    const sunday = now.minus({ days: now.weekday % 7 }).toISODate()!;
    const evening = DateTime.fromISO(`${sunday}T21:59:58`, { zone: ZONE }).toUTC();
    const env = (clock: DateTime) => ({ env: { SCHEDULER_CRON: '* * * * * *', CLOCK_START: clock.toISO()! } });
    e = await setupE2E(env(evening.minus({ hours: 3 })));
    const { emu } = e;
    const user = emu.createUser({ languageCode: 'es' });
    seedUser(e.dbPath, { id: user.id, zone: ZONE, daysSinceLastDose: 25, locale: 'es' });

    emu.sendText(user, '/progress');
    expect((await emu.waitForMessage(user.id)).text).toContain('Aún no hay noches registradas');

    for (let i = 0; i < 12; i++) seedNight(e.dbPath, user.id, { date: addDays(sunday, -i), hours: i < 7 ? 5.5 : 4, quality: 3 });
    emu.sendText(user, '/progress');
    const chart = await emu.waitForMessage(user.id, (m) => m.method === 'sendPhoto', { timeoutMs: 30_000 });
    // The chart begins at the first check-in: 12 nights, not 14 slots.
    expect(chart.text).toContain('12 de las últimas 12 noches registradas');
    expect(chart.text).toContain('5,5 h por noche');
    emu.pressButton(user, chart, 'Ver 30 noches');
    await emu.waitForEdit(user.id, chart.messageId, (ed) => ed.method === 'editMessageMedia' && ed.text.includes('12 de las últimas 12 noches'));

    await e.restart(env(evening));
    const summary = await emu.waitForMessage(user.id, (m) => m.method === 'sendPhoto' && m.text.includes('Tu semana'), { timeoutMs: 30_000 });
    expect(summary.text).toContain('Lo que mejoró: 1,5 h más de sueño por noche');
    expect(summary.text).toContain('Para la semana que viene:');
    emu.pressButton(user, summary, 'Esta noche no');
    await emu.waitForEdit(user.id, summary.messageId, (ed) => ed.text.includes('esta noche sin lista'));

    expectNoEnglish(everythingSeen(emu, user.id));
  }, 60_000);
});

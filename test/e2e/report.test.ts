import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import type { LocalDate } from '../../src/domain/types.js';
import type { FakeUser, SentMessage } from '../../src/emulator/emulator.js';
import { setupE2E, type E2E } from '../support/fixtures.js';
import { pdfText } from '../support/pdf-text.js';
import { localToday, noonZone, seedNight, seedUser } from '../support/seed.js';

let e: E2E;
afterEach(async () => {
  await e?.teardown();
});

const buttonLabels = (m: SentMessage) =>
  m.replyMarkup && 'inline_keyboard' in m.replyMarkup ? m.replyMarkup.inline_keyboard.flat().map((b) => b.text) : [];

/** Dates as an independent formatter writes them (Intl, not the bot's locale files). */
function formatDate(lang: string, date: LocalDate, options: Intl.DateTimeFormatOptions): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}
const rowDate = (lang: string, date: LocalDate) => formatDate(lang, date, { weekday: 'short', day: 'numeric', month: 'short' });
const shortDate = (lang: string, date: LocalDate) => formatDate(lang, date, { day: 'numeric', month: 'short' });

/**
 * A user 24 days after the last dose with 20 nights logged (today−20 … today−1, today not yet):
 * three short nights on today−10 … today−8 (the no-sleep sign fires on today−8 and today−7) and
 * anxiety 9 on today−5 (the anxiety sign).
 */
function seedTwentyNights(dbPath: string, userId: number, today: LocalDate): void {
  for (let i = 20; i >= 1; i--) {
    const hours = i === 10 ? 2 : i === 9 ? 1.5 : i === 8 ? 2.5 : 4 + (i % 3) * 0.5;
    seedNight(dbPath, userId, {
      date: addDays(today, -i),
      hours,
      quality: hours < 3 ? 1 : 3,
      restlessness: hours < 3 ? 3 : 1,
      anxiety: i === 5 ? 9 : 4,
      flags: i === 9 ? ['cant-function'] : [],
    });
  }
}

/** Sends /report, taps the range, and returns the document and the text of its page. */
async function requestReport(user: FakeUser, range: string, start: () => void = () => e.emu.sendText(user, '/report')) {
  start();
  const choice = await e.emu.waitForMessage(user.id, (m) => m.method === 'sendMessage' && buttonLabels(m).length === 2);
  // Read now: the message is edited once a range is tapped.
  const asked = { text: choice.text, labels: buttonLabels(choice) };
  e.emu.pressButton(user, choice, range);
  const doc = await e.emu.waitForMessage(user.id, (m) => m.method === 'sendDocument', { timeoutMs: 30_000 });
  const pdf = await pdfText(doc.document!.bytes!);
  return { choice, asked, doc, pdf };
}

describe('/report', () => {
  it('asks 14 or 28 nights and sends a one-page Letter PDF with the dates, hours, signs and footer', async () => {
    e = await setupE2E();
    const zone = noonZone();
    const user = e.emu.createUser({ languageCode: 'en' });
    seedUser(e.dbPath, { id: user.id, zone, daysSinceLastDose: 24 });
    const today = localToday(zone);
    seedTwentyNights(e.dbPath, user.id, today);

    const { choice, asked, doc, pdf } = await requestReport(user, 'Last 14 nights');
    expect(asked.text).toContain('one-page summary');
    expect(asked.labels).toEqual(['Last 14 nights', 'Last 28 nights']);
    expect((await e.emu.waitForEdit(user.id, choice.messageId, undefined, { after: 0 })).text).toContain('Making your summary of the last 14 nights');

    expect(doc.document!.filename).toBe(`steady-nights-summary-${today}.pdf`);
    expect(doc.text).toContain(`${shortDate('en', addDays(today, -13))} – ${shortDate('en', today)}`);
    expect(pdf.pages).toBe(1);
    expect(pdf.size).toEqual({ width: 612, height: 792 });

    const { text, lines } = pdf;
    expect(text).toContain('Sleep diary summary');
    expect(text).toContain('last 14 nights');
    expect(text).toContain('Day 24 since the last dose · phase: Rebuilding');
    expect(text).toContain('No return to use reported in this period');
    expect(text).toContain('Nights logged: 13 of 14');
    // One row per date, oldest first, hours as answered; today is still open.
    const rows = lines.filter((line) => /^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d+ /.test(line));
    expect(rows).toHaveLength(14);
    expect(rows[0]).toMatch(new RegExp(`^${rowDate('en', addDays(today, -13))} 4\\.5 h Fair \\(3\\) Mild \\(1\\) 4 — —$`));
    expect(rows).toContain(`${rowDate('en', addDays(today, -9))} 1.5 h Very poor (1) Severe (3) 4 Could not function —`);
    expect(rows).toContain(`${rowDate('en', addDays(today, -5))} 5 h Fair (3) Mild (1) 9 — —`);
    expect(rows.at(-1)).toBe(`${rowDate('en', today)} Not checked in yet`);
    // This week (today−6 … today: 4.5, 4, 5, 4.5, 4, 5 h) against last week (…, 2.5, 1.5, 2, …).
    expect(text).toMatch(/Hours slept a night 4\.5 h 3\.\d h/);
    expect(text).toContain('Nights logged 6 of 7 7 of 7');
    expect(text).toContain(`Several nights with little or no sleep: ${shortDate('en', addDays(today, -8))} – ${shortDate('en', addDays(today, -7))}`);
    expect(text).toContain(`Rising anxiety: ${shortDate('en', addDays(today, -5))}`);
    expect(text).toContain(`Could not function: ${shortDate('en', addDays(today, -9))}`);
    expect(text).toContain('A prescriber can discuss treatment for withdrawal insomnia.');
    expect(text).toContain('Self-reported sleep diary from Steady Nights; not a medical record.');

    // An old or forged range button gets the usual toast, not a PDF.
    const forged = e.emu.sendCallback(user, choice, 'rp:99');
    expect((await e.emu.waitForCallbackAnswer(forged)).text).toContain('earlier message');
  });

  it('in Spanish on A4: Spanish words, dates and decimal commas, and nothing in English', async () => {
    e = await setupE2E();
    const zone = noonZone();
    const user = e.emu.createUser({ languageCode: 'es' });
    seedUser(e.dbPath, { id: user.id, zone, daysSinceLastDose: 24, locale: 'es', patch: { country: 'ES' } });
    const today = localToday(zone);
    seedTwentyNights(e.dbPath, user.id, today);

    const { asked, doc, pdf } = await requestReport(user, 'Últimas 28 noches');
    expect(asked.text).toContain('resumen de una página');
    expect(asked.labels).toEqual(['Últimas 14 noches', 'Últimas 28 noches']);
    expect(doc.text).toContain('Tu resumen de sueño');
    expect(pdf.pages).toBe(1);
    expect(pdf.size.width).toBeCloseTo(595.28, 1);
    expect(pdf.size.height).toBeCloseTo(841.89, 1);

    const { text, lines } = pdf;
    expect(text).toContain('Resumen del diario de sueño');
    expect(text).toContain('últimas 28 noches');
    expect(text).toContain('Día 24 desde la última dosis · etapa: Reconstrucción');
    expect(text).toContain('Noches registradas: 20 de 28');
    const rows = lines.filter((line) => /^[a-záé]{3}, \d+ [a-z]{3,4} /.test(line));
    // As /progress, the rows begin at the first check-in (20 nights ago) and end today.
    expect(rows).toHaveLength(21);
    expect(rows).toContain(`${rowDate('es', addDays(today, -9))} 1,5 h Muy mala (1) Fuerte (3) 4 No podía con el día —`);
    expect(rows.filter((row) => row.includes('Sin registro'))).toHaveLength(0);
    expect(text).toContain(`Varias noches durmiendo poco o nada: ${shortDate('es', addDays(today, -8))} – ${shortDate('es', addDays(today, -7))}`);
    expect(text).toContain(`Ansiedad en aumento: ${shortDate('es', addDays(today, -5))}`);
    expect(text).toMatch(/Horas dormidas por noche 4,5 h 3,4 h/);
    expect(text).toContain('no es un historial médico');
    for (const english of ['Sleep', 'Night by', 'week', 'Quality', 'No entry', 'medical record', 'prescriber', 'Day ', ' h Fair', 'Mild', 'Rebuilding']) {
      expect(text, english).not.toContain(english);
    }
  });

  it('comes from the button on a support warning too', async () => {
    e = await setupE2E();
    const zone = noonZone();
    const user = e.emu.createUser({ languageCode: 'en' });
    seedUser(e.dbPath, { id: user.id, zone, daysSinceLastDose: 4 });
    const today = localToday(zone);
    seedNight(e.dbPath, user.id, { date: addDays(today, -2), hours: 1 });
    seedNight(e.dbPath, user.id, { date: addDays(today, -1), hours: 2 });

    e.emu.sendText(user, '/checkin');
    const answer = async (question: string, label: string) =>
      e.emu.pressButton(user, await e.emu.waitForMessage(user.id, (m) => m.text.includes(question)), label);
    await answer('how many hours', '1');
    await answer('rate your sleep', 'Very poor');
    await answer('How restless', 'Severe');
    await answer('How anxious', '5');
    await answer('Any of these today?', 'cf:done');
    const reply = await e.emu.waitForMessage(user.id, (m) => m.text.includes('🌱 Saved.'));
    expect(reply.text).toContain('It may be time for more support');
    expect(buttonLabels(reply)).toContain('📄 Make a summary for a prescriber');

    const { pdf } = await requestReport(user, 'Last 14 nights', () => e.emu.pressButton(user, reply, '📄 Make a summary for a prescriber'));
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain(`${rowDate('en', today)} 1 h Very poor (1) Severe (3) 5 — —`);
    expect(pdf.text).toContain(`Several nights with little or no sleep: ${shortDate('en', today)}`);
    expect(pdf.text).toContain('Day 4 since the last dose · phase: Peak');
  });

  it('answers kindly with too few nights, asks a new user to set up, and points groups to a private chat', async () => {
    e = await setupE2E();
    const zone = noonZone();
    const today = localToday(zone);

    const twoNights = e.emu.createUser({ languageCode: 'en' });
    seedUser(e.dbPath, { id: twoNights.id, zone, daysSinceLastDose: 25 });
    seedNight(e.dbPath, twoNights.id, { date: addDays(today, -1), hours: 4 });
    seedNight(e.dbPath, twoNights.id, { date: addDays(today, -20), hours: 4 }); // outside 14 nights, inside 28
    e.emu.sendText(twoNights, '/report');
    const choice = await e.emu.waitForMessage(twoNights.id, (m) => buttonLabels(m).length === 2);
    e.emu.pressButton(twoNights, choice, 'Last 28 nights');
    const kind = await e.emu.waitForMessage(twoNights.id, (m) => m.method === 'sendMessage' && m.messageId !== choice.messageId);
    expect(kind.text).toContain('2 nights are logged in the last 28 nights. One more morning check-in');
    expect(e.emu.sent(twoNights.id).some((m) => m.method === 'sendDocument')).toBe(false);

    const newcomer = e.emu.createUser({ languageCode: 'en' });
    e.emu.sendText(newcomer, '/report');
    expect((await e.emu.waitForMessage(newcomer.id)).text).toContain("let's set you up");

    const group = e.emu.createGroup({ title: 'Sleep club' });
    e.emu.sendText(twoNights, '/report', group);
    expect((await e.emu.waitForMessage(group.id)).text).toContain('private chat');
  });
});

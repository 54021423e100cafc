import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/bot/i18n.js';
import { chartLabels, progressCaption, shortDate, tooFewNights, weeklyLines } from '../../src/bot/messages/progress.js';
import { isSummaryEvening } from '../../src/bot/messages/winddown.js';
import type { Translate } from '../../src/bot/messages/translate.js';
import { buildProgress } from '../../src/domain/progress.js';
import { tipsForPhase } from '../../src/domain/tips.js';
import { openDatabase } from '../../src/storage/db.js';
import { RelapseStore } from '../../src/storage/relapses.js';
import { UserStore } from '../../src/storage/users.js';

const i18n = createI18n('en');
const tr = (locale: string): Translate => (key, vars) => i18n.t(locale, key, vars);

/** 14 nights ending 2026-03-29 (a Sunday): 5.5 h this week, 4 h the week before. */
const data = buildProgress({
  nights: Array.from({ length: 14 }, (_, i) => ({
    date: `2026-03-${String(29 - i).padStart(2, '0')}`,
    hours: i < 7 ? 5.5 : 4,
    quality: i < 7 ? 4 : 2,
  })),
  today: '2026-03-29',
  windowDays: 14,
  status: 'stopped',
  lastDoseDate: '2026-03-01',
  quitDate: null,
  relapseDates: [],
});

describe('progress words', () => {
  it.each([
    ['en', '2026-03-07', 'Mar 7'],
    ['es', '2026-03-07', '7 mar'],
    ['en', '2026-12-31', 'Dec 31'],
    ['es', '2026-01-01', '1 ene'],
  ])('formats dates in %s: %s → %s', (locale, date, expected) => {
    expect(shortDate(tr(locale), date)).toBe(expected);
  });

  it.each([
    ['en', ['📓 14 of the last 14 nights logged', '📈 This week 5.5 h a night, up 1.5 h from 4 h', '⭐ Best night: Mar 29, 5.5 h']],
    ['es', ['📓 14 de las últimas 14 noches registradas', '📈 Esta semana 5,5 h por noche, 1,5 h más que la anterior (4 h)', '⭐ Tu mejor noche: 29 mar, 5,5 h']],
  ])('writes the caption in %s with its own number format', (locale, lines) => {
    const caption = progressCaption(tr(locale), data);
    for (const line of lines) expect(caption).toContain(line);
    expect(caption.length).toBeLessThanOrEqual(1024);
  });

  it('compares only with the user’s own nights, never with a norm of typical hours', () => {
    for (const locale of ['en', 'es']) {
      const caption = progressCaption(tr(locale), data);
      expect(caption).not.toMatch(/\d–\d+ h/);
      expect(caption).not.toMatch(/usually brings|suele traer|habitual/);
    }
  });

  it.each([
    [0, 'No nights logged yet'],
    [1, 'One night logged so far'],
    [2, '2 nights logged so far'],
  ])('says something kind for %i nights', (n, expected) => {
    expect(tooFewNights(tr('en'), n)).toContain(expected);
  });

  it('gives the chart every label in the user’s language', () => {
    const labels = chartLabels(tr('es'), 30);
    expect(labels.title).toBe('Tu sueño, últimas 30 noches');
    expect(labels.months).toHaveLength(12);
    expect(labels.dateFormat).toBe('{d} {mon}');
    expect(labels.decimalSeparator).toBe(',');
    expect(labels.quality).toHaveLength(5);
    expect(Object.values(labels.phases).every((name) => name.length > 0 && !name.startsWith('phase-'))).toBe(true);
  });
});

describe('weekly summary lines', () => {
  it('names what improved, what to keep doing, and a tip for the coming phase not shown this week', () => {
    const pool = tipsForPhase('rebuilding');
    const lines = weeklyLines(tr('en'), data, 'rebuilding', new Set([pool[0]!.id]));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('1.5 h more sleep a night than last week (5.5 h on average)');
    expect(lines[1]).toContain('7 of 7 this week');
    expect(lines[2]).toContain(i18n.t('en', `tip-${pool[1]!.id}`));
  });

  it('without an improvement in hours, names the best night of this week instead', () => {
    const hours: Record<string, number> = { '2026-03-27': 5, '2026-03-20': 8 };
    const worse = buildProgress({ ...dataInput(), nights: dataInput().nights.map((n) => ({ ...n, hours: hours[n.date] ?? 4 })) });
    expect(worse.summary.thisWeek.averageHours!).toBeLessThan(worse.summary.previousWeek.averageHours!);
    // Last week's 8 h night is the window's best, but the week's summary speaks of this week.
    expect(weeklyLines(tr('en'), worse, null, new Set())[0]).toContain('best night was Mar 27, 5 h');
  });

  it.each([
    ['2026-03-29', true],
    ['2026-03-28', false],
    ['2026-03-30', false],
    ['2026-11-22', true],
  ])('the summary goes out on Sunday evenings: %s → %s', (date, expected) => {
    expect(isSummaryEvening(date)).toBe(expected);
  });
});

function dataInput() {
  return {
    nights: Array.from({ length: 14 }, (_, i) => ({ date: `2026-03-${String(29 - i).padStart(2, '0')}`, hours: 4, quality: 3 })),
    today: '2026-03-29',
    windowDays: 14 as const,
    status: 'stopped' as const,
    lastDoseDate: '2026-03-01',
    quitDate: null,
    relapseDates: [],
  };
}

describe('relapses keep day 0 of the earlier attempt', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sn-relapse-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records the last-dose date each relapse replaced; the first one is the original day 0', () => {
    const db = openDatabase(join(dir, 'bot.sqlite'));
    const now = new Date('2026-03-20T12:00:00Z');
    const users = new UserStore(db);
    const relapses = new RelapseStore(db);
    users.createWithConsent(1, 'en', now);
    expect(relapses.originalLastDoseDate(1)).toBeNull();
    users.update(1, { status: 'stopped', lastDoseDate: '2026-03-01' }, now);
    relapses.record(1, '2026-03-10', now);
    relapses.record(1, '2026-03-15', new Date('2026-03-21T12:00:00Z'));
    expect(relapses.originalLastDoseDate(1)).toBe('2026-03-01');
    expect(relapses.dates(1)).toEqual(['2026-03-10', '2026-03-15']);
    expect(users.get(1)?.lastDoseDate).toBe('2026-03-15');
    db.close();
  });
});

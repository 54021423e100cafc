import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/bot/i18n.js';
import { weeklyLines, shortDate } from '../../src/bot/messages/progress.js';
import type { Translate } from '../../src/bot/messages/translate.js';
import { buildExportCsv, EXPORT_COLUMNS, type ExportProfile } from '../../src/domain/export.js';
import { buildProgress, type ProgressNight } from '../../src/domain/progress.js';
import { openDatabase } from '../../src/storage/db.js';
import { CrisisEventStore } from '../../src/storage/crisis-events.js';
import { UserStore } from '../../src/storage/users.js';

const i18n = createI18n('en');
const t: Translate = (key, vars) => i18n.t('en', key, vars);

describe('a night with the crisis flag is never the best night', () => {
  // The longest night (7 h, this week) had the flag: the window's best is 6 h on 2026-03-20, this week's 5 h on 2026-03-27.
  const nights: ProgressNight[] = [
    { date: '2026-03-29', hours: 4, quality: 2, flags: [] },
    { date: '2026-03-28', hours: 7, quality: 5, flags: ['self-harm'] },
    { date: '2026-03-27', hours: 5, quality: 3, flags: [] },
    { date: '2026-03-26', hours: 3, quality: 2, flags: ['urge'] },
    { date: '2026-03-20', hours: 6, quality: 3, flags: [] },
    { date: '2026-03-19', hours: 6, quality: 3, flags: [] },
  ];
  const data = buildProgress({ nights, today: '2026-03-29', windowDays: 14, status: 'stopped', lastDoseDate: '2026-03-01', quitDate: null, relapseDates: [] });

  it('/progress names the best night without it', () => {
    expect(data.summary.bestNight).toMatchObject({ date: '2026-03-20', hours: 6 });
    expect(data.days.find((d) => d.date === '2026-03-28')?.crisis).toBe(true);
  });

  it('the weekly summary’s "what went well" does not name it', () => {
    const [improved] = weeklyLines(t, data, null, new Set());
    expect(improved).toContain(shortDate(t, '2026-03-27'));
    expect(improved).not.toContain(shortDate(t, '2026-03-28'));
  });

  it('a window whose only nights had the flag has no best night', () => {
    const only = buildProgress({ nights: [{ date: '2026-03-29', hours: 8, quality: 4, flags: ['self-harm'] }], today: '2026-03-29', windowDays: 14, status: 'stopped', lastDoseDate: '2026-03-01', quitDate: null, relapseDates: [] });
    expect(only.summary.bestNight).toBeNull();
  });
});

describe('crisis events', () => {
  it('are stored without text for users who consented, and nothing for anyone else', () => {
    const db = openDatabase(':memory:');
    const now = new Date('2026-12-01T03:12:00Z');
    new UserStore(db).createWithConsent(1, 'en', now);
    const events = new CrisisEventStore(db);
    expect(events.record(1, { at: now, level: 'crisis', source: 'text' })).toBe(true);
    expect(events.record(1, { at: new Date('2026-12-01T03:13:00Z'), level: 'concern', source: 'answer' })).toBe(true);
    expect(events.record(2, { at: now, level: 'crisis', source: 'flag' })).toBe(false);
    expect(events.list(1)).toEqual([
      { at: now, level: 'crisis', source: 'text' },
      { at: new Date('2026-12-01T03:13:00Z'), level: 'concern', source: 'answer' },
    ]);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('crisis_events')).toEqual(['user_id', 'at', 'level', 'source']);
    db.close();
  });

  it('are in the export, one cell listing when, level and source', () => {
    const profile: ExportProfile = {
      id: 7, locale: 'en', status: 'stopped', lastDoseDate: '2026-11-28', quitDate: null, timeZone: 'UTC', morningTime: '08:00',
      eveningTime: '22:00', morningEnabled: true, eveningEnabled: true, country: 'US', consentAt: '2026-11-28T10:00:00.000Z', onboardedAt: null,
    };
    const csv = buildExportCsv(profile, [], [], [
      { at: new Date('2026-12-01T03:12:00Z'), level: 'crisis', source: 'flag' },
      { at: new Date('2026-12-01T09:00:00Z'), level: 'other', source: 'text' },
    ]);
    const [header, row] = csv.split('\r\n');
    expect(header!.split(',').at(-1)).toBe('crisis_responses');
    expect(EXPORT_COLUMNS.at(-1)).toBe('crisis_responses');
    expect(row!.split(',').at(-1)).toBe('2026-12-01T03:12:00.000Z crisis flag;2026-12-01T09:00:00.000Z other text');
  });
});

describe('the crisis responses metric', () => {
  it('counts each response shown by level and source, with no user in its labels', async () => {
    const { registry } = await import('../../src/ops/metrics.js');
    const { recordResponse } = await import('../../src/bot/crisis/respond.js');
    const value = async (level: string, source: string) =>
      (await registry.getSingleMetric('steady_crisis_responses_total')!.get()).values.find((v) => v.labels.level === level && v.labels.source === source)?.value ?? 0;
    const before = await value('concern', 'text');
    const recorded: unknown[] = [];
    recordResponse({ crisisEvents: { record: (...args: unknown[]) => recorded.push(args) } as never }, 5, 'concern', 'text', new Date());
    expect(await value('concern', 'text')).toBe(before + 1);
    expect(recorded).toHaveLength(1);
    const labels = (await registry.getSingleMetric('steady_crisis_responses_total')!.get()).values.flatMap((v) => Object.keys(v.labels));
    expect(new Set(labels)).toEqual(new Set(['level', 'source']));
  });
});

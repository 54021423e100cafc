import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/domain/csv.js';
import { buildExportCsv, EXPORT_COLUMNS, type ExportNight, type ExportProfile } from '../../src/domain/export.js';
import { isPreviousAttempt, latestRelapse } from '../../src/domain/attempts.js';

describe('csvField quotes per RFC 4180', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    [4.5, '4.5'],
    [0, '0'],
    [true, 'true'],
    [false, 'false'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['line1\nline2', '"line1\nline2"'],
    ['cr\rhere', '"cr\rhere"'],
    ['crlf\r\n', '"crlf\r\n"'],
    ['semi;colon', 'semi;colon'],
    [' spaced ', ' spaced '],
    ['Ñandú', 'Ñandú'],
  ] as const)('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('toCsv', () => {
  it.each([
    [[], ''],
    [[['a']], 'a\r\n'],
    [[['a', 'b'], ['1', null]], 'a,b\r\n1,\r\n'],
    [[['x,y', 'q"']], '"x,y","q"""\r\n'],
  ] as const)('%j', (rows, expected) => {
    expect(toCsv(rows as unknown as string[][])).toBe(expected);
  });
});

/** A minimal RFC 4180 reader, to check that what we write reads back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    field += c; i++;
  }
  return rows;
}

const profile: ExportProfile = {
  id: 42,
  locale: 'es',
  status: 'stopped',
  lastDoseDate: '2026-11-10',
  quitDate: null,
  timeZone: 'America/Mexico_City',
  morningTime: '07:30',
  eveningTime: '22:00',
  morningEnabled: true,
  eveningEnabled: false,
  country: 'US',
  consentAt: '2026-11-01T10:00:00.000Z',
  onboardedAt: '2026-11-01T10:01:00.000Z',
};
const night = (date: string, hours: number | null, extra: Partial<ExportNight> = {}): ExportNight => ({
  date, hours, quality: 2, restlessness: 1, anxiety: 4, flags: [], complete: true, tipIds: ['no-screens', 'cool-dark-room'], ...extra,
});

describe('buildExportCsv', () => {
  it('writes a header row and one row per night, oldest first, profile columns on every row', () => {
    const csv = buildExportCsv(profile, [night('2026-11-12', 3), night('2026-11-05', 6.5, { flags: ['urge', 'unstable'] })], ['2026-11-10']);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(3);
    const record = (row: string[]) => Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, row[i]]));
    expect(record(rows[1]!)).toMatchObject({
      date: '2026-11-05', complete: 'true', hours_slept: '6.5', flags: 'urge;unstable', previous_attempt: 'true',
      telegram_user_id: '42', language: 'es', relapse_dates: '2026-11-10', evening_reminders_on: 'false', quit_date: '',
    });
    expect(record(rows[2]!)).toMatchObject({ date: '2026-11-12', hours_slept: '3', previous_attempt: 'false', tips_shown: 'no-screens;cool-dark-room' });
    for (const row of rows) expect(row).toHaveLength(EXPORT_COLUMNS.length);
  });

  it('has a night_wakes column: the time and buttons of each wake, and a row for a night with wakes but no check-in', () => {
    const wakes = [
      { nightDate: '2026-11-12', localTime: '03:05', steps: ['body', 'urge'] },
      { nightDate: '2026-11-12', localTime: '04:40', steps: [] },
      { nightDate: '2026-11-13', localTime: '23:30', steps: ['talk'] },
    ];
    const rows = parseCsv(buildExportCsv(profile, [night('2026-11-12', 3)], [], [], wakes));
    const col = EXPORT_COLUMNS.indexOf('night_wakes');
    expect(rows).toHaveLength(3);
    expect(rows[1]![col]).toBe('03:05 body+urge;04:40');
    expect(rows[2]!.slice(0, 3)).toEqual(['2026-11-13', '', '']);
    expect(rows[2]![col]).toBe('23:30 talk');
    for (const row of rows) expect(row).toHaveLength(EXPORT_COLUMNS.length);
  });

  it('still exports the profile when there are no nights', () => {
    const rows = parseCsv(buildExportCsv(profile, [], []));
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe('');
    expect(rows[1]![EXPORT_COLUMNS.indexOf('time_zone')]).toBe('America/Mexico_City');
  });

  it('keeps partial nights with empty answers and marks them incomplete', () => {
    const rows = parseCsv(buildExportCsv(profile, [night('2026-11-12', null, { complete: false, quality: null, tipIds: [] })], []));
    expect(rows[1]!.slice(0, 4)).toEqual(['2026-11-12', 'false', '', '']);
  });

  it('quotes values that need it and reads back to the same cells', () => {
    const odd = { ...profile, timeZone: 'Zone, "quoted"\nline' };
    const rows = parseCsv(buildExportCsv(odd, [night('2026-11-12', 3)], []));
    expect(rows[1]![EXPORT_COLUMNS.indexOf('time_zone')]).toBe('Zone, "quoted"\nline');
  });
});

describe('previous attempt', () => {
  it.each([
    ['2026-11-09', [], false],
    ['2026-11-09', ['2026-11-10'], true],
    ['2026-11-10', ['2026-11-10'], true],
    ['2026-11-11', ['2026-11-10'], false],
    ['2026-11-11', ['2026-11-12', '2026-11-01'], true],
    ['2026-11-13', ['2026-11-12', '2026-11-01'], false],
  ] as const)('night %s with relapses %j → %s', (date, relapses, expected) => {
    expect(isPreviousAttempt(date, relapses)).toBe(expected);
  });

  it('latestRelapse picks the latest date or null', () => {
    expect(latestRelapse([])).toBeNull();
    expect(latestRelapse(['2026-01-02', '2026-03-01', '2026-02-01'])).toBe('2026-03-01');
  });
});

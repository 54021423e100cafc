import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { COMMON_ZONES, isValidZone, resolveTimeZone, zoneLabel } from '../../src/domain/timezone.js';

const luxonAccepts = (zone: string): boolean => DateTime.local().setZone(zone).isValid;

describe('resolveTimeZone: IANA names in any case', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    ['  EUROPE/BERLIN ', 'Europe/Berlin'],
    ['america/new_york', 'America/New_York'],
    ['America/New York', 'America/New_York'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['us/eastern', 'America/New_York'],
    ['America/Port-au-Prince', 'America/Port-au-Prince'],
  ])('%j → %s', (text, zone) => {
    expect(resolveTimeZone(text)).toEqual({ ok: true, zone });
  });

  it('resolves every zone the runtime lists, in lower case too, to a zone Luxon accepts', () => {
    for (const name of Intl.supportedValuesOf('timeZone')) {
      for (const text of [name, name.toLowerCase()]) {
        const result = resolveTimeZone(text);
        expect(result.ok, text).toBe(true);
        if (result.ok) expect(luxonAccepts(result.zone), `${text} → ${result.zone}`).toBe(true);
      }
    }
  });
});

describe('resolveTimeZone: cities, countries and abbreviations', () => {
  it.each([
    ['Chicago', 'America/Chicago'],
    ['chicago', 'America/Chicago'],
    ['Chicago, IL', 'America/Chicago'],
    ['New York', 'America/New_York'],
    ['new york', 'America/New_York'],
    ['NYC', 'America/New_York'],
    ['Nueva York', 'America/New_York'],
    ['Berlin', 'Europe/Berlin'],
    ['Madrid', 'Europe/Madrid'],
    ['Mexico City', 'America/Mexico_City'],
    ['Ciudad de México', 'America/Mexico_City'],
    ['CDMX', 'America/Mexico_City'],
    ['Bogotá', 'America/Bogota'],
    ['bogota', 'America/Bogota'],
    ['Medellín', 'America/Bogota'],
    ['Buenos Aires', 'America/Argentina/Buenos_Aires'],
    ['London', 'Europe/London'],
    ['Londres', 'Europe/London'],
    ['Kolkata', 'Asia/Kolkata'],
    ['Mumbai', 'Asia/Kolkata'],
    ['Delhi', 'Asia/Kolkata'],
    ['San Francisco', 'America/Los_Angeles'],
    ['Los Angeles', 'America/Los_Angeles'],
    ['Seattle', 'America/Los_Angeles'],
    ['Miami', 'America/New_York'],
    ['Boston', 'America/New_York'],
    ['Atlanta', 'America/New_York'],
    ['Houston', 'America/Chicago'],
    ['Dallas', 'America/Chicago'],
    ['Denver', 'America/Denver'],
    ['Phoenix', 'America/Phoenix'],
    ['Barcelona', 'Europe/Madrid'],
    ['Sevilla', 'Europe/Madrid'],
    ['España', 'Europe/Madrid'],
    ['Lima', 'America/Lima'],
    ['Santiago', 'America/Santiago'],
    ['Toronto', 'America/Toronto'],
    ['Sydney', 'Australia/Sydney'],
    ['St. John\u2019s', 'America/St_Johns'],
    ['Kyiv', 'Europe/Kyiv'],
    ['San Juan', 'America/Puerto_Rico'],
    ['EST', 'America/New_York'],
    ['cst', 'America/Chicago'],
    ['MST', 'America/Denver'],
    ['PST', 'America/Los_Angeles'],
  ])('%j → %s', (text, zone) => {
    expect(resolveTimeZone(text)).toEqual({ ok: true, zone });
  });
});

describe('resolveTimeZone: UTC offsets become Luxon fixed-offset names', () => {
  it.each([
    ['UTC-5', 'UTC-5'],
    ['utc-5', 'UTC-5'],
    ['UTC -5', 'UTC-5'],
    ['UTC\u22125', 'UTC-5'],
    ['utc+5:30', 'UTC+5:30'],
    ['UTC+05:30', 'UTC+5:30'],
    ['+0530', 'UTC+5:30'],
    ['GMT+1', 'UTC+1'],
    ['gmt-3', 'UTC-3'],
    ['+3', 'UTC+3'],
    ['-03:00', 'UTC-3'],
    ['UTC+5:45', 'UTC+5:45'],
    ['UTC', 'UTC'],
    ['gmt', 'UTC'],
    ['UTC+0', 'UTC'],
    ['UTC-0', 'UTC'],
    ['UTC-12', 'UTC-12'],
    ['UTC+14', 'UTC+14'],
  ])('%j → %s', (text, zone) => {
    const result = resolveTimeZone(text);
    expect(result).toEqual({ ok: true, zone });
    expect(luxonAccepts(zone)).toBe(true);
  });

  it.each(['UTC-13', 'UTC+15', 'UTC+14:30', 'UTC-12:30', 'UTC+5:60', '+99'])(
    '%j is outside −12…+14 (or not a real offset) and is refused without suggestions',
    (text) => {
      expect(resolveTimeZone(text)).toEqual({ ok: false, suggestions: [] });
    },
  );
});

describe('resolveTimeZone: unknown input gets suggestions', () => {
  it.each([
    ['Chicgo', 'America/Chicago'],
    ['Berlim', 'Europe/Berlin'],
    ['Kolkatta', 'Asia/Kolkata'],
    ['Nuevo York', 'America/New_York'],
    ['Los Angelas', 'America/Los_Angeles'],
    ['Europe/Berlinn', 'Europe/Berlin'],
    ['Barcelonaa, Spain', 'Europe/Madrid'],
    ['Sao Paolo', 'America/Sao_Paulo'],
  ])('%j suggests %s first', (text, zone) => {
    const result = resolveTimeZone(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.suggestions[0]).toBe(zone);
      expect(result.suggestions.length).toBeLessThanOrEqual(3);
      for (const s of result.suggestions) expect(luxonAccepts(s), s).toBe(true);
    }
  });

  it.each(['', '   ', 'xqzwvk', 'Narnia', '12345', 'Mars/Olympus Mons'])(
    '%j is refused with no far-fetched suggestions',
    (text) => {
      expect(resolveTimeZone(text)).toEqual({ ok: false, suggestions: [] });
    },
  );

  it('never returns more than 3 suggestions, all distinct', () => {
    const result = resolveTimeZone('San');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.suggestions.length).toBeGreaterThan(0);
      expect(result.suggestions.length).toBeLessThanOrEqual(3);
      expect(new Set(result.suggestions).size).toBe(result.suggestions.length);
    }
  });
});

describe('isValidZone', () => {
  it.each([
    ['Europe/Berlin', true],
    ['America/Argentina/Buenos_Aires', true],
    ['UTC', true],
    ['UTC-5', true],
    ['UTC+5:30', true],
    ['Mars/Olympus', false],
    ['', false],
    ['local', false],
    ['system', false],
    ['default', false],
  ])('%j → %s (host-dependent names are not storable zones)', (zone, expected) => {
    expect(isValidZone(zone)).toBe(expected);
  });
});

describe('COMMON_ZONES', () => {
  it('offers 6–8 distinct zones, each accepted by Luxon and by resolveTimeZone unchanged', () => {
    expect(COMMON_ZONES.length).toBeGreaterThanOrEqual(6);
    expect(COMMON_ZONES.length).toBeLessThanOrEqual(8);
    expect(new Set(COMMON_ZONES).size).toBe(COMMON_ZONES.length);
    for (const zone of COMMON_ZONES) {
      expect(luxonAccepts(zone), zone).toBe(true);
      expect(resolveTimeZone(zone)).toEqual({ ok: true, zone });
    }
  });

  it('includes the four main US zones', () => {
    expect(COMMON_ZONES).toEqual(
      expect.arrayContaining(['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles']),
    );
  });
});

describe('zoneLabel', () => {
  const winter = new Date('2026-01-15T12:00:00Z');
  const summer = new Date('2026-07-15T12:00:00Z');

  it.each([
    ['America/New_York', winter, 'New York (UTC\u22125)'],
    ['America/New_York', summer, 'New York (UTC\u22124)'],
    ['America/Los_Angeles', winter, 'Los Angeles (UTC\u22128)'],
    ['Europe/London', winter, 'London (UTC)'],
    ['Europe/London', summer, 'London (UTC+1)'],
    ['Europe/Madrid', summer, 'Madrid (UTC+2)'],
    ['Asia/Kolkata', winter, 'Kolkata (UTC+5:30)'],
    ['Asia/Calcutta', winter, 'Kolkata (UTC+5:30)'],
    ['Asia/Kathmandu', winter, 'Kathmandu (UTC+5:45)'],
    ['America/St_Johns', winter, 'St Johns (UTC\u22123:30)'],
    ['America/Argentina/Buenos_Aires', winter, 'Buenos Aires (UTC\u22123)'],
    ['europe/berlin', winter, 'Berlin (UTC+1)'],
    ['UTC-5', winter, 'UTC\u22125'],
    ['UTC+5:30', winter, 'UTC+5:30'],
    ['UTC', summer, 'UTC'],
    ['Etc/GMT+5', winter, 'UTC\u22125'],
    ['Mars/Olympus', winter, 'Mars/Olympus'],
  ])('%s at %o → %j (city and the offset in force then)', (zone, at, label) => {
    expect(zoneLabel(zone, at)).toBe(label);
  });

  it('follows DST on the day itself: Chicago just before and after 2026-03-08 02:00 local', () => {
    expect(zoneLabel('America/Chicago', new Date('2026-03-08T07:59:00Z'))).toBe('Chicago (UTC\u22126)');
    expect(zoneLabel('America/Chicago', new Date('2026-03-08T08:00:00Z'))).toBe('Chicago (UTC\u22125)');
  });
});

import { DateTime, FixedOffsetZone } from 'luxon';
import { foldText } from './fold.js';
import { ZONE_ALIASES } from './zone-aliases.js';

export type TimeZoneResult = { ok: true; zone: string } | { ok: false; suggestions: string[] };

/** Luxon resolves these against the host machine, so they must never be stored as a user's zone. */
const HOST_DEPENDENT = new Set(['local', 'system', 'default']);

export function isValidZone(zone: string): boolean {
  if (zone.trim() === '' || HOST_DEPENDENT.has(zone.trim().toLowerCase())) return false;
  return DateTime.fromMillis(0, { zone }).isValid;
}

/**
 * ICU (and so `Intl`) still reports these zones under their pre-rename names; users, and
 * the IANA database itself, now use the new ones ("Kolkata", not "Calcutta").
 */
const RENAMED_ZONES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

function modernName(zone: string): string {
  const renamed = RENAMED_ZONES[zone];
  return renamed !== undefined && isValidZone(renamed) ? renamed : zone;
}

/** Folds a place or zone name so "St. John's", "st_johns" and "St Johns" meet. */
function placeKey(text: string): string {
  return foldText(text).replace(/[_-]/g, ' ').replace(/[.'’]/g, '').replace(/\s+/g, ' ').trim();
}

const lastSegment = (zone: string): string => zone.slice(zone.lastIndexOf('/') + 1);

interface ZoneIndex {
  byFullName: Map<string, string>;
  byPlace: Map<string, string>;
}

let index: ZoneIndex | undefined;

/** Built on first use from the runtime's own zone list, so it always matches what Luxon can compute. */
function zoneIndex(): ZoneIndex {
  if (index) return index;
  const byFullName = new Map<string, string>();
  const byPlace = new Map<string, string>();
  const names = [...Intl.supportedValuesOf('timeZone'), ...Object.keys(RENAMED_ZONES)];
  for (const name of names) {
    if (!isValidZone(name)) continue;
    const zone = modernName(name);
    for (const alias of [name, zone]) {
      byFullName.set(placeKey(alias), zone);
      if (alias.includes('/') && !alias.startsWith('Etc/')) byPlace.set(placeKey(lastSegment(alias)), zone);
    }
  }
  for (const [place, zone] of ZONE_ALIASES) {
    if (isValidZone(zone)) byPlace.set(place, zone);
  }
  index = { byFullName, byPlace };
  return index;
}

const MIN_OFFSET_MINUTES = -12 * 60;
const MAX_OFFSET_MINUTES = 14 * 60;
const BARE_UTC = /^(?:utc|gmt|z|zulu)$/;
const UTC_OFFSET = /^(?:(?:utc|gmt)\s*)?([+-])\s*(\d{1,2})(?::?(\d{2}))?$/;

/** Offsets become Luxon's own fixed-offset names ("UTC-5", "UTC+5:30", "UTC") so they round-trip through storage. */
function parseOffset(folded: string): TimeZoneResult | null {
  if (BARE_UTC.test(folded)) return { ok: true, zone: FixedOffsetZone.utcInstance.name };
  const m = UTC_OFFSET.exec(folded);
  if (!m) return null;
  const minutesPart = Number(m[3] ?? 0);
  const total = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + minutesPart);
  if (minutesPart >= 60 || total < MIN_OFFSET_MINUTES || total > MAX_OFFSET_MINUTES) {
    return { ok: false, suggestions: [] };
  }
  return { ok: true, zone: FixedOffsetZone.instance(total).name };
}

/** Links such as "US/Eastern" are not in the runtime's list but Intl still knows them. */
function canonicalIanaName(text: string): string | null {
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
    const zone = modernName(resolved);
    return isValidZone(zone) ? zone : null;
  } catch {
    return null;
  }
}

function lookUp(text: string): string | null {
  const { byFullName, byPlace } = zoneIndex();
  const key = placeKey(text);
  if (text.includes('/')) return byFullName.get(key) ?? canonicalIanaName(text.trim());
  return byPlace.get(key) ?? null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

const MAX_SUGGESTIONS = 3;
/** Two- and three-letter keys (abbreviations) would be "close" to almost any short typo. */
const MIN_SUGGESTABLE_KEY = 4;

function suggest(text: string): string[] {
  const query = placeKey(lastSegment(text.split(',')[0] ?? text));
  if (query.length < 2) return [];
  const tolerance = Math.max(2, Math.floor(query.length / 3));
  const scored: Array<{ key: string; zone: string; score: number }> = [];
  for (const [key, zone] of zoneIndex().byPlace) {
    if (key.length < MIN_SUGGESTABLE_KEY) continue;
    const prefix = query.length >= 3 && key.startsWith(query) ? 1 : Infinity;
    // The distance is at least the difference in length: skip the quadratic work when that alone
    // is too far (a long junk message then costs nothing).
    const reachable = Math.abs(key.length - query.length) <= tolerance;
    const score = reachable ? Math.min(prefix, editDistance(query, key)) : prefix;
    if (score <= tolerance) scored.push({ key, zone, score });
  }
  scored.sort((a, b) => a.score - b.score || a.key.length - b.key.length || a.key.localeCompare(b.key));
  return [...new Set(scored.map((s) => s.zone))].slice(0, MAX_SUGGESTIONS);
}

/**
 * Accepts an IANA name in any case ("europe/berlin"), a city or country in English or
 * Spanish ("Chicago", "Ciudad de México"), optionally followed by ", region"
 * ("Chicago, IL"), a US zone abbreviation (EST/CST/MST/PST are read as the DST-observing
 * US zones, which is what people mean), or a UTC offset from −12 to +14 ("UTC-5",
 * "gmt+5:30", "+3", "-03:00"). Otherwise offers up to three zones whose place names are
 * closest by edit distance.
 */
export function resolveTimeZone(text: string): TimeZoneResult {
  const folded = foldText(text);
  if (folded === '') return { ok: false, suggestions: [] };
  const offset = parseOffset(folded);
  if (offset) return offset;
  const zone = lookUp(text) ?? (text.includes(',') ? lookUp(text.split(',')[0]!) : null);
  return zone !== null ? { ok: true, zone } : { ok: false, suggestions: suggest(text) };
}

/**
 * The onboarding buttons: the four main US zones (the default audience) plus the zones of
 * the largest Spanish-speaking populations and the UK. Arizona, Hawaii and the rest are typed.
 */
export const COMMON_ZONES: readonly string[] = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Mexico_City',
  'America/Bogota',
  'Europe/Madrid',
  'Europe/London',
];

/** Uses the true minus sign (U+2212) because a hyphen reads as a dash in "(UTC-5)". */
function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '\u2212' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`;
}

/**
 * Zones whose place name is translated (locales: `zone-<zoneNameSlug>`): the onboarding buttons
 * and the places of the largest Spanish-speaking populations, where the IANA spelling drops an
 * accent or differs from the local name. Every other zone shows its IANA place name.
 */
export const NAMED_ZONES: readonly string[] = [
  ...COMMON_ZONES,
  'America/Havana',
  'America/Asuncion',
  'America/Cancun',
  'America/Merida',
  'America/Mazatlan',
  'America/Panama',
  'America/Puerto_Rico',
  'America/Santo_Domingo',
  'America/Costa_Rica',
  'America/El_Salvador',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'Atlantic/Canary',
  'Europe/Berlin',
  'Europe/Paris',
];

/** "America/New_York" → "america-new-york", the part of its locale key after `zone-`. */
export const zoneNameSlug = (zone: string): string => zone.toLowerCase().replace(/[/_]/g, '-');

/** The zone as stored, made canonical ("asia/calcutta" → "Asia/Kolkata"); invalid ones unchanged. */
export function canonicalZone(zone: string): string {
  if (!isValidZone(zone)) return zone;
  return zoneIndex().byFullName.get(placeKey(zone)) ?? zone;
}

/** The place part of a zone ("New York"), or null for offsets, Etc/ zones and invalid names. */
export function zonePlace(zone: string): string | null {
  if (!isValidZone(zone)) return null;
  const name = canonicalZone(zone);
  if (!name.includes('/') || name.startsWith('Etc/')) return null;
  return lastSegment(name).replace(/_/g, ' ');
}

/**
 * "New York (UTC−5)": the city from the IANA name and the offset in force at `at`, so the
 * label is right on both sides of a DST change. Fixed offsets and Etc/ zones show the offset
 * alone; an invalid zone is echoed back unchanged rather than breaking a settings screen.
 * `placeName` gives the city in the reader's language ("Nueva York"); it is asked only
 * about canonical zone names that have a place.
 */
export function zoneLabel(zone: string, at: Date, placeName?: (canonical: string) => string | undefined): string {
  if (!isValidZone(zone)) return zone;
  const offset = offsetLabel(DateTime.fromJSDate(at, { zone }).offset);
  const place = zonePlace(zone);
  if (place === null) return offset;
  return `${placeName?.(canonicalZone(zone)) ?? place} (${offset})`;
}

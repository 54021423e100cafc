/**
 * The country whose crisis lines a user sees, proposed from their time zone at onboarding.
 * Only the countries with verified lines of their own are named here (see
 * src/content/resources.ts); every other zone proposes `OTHER`, which /help answers with
 * findahelpline.com and the local emergency number. Pure: a table lookup.
 */

/** Countries with their own verified lines, ISO 3166-1 alpha-2. */
export const HELP_COUNTRIES = ['US', 'CA', 'MX', 'ES', 'GB', 'IE'] as const;
export type HelpCountry = (typeof HELP_COUNTRIES)[number];
/** Stored for "somewhere else": findahelpline.com. */
export const OTHER_COUNTRY = 'OTHER';
export type CountryChoice = HelpCountry | typeof OTHER_COUNTRY;

/**
 * IANA zones (and their common aliases) of each country. A zone shared by several countries is
 * not listed (e.g. America/Phoenix is the US only, but UTC offsets say nothing about a country).
 */
const ZONES_BY_COUNTRY: Record<HelpCountry, readonly string[]> = {
  US: [
    'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Phoenix',
    'America/Anchorage', 'America/Juneau', 'America/Sitka', 'America/Metlakatla', 'America/Yakutat',
    'America/Nome', 'America/Adak', 'Pacific/Honolulu', 'America/Detroit', 'America/Boise',
    'America/Indiana/Indianapolis', 'America/Indiana/Knox', 'America/Indiana/Marengo',
    'America/Indiana/Petersburg', 'America/Indiana/Tell_City', 'America/Indiana/Vevay',
    'America/Indiana/Vincennes', 'America/Indiana/Winamac', 'America/Kentucky/Louisville',
    'America/Kentucky/Monticello', 'America/Menominee', 'America/North_Dakota/Beulah',
    'America/North_Dakota/Center', 'America/North_Dakota/New_Salem', 'America/Indianapolis',
    'America/Louisville', 'US/Eastern', 'US/Central', 'US/Mountain', 'US/Pacific', 'US/Arizona',
    'US/Alaska', 'US/Hawaii', 'US/Michigan', 'US/East-Indiana',
  ],
  CA: [
    'America/Toronto', 'America/Vancouver', 'America/Edmonton', 'America/Winnipeg', 'America/Halifax',
    'America/St_Johns', 'America/Regina', 'America/Moncton', 'America/Glace_Bay', 'America/Goose_Bay',
    'America/Iqaluit', 'America/Rankin_Inlet', 'America/Resolute', 'America/Cambridge_Bay',
    'America/Inuvik', 'America/Whitehorse', 'America/Dawson', 'America/Dawson_Creek',
    'America/Fort_Nelson', 'America/Creston', 'America/Swift_Current', 'America/Atikokan',
    'America/Blanc-Sablon', 'America/Montreal', 'Canada/Eastern', 'Canada/Central', 'Canada/Mountain',
    'Canada/Pacific', 'Canada/Atlantic', 'Canada/Newfoundland', 'Canada/Saskatchewan',
  ],
  MX: [
    'America/Mexico_City', 'America/Monterrey', 'America/Merida', 'America/Cancun', 'America/Chihuahua',
    'America/Ciudad_Juarez', 'America/Ojinaga', 'America/Matamoros', 'America/Mazatlan',
    'America/Bahia_Banderas', 'America/Hermosillo', 'America/Tijuana', 'Mexico/General',
    'Mexico/BajaNorte', 'Mexico/BajaSur',
  ],
  ES: ['Europe/Madrid', 'Atlantic/Canary', 'Africa/Ceuta'],
  GB: ['Europe/London', 'Europe/Belfast', 'GB', 'GB-Eire'],
  IE: ['Europe/Dublin', 'Eire'],
};

const COUNTRY_OF_ZONE: ReadonlyMap<string, HelpCountry> = new Map(
  HELP_COUNTRIES.flatMap((country) => ZONES_BY_COUNTRY[country].map((zone) => [zone.toLowerCase(), country] as const)),
);

/** The country a zone belongs to, when it is one with its own lines; null otherwise. */
export function countryOfZone(zone: string | null | undefined): HelpCountry | null {
  return zone ? (COUNTRY_OF_ZONE.get(zone.toLowerCase()) ?? null) : null;
}

/** What onboarding proposes: the zone's country, or OTHER (findahelpline.com). */
export function proposedCountry(zone: string | null | undefined): CountryChoice {
  return countryOfZone(zone) ?? OTHER_COUNTRY;
}

/** Every zone the table knows, with its country (the migration of existing users mirrors this). */
export function knownZones(): ReadonlyArray<readonly [zone: string, country: HelpCountry]> {
  return HELP_COUNTRIES.flatMap((country) => ZONES_BY_COUNTRY[country].map((zone) => [zone, country] as const));
}

/**
 * Crisis and support resources, kept as data in this one file so they can be checked and
 * updated in one place. Only verified facts are listed (PRODUCT.md, "/help"), each country with
 * where its facts come from and the date they were checked; the wording around each entry lives
 * in locales/ under the entry's `key`. Phone numbers and addresses are values, never translated.
 *
 * A country without its own entry gets findahelpline.com, which lists free helplines by
 * country, and is told to call its local emergency number.
 */
import { HELP_COUNTRIES, OTHER_COUNTRY, type HelpCountry } from '../domain/country.js';

export interface ResourceLine {
  /** Locale key of the words that describe this resource. */
  key: string;
  /** Values inserted into the text; phone numbers and addresses never go through translation. */
  vars: Record<string, string>;
}

export interface CountryResources {
  /** The emergency number to call in immediate danger ("112 or 999" where there are two). */
  emergency: string;
  /** The crisis line, as the crisis message gives it (one short entry). */
  crisisLine: ResourceLine;
  /** Where the crisis line can be reached by chat: a URL button under the crisis message. */
  chatUrl?: string;
  /** Everything /help lists for the country, the crisis line first. */
  lines: ResourceLine[];
  /** Where the facts come from, and when they were last checked (YYYY-MM-DD). */
  source: string;
  checked: string;
}

export const FIND_A_HELPLINE = 'https://findahelpline.com';
export const FIND_TREATMENT = 'https://findtreatment.gov';
export const SAMHSA_HELPLINE = '1-800-662-4357';
const LIFELINE_CHAT = 'https://988lifeline.org';

export const RESOURCES_BY_COUNTRY: Record<HelpCountry, CountryResources> = {
  US: {
    emergency: '911',
    crisisLine: { key: 'crisis-line-us', vars: { phone: '988' } },
    chatUrl: LIFELINE_CHAT,
    lines: [
      { key: 'resource-us-988', vars: { phone: '988', chat: LIFELINE_CHAT } },
      { key: 'resource-us-samhsa', vars: { phone: SAMHSA_HELPLINE, letters: '1-800-662-HELP', treatment: FIND_TREATMENT } },
    ],
    source: '988lifeline.org; samhsa.gov/find-help/national-helpline',
    checked: '2026-12-01',
  },
  CA: {
    emergency: '911',
    crisisLine: { key: 'crisis-line-ca', vars: { phone: '988' } },
    lines: [{ key: 'resource-ca-988', vars: { phone: '988' } }],
    source: 'Government of Canada; newswire.ca (national since 2023-11-30)',
    checked: '2026-12-01',
  },
  MX: {
    emergency: '911',
    crisisLine: { key: 'crisis-line-mx', vars: { phone: '800 911 2000' } },
    lines: [{ key: 'resource-mx-vida', vars: { phone: '800 911 2000' } }],
    source: 'Secretaría de Salud / CONASAMA; eluniversal.com.mx 2025-12-24',
    checked: '2026-12-01',
  },
  ES: {
    emergency: '112',
    crisisLine: { key: 'crisis-line-es', vars: { phone: '024' } },
    lines: [{ key: 'resource-es-024', vars: { phone: '024' } }],
    source: 'Ministerio de Sanidad (since 2022-05-10); rtve.es',
    checked: '2026-12-01',
  },
  GB: {
    emergency: '999',
    crisisLine: { key: 'crisis-line-samaritans', vars: { phone: '116 123' } },
    lines: [{ key: 'resource-samaritans', vars: { phone: '116 123' } }],
    source: 'samaritans.org',
    checked: '2026-12-01',
  },
  IE: {
    emergency: '112 / 999',
    crisisLine: { key: 'crisis-line-samaritans', vars: { phone: '116 123' } },
    lines: [{ key: 'resource-samaritans', vars: { phone: '116 123' } }],
    source: 'samaritans.org',
    checked: '2026-12-01',
  },
};

/** The country assumed when nothing is stored (no profile yet): the bot's first audience. */
export const DEFAULT_COUNTRY = 'US';

/** The country's own resources, or null for OTHER and anything unknown (findahelpline.com). */
export function resourcesFor(country: string): CountryResources | null {
  const code = country.toUpperCase();
  return (HELP_COUNTRIES as readonly string[]).includes(code) ? RESOURCES_BY_COUNTRY[code as HelpCountry] : null;
}

export { OTHER_COUNTRY };

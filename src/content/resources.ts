/**
 * Crisis and support resources, kept as data in this one file so they can be checked and
 * updated in one place. Only verified facts are listed (see PRODUCT.md); the wording
 * around each entry lives in locales/ under the entry's `key`.
 *
 * A country without its own entry gets findahelpline.com, which lists verified free
 * helplines for every country, and is told to call its local emergency number.
 */

export interface ResourceLine {
  /** Locale key (in help.ftl) of the words that describe this resource. */
  key: string;
  /** Values inserted into the text; phone numbers and addresses never go through translation. */
  vars: Record<string, string>;
}

export interface CountryResources {
  /** The emergency number to call in immediate danger. */
  emergency: string;
  lines: ResourceLine[];
}

export const FIND_A_HELPLINE = 'https://findahelpline.com';
export const FIND_TREATMENT = 'https://findtreatment.gov';
export const SAMHSA_HELPLINE = '1-800-662-4357';

export const RESOURCES_BY_COUNTRY: Record<string, CountryResources> = {
  US: {
    emergency: '911',
    lines: [
      {
        key: 'resource-us-988',
        vars: { phone: '988', chat: 'https://988lifeline.org' },
      },
      {
        key: 'resource-us-samhsa',
        vars: { phone: SAMHSA_HELPLINE, letters: '1-800-662-HELP', treatment: FIND_TREATMENT },
      },
    ],
  },
};

/** Countries a user can pick in settings; any other country uses the findahelpline fallback. */
export const DEFAULT_COUNTRY = 'US';

export function resourcesFor(country: string): CountryResources | null {
  return RESOURCES_BY_COUNTRY[country.toUpperCase()] ?? null;
}

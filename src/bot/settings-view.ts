import { InlineKeyboard } from 'grammy';
import { SUPPORTED_LOCALES, type SupportedLocale } from '../config.js';
import type { UserProfile } from '../storage/users.js';
import { dateValue, type Translate } from './messages/translate.js';
import { zoneText } from './messages/zone.js';

/**
 * The /settings message: what is set now, and one button per change. Every button's callback
 * data starts with `st:` and names its target state ("turn evening reminders off", "Spanish"),
 * never "toggle", so tapping a button on an older settings message cannot flip a setting the
 * wrong way — it sets what the button says and redraws the message with the truth.
 */

export const SETTINGS_PREFIX = 'st';

/** Countries /help has its own resources for, plus "other" (findahelpline.com); stored upper-case. */
export const SETTINGS_COUNTRIES = ['us', 'ca', 'mx', 'es', 'gb', 'ie', 'other'] as const;
export type SettingsCountry = (typeof SETTINGS_COUNTRIES)[number];

export type EditableField = 'morning' | 'evening' | 'zone' | 'date';
const EDIT_CODES: Record<string, EditableField> = { m: 'morning', e: 'evening', z: 'zone', d: 'date' };
const CODE_OF: Record<EditableField, string> = { morning: 'm', evening: 'e', zone: 'z', date: 'd' };

export type SettingsAction =
  | { kind: 'edit'; field: EditableField }
  | { kind: 'reminder'; which: 'morning' | 'evening'; on: boolean }
  | { kind: 'language'; locale: SupportedLocale }
  | { kind: 'country'; country: SettingsCountry }
  | { kind: 'close' };

export function settingsData(action: SettingsAction): string {
  switch (action.kind) {
    case 'edit':
      return `${SETTINGS_PREFIX}:e:${CODE_OF[action.field]}`;
    case 'reminder':
      return `${SETTINGS_PREFIX}:r:${action.which === 'morning' ? 'm' : 'e'}:${action.on ? 1 : 0}`;
    case 'language':
      return `${SETTINGS_PREFIX}:l:${action.locale}`;
    case 'country':
      return `${SETTINGS_PREFIX}:c:${action.country}`;
    case 'close':
      return `${SETTINGS_PREFIX}:x`;
  }
}

/** Reads callback data back into an action; anything malformed or unknown is null. */
export function parseSettingsData(data: string): SettingsAction | null {
  const parts = data.split(':');
  if (parts[0] !== SETTINGS_PREFIX) return null;
  const [, kind, a, b, ...rest] = parts;
  if (rest.length > 0) return null;
  if (kind === 'e' && a !== undefined && b === undefined) {
    const field = EDIT_CODES[a];
    return field ? { kind: 'edit', field } : null;
  }
  if (kind === 'r' && (a === 'm' || a === 'e') && (b === '0' || b === '1')) {
    return { kind: 'reminder', which: a === 'm' ? 'morning' : 'evening', on: b === '1' };
  }
  if (kind === 'l' && b === undefined && (SUPPORTED_LOCALES as readonly string[]).includes(a ?? '')) {
    return { kind: 'language', locale: a as SupportedLocale };
  }
  if (kind === 'c' && b === undefined && (SETTINGS_COUNTRIES as readonly string[]).includes(a ?? '')) {
    return { kind: 'country', country: a as SettingsCountry };
  }
  if (kind === 'x' && a === undefined) return { kind: 'close' };
  return null;
}

export const storedCountry = (country: SettingsCountry): string => country.toUpperCase();
export const settingsCountryOf = (stored: string): SettingsCountry => {
  const code = stored.toLowerCase();
  return (SETTINGS_COUNTRIES as readonly string[]).includes(code) ? (code as SettingsCountry) : 'other';
};

/** The date line and the date button depend on where the user is with kratom. */
function dateParts(t: Translate, profile: UserProfile): { line: string; button: string } {
  if (profile.status === 'stopped') {
    const line = profile.lastDoseDate
      ? t('settings-line-lastdose', { date: dateValue(profile.lastDoseDate) })
      : t('settings-line-lastdose-unknown');
    return { line, button: t('settings-button-lastdose') };
  }
  if (profile.status === 'planning' && profile.quitDate) {
    return { line: t('settings-line-quit', { date: dateValue(profile.quitDate) }), button: t('settings-button-quit') };
  }
  return { line: t('settings-line-no-quit'), button: t('settings-button-set-quit') };
}

export function settingsText(t: Translate, profile: UserProfile, now: Date, notice?: string): string {
  const state = (on: boolean) => t(on ? 'settings-state-on' : 'settings-state-off');
  const locale = (SUPPORTED_LOCALES as readonly string[]).includes(profile.locale) ? profile.locale : 'en';
  const lines = [
    t('settings-line-morning', { time: profile.morningTime, state: state(profile.morningEnabled) }),
    t('settings-line-evening', { time: profile.eveningTime, state: state(profile.eveningEnabled) }),
    t('settings-line-zone', { zone: zoneText(t, profile.timeZone ?? 'UTC', now) }),
    dateParts(t, profile).line,
    t('settings-line-language', { language: t(`settings-language-${locale}`) }),
    t('settings-line-country', { country: t(`settings-country-${settingsCountryOf(profile.country)}`) }),
  ];
  return [...(notice ? [notice] : []), t('settings-title'), lines.join('\n')].join('\n\n');
}

export function settingsView(t: Translate, profile: UserProfile, now: Date, notice?: string): { text: string; keyboard: InlineKeyboard } {
  const check = (on: boolean, label: string) => (on ? `✓ ${label}` : label);
  const keyboard = new InlineKeyboard()
    .text(t('settings-button-morning'), settingsData({ kind: 'edit', field: 'morning' }))
    .text(t('settings-button-evening'), settingsData({ kind: 'edit', field: 'evening' }))
    .row()
    .text(t('settings-button-zone'), settingsData({ kind: 'edit', field: 'zone' }))
    .text(dateParts(t, profile).button, settingsData({ kind: 'edit', field: 'date' }))
    .row()
    .text(
      t(profile.morningEnabled ? 'settings-button-morning-off' : 'settings-button-morning-on'),
      settingsData({ kind: 'reminder', which: 'morning', on: !profile.morningEnabled }),
    )
    .row()
    .text(
      t(profile.eveningEnabled ? 'settings-button-evening-off' : 'settings-button-evening-on'),
      settingsData({ kind: 'reminder', which: 'evening', on: !profile.eveningEnabled }),
    )
    .row();
  for (const locale of SUPPORTED_LOCALES) {
    keyboard.text(check(profile.locale === locale, t(`settings-language-${locale}`)), settingsData({ kind: 'language', locale }));
  }
  keyboard.row();
  const current = settingsCountryOf(profile.country);
  SETTINGS_COUNTRIES.forEach((country, i) => {
    // Three to a row: seven countries would not fit on one phone-width row.
    if (i > 0 && i % 3 === 0) keyboard.row();
    keyboard.text(check(current === country, t(`settings-country-${country}`)), settingsData({ kind: 'country', country }));
  });
  keyboard.row().text(t('settings-button-close'), settingsData({ kind: 'close' }));
  return { text: settingsText(t, profile, now, notice), keyboard };
}

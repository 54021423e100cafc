import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/bot/i18n.js';
import type { Translate } from '../../src/bot/messages/translate.js';
import {
  concernDeclinedReply,
  concernQuestion,
  concernSkippedReply,
  crisisMessage,
  flagCareReply,
  followUpMessage,
  notSafeMessage,
  otherAtRiskMessage,
  safeReply,
} from '../../src/bot/messages/crisis.js';
import { helpMessage } from '../../src/bot/messages/help.js';
import { RESOURCES_BY_COUNTRY } from '../../src/content/resources.js';
import { HELP_COUNTRIES } from '../../src/domain/country.js';

const i18n = createI18n('en');
const tr = (locale: string): Translate => (key, vars) => i18n.t(locale, key, vars);
const LANGS = ['en', 'es'] as const;
const COUNTRIES = [...HELP_COUNTRIES, 'OTHER'] as const;

/** PRODUCT.md's budgets: lines as the phone shows them (blank lines count), characters as JS counts them. */
function expectWithin(text: string, lines: number, chars: number, what: string): void {
  expect(text.split('\n').length, `${what}: lines\n${text}`).toBeLessThanOrEqual(lines);
  expect(text.length, `${what}: characters\n${text}`).toBeLessThanOrEqual(chars);
  // A missing key comes back as the key itself.
  expect(text, what).not.toMatch(/(^|\s)(crisis|concern|other|help|resource|onboarding)-[a-z0-9-]+(\s|$)/m);
  expect(text, what).not.toMatch(/every country|cada país/i);
}

const buttons = (keyboard: { inline_keyboard: { text: string; url?: string; callback_data?: string }[][] } | undefined) =>
  keyboard?.inline_keyboard.flat() ?? [];

describe.each(LANGS)('crisis messages in %s', (lang) => {
  const t = tr(lang);

  it.each(COUNTRIES)('the crisis message for %s, at its longest (mid-conversation), keeps to 10 lines and 700 characters', (country) => {
    const message = crisisMessage(t, country, { inConversation: true });
    expectWithin(message.text, 10, 700, `${lang} ${country} crisis`);
    expectWithin(crisisMessage(t, country).text, 10, 700, `${lang} ${country} crisis`);
  });

  it.each(COUNTRIES)('every other crisis-path message for %s keeps to the 900-character budget', (country) => {
    const all = {
      notSafe: notSafeMessage(t, country).text,
      safeLater: safeReply(t, 'later'),
      safeMorning: safeReply(t, 'morning'),
      safeNone: safeReply(t, 'none'),
      followUp: followUpMessage(t),
      concern: concernQuestion(t).text,
      declined: concernDeclinedReply(t).text,
      skipped: concernSkippedReply(t, country).text,
      other: otherAtRiskMessage(t, country).text,
      flagCare: flagCareReply(t),
    };
    for (const [what, text] of Object.entries(all)) expectWithin(text, 10, 700, `${lang} ${country} ${what}`);
  });

  it.each(COUNTRIES)('/help for %s keeps to 16 lines and 900 characters', (country) => {
    expectWithin(helpMessage(t, country), 16, 900, `${lang} ${country} /help`);
  });

  it.each(HELP_COUNTRIES)('the crisis message for %s starts with its emergency number, then its line, then asks if you are safe', (country) => {
    const resources = RESOURCES_BY_COUNTRY[country];
    const message = crisisMessage(t, country);
    const [first, second] = message.text.split('\n');
    expect(first).toContain(resources.emergency);
    expect(second).toContain(resources.crisisLine.vars.phone);
    expect(message.text.split('\n').at(-1)).toBe(t('crisis-safe-question'));
    const labels = buttons(message.keyboard);
    expect(labels.filter((b) => b.callback_data).map((b) => b.text)).toEqual([t('crisis-button-safe'), t('crisis-button-unsafe')]);
    expect(labels.filter((b) => b.url).map((b) => b.url)).toEqual(resources.chatUrl ? [resources.chatUrl] : []);
  });

  it('the US crisis message says "If you might act on these thoughts, call 911 now" first, with a chat button', () => {
    const message = crisisMessage(t, 'US');
    if (lang === 'en') expect(message.text.split('\n')[0]).toBe('🚨 If you might act on these thoughts, call 911 now.');
    expect(buttons(message.keyboard).find((b) => b.url)?.url).toBe('https://988lifeline.org');
  });

  it.each(HELP_COUNTRIES)('"not safe" for %s gives the emergency number and the line in two lines, then "please call now"', (country) => {
    const resources = RESOURCES_BY_COUNTRY[country];
    const [emergency, line, blank, call] = notSafeMessage(t, country).text.split('\n');
    expect(emergency).toContain(resources.emergency);
    expect(line).toContain(resources.crisisLine.vars.phone);
    expect(blank).toBe('');
    expect(call).toBe(t('crisis-unsafe-call'));
  });

  it.each(HELP_COUNTRIES)('/help for %s shows its emergency number first, then its lines, then findahelpline.com', (country) => {
    const resources = RESOURCES_BY_COUNTRY[country];
    const text = helpMessage(t, country);
    const emergencyAt = text.indexOf(resources.emergency);
    const lineAt = text.indexOf(resources.crisisLine.vars.phone!, emergencyAt + resources.emergency.length);
    expect(emergencyAt).toBeGreaterThan(0);
    expect(lineAt).toBeGreaterThan(emergencyAt);
    expect(text.indexOf('findahelpline.com')).toBeGreaterThan(lineAt);
    expect(text.indexOf('/checkin')).toBeGreaterThan(text.indexOf('findahelpline.com'));
  });

  it('the Concern question has the three answers, one a row', () => {
    const q = concernQuestion(t);
    expect(q.keyboard?.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([
      [t('concern-button-yes')],
      [t('concern-button-no')],
      [t('concern-button-skip')],
    ]);
    if (lang === 'en') expect(q.text).toContain('Are you having thoughts of ending your life?');
  });
});

describe('resources as data', () => {
  it.each(HELP_COUNTRIES)('%s has its source and the date it was checked', (country) => {
    const r = RESOURCES_BY_COUNTRY[country];
    expect(r.source.length).toBeGreaterThan(5);
    expect(r.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    ['US', '911', '988'],
    ['CA', '911', '988'],
    ['MX', '911', '800 911 2000'],
    ['ES', '112', '024'],
    ['GB', '999', '116 123'],
    ['IE', '112 / 999', '116 123'],
  ] as const)('%s: emergency %s, line %s (PRODUCT.md)', (country, emergency, phone) => {
    expect(RESOURCES_BY_COUNTRY[country].emergency).toBe(emergency);
    expect(RESOURCES_BY_COUNTRY[country].crisisLine.vars.phone).toBe(phone);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { SUPPORTED_LOCALES } from '../../src/config.js';
import { NAMED_ZONES, resolveTimeZone, zoneLabel, zoneNameSlug } from '../../src/domain/timezone.js';

/** The translated place names in locales/<lang>/timezones.ftl, which the bot shows and suggests. */
function names(lang: string): (zone: string) => string {
  const bundle = new FluentBundle(lang, { useIsolating: false });
  bundle.addResource(new FluentResource(readFileSync(fileURLToPath(new URL(`../../locales/${lang}/timezones.ftl`, import.meta.url)), 'utf8')));
  return (zone) => {
    const message = bundle.getMessage(`zone-${zoneNameSlug(zone)}`);
    if (!message?.value) throw new Error(`${lang}: no name for ${zone}`);
    return bundle.formatPattern(message.value);
  };
}

describe('translated zone names', () => {
  it.each(SUPPORTED_LOCALES)('every %s name, typed back, finds its zone again', (lang) => {
    const name = names(lang);
    for (const zone of NAMED_ZONES) expect(resolveTimeZone(name(zone)), `${lang}: ${name(zone)}`).toEqual({ ok: true, zone });
  });

  it('labels a zone with the translated city and the offset', () => {
    const es = names('es');
    const winter = new Date('2026-01-15T12:00:00Z');
    expect(zoneLabel('America/New_York', winter, es)).toBe('Nueva York (UTC\u22125)');
    expect(zoneLabel('America/Mexico_City', winter, es)).toBe('Ciudad de México (UTC\u22126)');
    expect(zoneLabel('Asia/Calcutta', winter, () => undefined)).toBe('Kolkata (UTC+5:30)');
    expect(zoneLabel('UTC-5', winter, es)).toBe('UTC\u22125');
  });
});

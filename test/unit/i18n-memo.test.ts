import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { I18n } from '@grammyjs/i18n';
import { describe, expect, it } from 'vitest';
import { createI18n, LOCALES_DIR } from '../../src/bot/i18n.js';

// createI18n remembers which bundles serve a locale instead of negotiating on every translation.
// The texts must be exactly those of the plugin left as it is.
const sources = readdirSync(join(LOCALES_DIR, 'en'))
  .filter((file) => file.endsWith('.ftl'))
  .map((file) => readFileSync(join(LOCALES_DIR, 'en', file), 'utf8'));
const keys = sources.flatMap((source) => [...source.matchAll(/^([a-z][\w-]*)\s*=/gm)].map((m) => m[1]!));
/** Every variable any message uses, as the number 3. */
const vars = Object.fromEntries(sources.flatMap((source) => [...source.matchAll(/\$([a-zA-Z_][\w-]*)/g)].map((m) => [m[1]!, 3])));
const attempt = (translate: () => string) => {
  try {
    return translate();
  } catch (error) {
    return `threw ${String(error)}`;
  }
};

describe('i18n: bundle matching remembered per locale', () => {
  it('gives the same text as the unmodified plugin for every key, in every locale asked for', () => {
    const ours = createI18n('en');
    const plain = new I18n({ defaultLocale: 'en', directory: LOCALES_DIR, useSession: false, fluentBundleOptions: { useIsolating: false } });
    expect(keys.length).toBeGreaterThan(100);
    // The memo is in place (a plugin upgrade that changed its private matchBundles would turn it off).
    expect(Object.hasOwn(ours.fluent, 'matchBundles')).toBe(true);
    // Twice over, so the second pass comes from the remembered matches.
    for (let pass = 0; pass < 2; pass++) {
      for (const locale of ['en', 'es', 'es-MX', 'fr', 'EN']) {
        for (const key of keys) expect(attempt(() => ours.t(locale, key, vars))).toBe(attempt(() => plain.t(locale, key, vars)));
      }
    }
    expect(ours.t('es', 'help-title')).not.toBe(ours.t('en', 'help-title'));
    expect(keys.filter((key) => attempt(() => ours.t('es', key, vars)).startsWith('threw'))).toEqual([]);
  });
});

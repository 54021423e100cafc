import { I18n } from '@grammyjs/i18n';
import { fileURLToPath } from 'node:url';
import { SUPPORTED_LOCALES, type SupportedLocale } from '../config.js';
import type { AppContext } from './context.js';

/** `locales/` at the repository root, one folder per language, one .ftl file per feature. */
export const LOCALES_DIR = fileURLToPath(new URL('../../locales', import.meta.url));

/** Maps a Telegram `language_code` such as `es-MX` to a language we speak, if any. */
export function supportedLocale(code: string | undefined | null): SupportedLocale | null {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(base ?? '') ? (base as SupportedLocale) : null;
}

/**
 * The stored user's language wins (it is what scheduled messages use too); before a user
 * exists, Telegram's language_code decides; otherwise the operator's default.
 */
export function createI18n(defaultLocale: SupportedLocale): I18n<AppContext> {
  const i18n = new I18n<AppContext>({
    defaultLocale,
    directory: LOCALES_DIR,
    useSession: false,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => {
      const userId = ctx.from?.id;
      const stored = userId !== undefined ? ctx.deps.users.get(userId)?.locale : undefined;
      return stored ?? supportedLocale(ctx.from?.language_code) ?? defaultLocale;
    },
  });
  memoiseBundleMatching(i18n);
  return i18n;
}

/** The part of @grammyjs/i18n's Fluent wrapper that picks bundles for a locale (not in its types). */
interface BundleMatcher {
  bundles: Set<unknown>;
  matchBundles(locales: string[]): Set<unknown>;
}

/**
 * @grammyjs/i18n negotiates the locale against every bundle (`@fluent/langneg`) on every single
 * translation: a /help is a dozen negotiations, a Sunday summary forty. The answer depends only
 * on the locale asked for and the bundles loaded, so it is remembered per locale (and worked out
 * again if a bundle is ever added). Same bundles, same order, same texts.
 */
function memoiseBundleMatching(i18n: I18n<AppContext>): void {
  const fluent = i18n.fluent as unknown as Partial<BundleMatcher>;
  // A private part of the plugin: if a new version changed it, translations simply stay unmemoised.
  if (typeof fluent.matchBundles !== 'function' || !(fluent.bundles instanceof Set)) return;
  const bundlesLoaded = fluent.bundles;
  const match = fluent.matchBundles.bind(fluent);
  const memo = new Map<string, { loaded: number; bundles: Set<unknown> }>();
  fluent.matchBundles = (locales: string[]) => {
    const key = locales.join('\n');
    const hit = memo.get(key);
    if (hit && hit.loaded === bundlesLoaded.size) return hit.bundles;
    const bundles = match(locales);
    // Locales come from the negotiator (stored or supported ones), so this stays a few entries.
    if (memo.size < 64) memo.set(key, { loaded: bundlesLoaded.size, bundles });
    return bundles;
  };
}

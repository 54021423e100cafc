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
  return new I18n<AppContext>({
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
}

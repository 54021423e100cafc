import type { Api } from 'grammy';
import { SUPPORTED_LOCALES } from '../config.js';
import type { Translate } from './messages/translate.js';

/**
 * The commands users see in the menu and in /help, in menu order. A command is listed here
 * only once its feature exists, so the menu never offers something that does not answer.
 */
export const MENU_COMMANDS = ['checkin', 'awake', 'tips', 'progress', 'report', 'settings', 'used', 'help', 'privacy', 'export', 'delete', 'start', 'cancel'] as const;

/** "/command — what it does", one per line, for /help and for unrecognised messages. */
export function commandList(t: Translate): string {
  return MENU_COMMANDS.map((command) => `/${command} — ${t(`command-${command}`)}`).join('\n');
}

/** Sets the menu once per language, plus a default (English) for every other language. */
export async function setCommandMenus(api: Api, translateFor: (locale: string) => Translate, defaultLocale: string) {
  const build = (t: Translate) => MENU_COMMANDS.map((command) => ({ command, description: t(`command-${command}`) }));
  // At once rather than one after another: they stand between start-up and the first poll.
  await Promise.all([
    api.setMyCommands(build(translateFor(defaultLocale))),
    ...SUPPORTED_LOCALES.map((locale) => api.setMyCommands(build(translateFor(locale)), { language_code: locale })),
  ]);
}

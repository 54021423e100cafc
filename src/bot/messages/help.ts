import { FIND_A_HELPLINE, resourcesFor } from '../../content/resources.js';
import { MENU_COMMANDS } from '../commands.js';
import type { Translate } from './translate.js';

/**
 * The resources block: immediate danger first (the country's emergency number), then the
 * user's country's lines, then findahelpline.com for everywhere else.
 */
export function crisisResources(t: Translate, country: string): string {
  const resources = resourcesFor(country);
  const lines = [
    `${t('help-title')}\n${resources ? t('help-emergency', { number: resources.emergency }) : t('help-emergency-local')}`,
    ...(resources?.lines.map((line) => t(line.key, line.vars)) ?? []),
    t('help-elsewhere', { url: FIND_A_HELPLINE }),
  ];
  return lines.join('\n\n');
}

/**
 * /help: the resources, the one-time disclaimer, then a short list of commands on one line (the
 * descriptions are in Telegram's command menu). 16 lines and 900 characters at most, in every
 * language and for each country we list (findahelpline.com for the rest).
 */
export function helpMessage(t: Translate, country: string): string {
  const commands = MENU_COMMANDS.filter((command) => command !== 'help')
    .map((command) => `/${command}`)
    .join(' ');
  return [crisisResources(t, country), `${t('help-not-medical')}\n${t('help-commands', { commands })}`].join('\n\n');
}

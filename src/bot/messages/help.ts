import { FIND_A_HELPLINE, resourcesFor } from '../../content/resources.js';
import { commandList } from '../commands.js';
import type { Translate } from './translate.js';

/**
 * The crisis and support block: immediate danger first, then the user's country's
 * resources, then findahelpline.com for everywhere else. Shared by /help and by the crisis
 * reply, so both always say the same thing.
 */
export function crisisResources(t: Translate, country: string): string {
  const resources = resourcesFor(country);
  const lines = [
    t('help-title'),
    resources ? t('help-emergency', { number: resources.emergency }) : t('help-emergency-local'),
    ...(resources?.lines.map((line) => t(line.key, line.vars)) ?? []),
    t('help-elsewhere', { url: FIND_A_HELPLINE }),
  ];
  return lines.join('\n\n');
}

/** /help: the resources, the one-time disclaimer, then a short list of commands. */
export function helpMessage(t: Translate, country: string): string {
  return [crisisResources(t, country), t('help-not-medical'), `${t('help-commands-title')}\n${commandList(t)}`].join(
    '\n\n',
  );
}

/**
 * Sent the moment someone expresses thoughts of self-harm (typed, or the check-in flag):
 * warmth first, then the resources. Mid-conversation it adds that the conversation is still open.
 */
export function crisisMessage(t: Translate, country: string, options: { inConversation?: boolean } = {}): string {
  const parts = [t('crisis-intro'), crisisResources(t, country)];
  if (options.inConversation) parts.push(t('crisis-continue'));
  return parts.join('\n\n');
}

import { InlineKeyboard } from 'grammy';
import { FIND_A_HELPLINE, resourcesFor, type CountryResources } from '../../content/resources.js';
import type { Translate } from './translate.js';

/**
 * Every message of the crisis path (PRODUCT.md, "Crisis"). Builders take a `Translate`, not a
 * context, so the scheduler's follow-up and the tests render the same words. The crisis message
 * keeps to 10 lines and 700 characters in both languages (a unit test renders each at its longest).
 */

export interface OutgoingMessage {
  text: string;
  keyboard?: InlineKeyboard;
}

/** Callback data of the crisis message's two answers, handled outside every conversation. */
export const SAFETY_PREFIX = 'crs';
export type SafetyAnswer = 'safe' | 'unsafe';
export const safetyData = (answer: SafetyAnswer) => `${SAFETY_PREFIX}:${answer}`;

/** Callback data of the Concern question's three answers. */
export const CONCERN_PREFIX = 'crq';
export type ConcernAnswer = 'yes' | 'no' | 'skip';
export const CONCERN_ANSWERS: readonly ConcernAnswer[] = ['yes', 'no', 'skip'];
export const concernData = (answer: ConcernAnswer) => `${CONCERN_PREFIX}:${answer}`;
const concernLabel = (t: Translate, answer: ConcernAnswer): string =>
  answer === 'yes' ? t('concern-button-yes') : answer === 'no' ? t('concern-button-no') : t('concern-button-skip');

/** The emergency number, then the country's line: the first two lines of every crisis reply. */
function emergencyAndLine(t: Translate, resources: CountryResources | null, who: 'self' | 'other' = 'self'): string[] {
  const emergency = resources
    ? t(who === 'self' ? 'crisis-emergency' : 'other-emergency', { number: resources.emergency })
    : t(who === 'self' ? 'crisis-emergency-local' : 'other-emergency-local');
  const line = resources ? t(resources.crisisLine.key, resources.crisisLine.vars) : t('crisis-line-other', { url: FIND_A_HELPLINE });
  return [emergency, line];
}

const hasButtons = (keyboard: InlineKeyboard) => keyboard.inline_keyboard.some((row) => row.length > 0);

/** A URL button to the line's chat where it has one (988lifeline.org), or to findahelpline.com. */
function linkRow(t: Translate, keyboard: InlineKeyboard, resources: CountryResources | null): InlineKeyboard {
  if (resources?.chatUrl) return keyboard.url(t('crisis-button-chat'), resources.chatUrl);
  if (!resources) return keyboard.url(t('crisis-button-findahelpline'), FIND_A_HELPLINE);
  return keyboard;
}

/**
 * The crisis message: the emergency number first, the country's crisis line, a word of care,
 * then "Are you safe right now?" with `I'm safe for now` · `I'm not safe`. In the middle of a
 * conversation it says the open question is still there.
 */
export function crisisMessage(t: Translate, country: string, options: { inConversation?: boolean } = {}): OutgoingMessage {
  const resources = resourcesFor(country);
  const parts = [emergencyAndLine(t, resources).join('\n'), t('crisis-care')];
  if (options.inConversation) parts.push(t('crisis-continue-open'));
  parts.push(t('crisis-safe-question'));
  const keyboard = linkRow(t, new InlineKeyboard(), resources);
  if (hasButtons(keyboard)) keyboard.row();
  keyboard
    .text(t('crisis-button-safe'), safetyData('safe'))
    .text(t('crisis-button-unsafe'), safetyData('unsafe'));
  return { text: parts.join('\n\n'), keyboard };
}

/** `I'm not safe`: the emergency number and the line again, in two lines, and "please call now". */
export function notSafeMessage(t: Translate, country: string): OutgoingMessage {
  const resources = resourcesFor(country);
  const lines = resources
    ? [t('crisis-unsafe-emergency', { number: resources.emergency }), t(resources.crisisLine.key, resources.crisisLine.vars)]
    : [t('crisis-unsafe-emergency-local'), t('crisis-line-other', { url: FIND_A_HELPLINE })];
  const keyboard = linkRow(t, new InlineKeyboard(), resources);
  return { text: `${lines.join('\n')}\n\n${t('crisis-unsafe-call')}`, ...(hasButtons(keyboard) ? { keyboard } : {}) };
}

/** When the one follow-up is due, as the `I'm safe for now` reply says it. */
export type FollowUpWhen = 'later' | 'morning' | 'none';

/** `I'm safe for now`: a kind line, and when the bot will check in (if it can: consent is needed). */
export function safeReply(t: Translate, when: FollowUpWhen): string {
  const kind = when === 'later' ? t('crisis-safe-later') : when === 'morning' ? t('crisis-safe-morning') : t('crisis-safe-now');
  return `${kind}\n${t('crisis-safe-help')}`;
}

/** The one message a few hours after `I'm safe for now` (sent by the scheduler). */
export function followUpMessage(t: Translate): string {
  return t('crisis-followup');
}

/** Concern: one direct, kind question, as crisis lines train people to ask. One button a row. */
export function concernQuestion(t: Translate): OutgoingMessage {
  const keyboard = new InlineKeyboard();
  CONCERN_ANSWERS.forEach((answer, i) => (i > 0 ? keyboard.row() : keyboard).text(concernLabel(t, answer), concernData(answer)));
  return { text: t('concern-question'), keyboard };
}

/** The question as it stays in the chat once answered: its buttons replaced by the answer. */
export function concernAnswered(t: Translate, answer: ConcernAnswer): string {
  return `${t('concern-question')}\n\n✓ ${concernLabel(t, answer)}`;
}

/**
 * `No, I'm just worn out`: a short word of support (at night the feature then opens the night
 * companion).
 */
export function concernDeclinedReply(t: Translate): OutgoingMessage {
  return { text: t('concern-declined') };
}

/** `I'd rather not say`: the resources, gently — no question asked again. */
export function concernSkippedReply(t: Translate, country: string): OutgoingMessage {
  const resources = resourcesFor(country);
  const keyboard = linkRow(t, new InlineKeyboard(), resources);
  return {
    text: `${t('concern-skip-intro')}\n\n${emergencyAndLine(t, resources).join('\n')}`,
    ...(hasButtons(keyboard) ? { keyboard } : {}),
  };
}

/** Someone else at risk: the same lines, framed for helping another person. */
export function otherAtRiskMessage(t: Translate, country: string): OutgoingMessage {
  const resources = resourcesFor(country);
  const keyboard = linkRow(t, new InlineKeyboard(), resources);
  return {
    text: [t('other-intro'), emergencyAndLine(t, resources, 'other').join('\n'), t('other-together')].join('\n\n'),
    ...(hasButtons(keyboard) ? { keyboard } : {}),
  };
}

/**
 * The check-in reply after the `Thoughts of hurting myself` flag: care first, nothing cheerful,
 * no tips and no second copy of the resources when the crisis message was already shown.
 */
export function flagCareReply(t: Translate): string {
  return t('crisis-flag-care');
}

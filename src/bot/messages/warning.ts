import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import type { ThresholdId, ThresholdResult } from '../../domain/thresholds.js';
import { reportWarningButton } from './report.js';
import type { Translate } from './translate.js';

/**
 * The support warning after a check-in. It names in plain words which signs fired, says this is
 * a signal rather than a failure, and points to a prescriber, findtreatment.gov, SAMHSA and /help.
 * Urgent signs (unstable, can't function, close to relapsing) come first, under "please reach out
 * today", kept apart from the support-level signs.
 * Returns null when nothing fired.
 */
export function warningMessage(t: Translate, result: ThresholdResult): string | null {
  if (result.urgent.length === 0 && result.support.length === 0) return null;
  const signs = (ids: readonly string[]) => ids.map((id) => `• ${t(`sign-${id}`)}`).join('\n');
  const blocks: string[] = [];
  if (result.urgent.length > 0) blocks.push(t('warning-urgent-title', { signs: signs(result.urgent) }));
  if (result.support.length > 0) blocks.push(t('warning-support-title', { signs: signs(result.support) }));
  blocks.push(t('warning-signal-not-failure'));
  blocks.push(
    [t('warning-prescriber'), t('warning-findtreatment'), t('warning-samhsa'), t('warning-help-pointer')].join('\n'),
  );
  return blocks.join('\n\n');
}

/** Support signs whose warning offers the one-page summary for a prescriber (/report). */
const REPORT_SIGNS: readonly ThresholdId[] = ['no-sleep', 'persistent', 'anxiety-rising'];

/**
 * The buttons under a warning, one per row, in order. A list rather than a keyboard so each
 * feature appends its own button in one line here. Empty when nothing fired.
 */
export function warningButtons(t: Translate, result: ThresholdResult): InlineKeyboardButton[] {
  const buttons: InlineKeyboardButton[] = [];
  if (result.support.some((id) => REPORT_SIGNS.includes(id))) buttons.push(reportWarningButton(t));
  return buttons;
}

/** The warning's keyboard, or undefined when it has no buttons. */
export function warningKeyboard(t: Translate, result: ThresholdResult): InlineKeyboard | undefined {
  const buttons = warningButtons(t, result);
  return buttons.length > 0 ? InlineKeyboard.from(buttons.map((button) => [button])) : undefined;
}

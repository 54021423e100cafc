import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import { REPORT_WINDOWS, type ReportWindow } from '../../domain/report.js';
import type { Translate } from './translate.js';

/** `rp:14` / `rp:28`: a range chosen for /report. */
export const REPORT_CHOICE = /^rp:(14|28)$/;
export const reportChoiceData = (window: ReportWindow) => `rp:${window}`;
/** `rp:ask`: the button on a support warning; it asks for the range like /report does. */
export const REPORT_ASK_DATA = 'rp:ask';

/** The question /report asks first. */
export function reportChoice(t: Translate): { text: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard();
  for (const window of REPORT_WINDOWS) keyboard.text(t('report-choose-button', { n: window }), reportChoiceData(window));
  return { text: t('report-choose'), keyboard };
}

/** `Make a summary for a prescriber`, for the support warnings. */
export function reportWarningButton(t: Translate): InlineKeyboardButton {
  return InlineKeyboard.text(t('report-warning-button'), REPORT_ASK_DATA);
}

import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import { FIND_A_HELPLINE, FIND_TREATMENT, SAMHSA_HELPLINE } from '../../content/resources.js';
import type { ThresholdId, ThresholdResult } from '../../domain/thresholds.js';
import type { LocalDate } from '../../domain/types.js';
import { reportWarningButton } from './report.js';
import type { Translate } from './translate.js';

/** `cd:<view>:<YYYY-MM-DD>`: a button under a check-in reply, for the night of that date. */
export const CHECKIN_DETAIL_VIEWS = ['main', 'normal', 'week', 'help'] as const;
export type CheckinDetailView = (typeof CHECKIN_DETAIL_VIEWS)[number];
export const CHECKIN_DETAIL_BUTTON = /^cd:(main|normal|week|help):(\d{4}-\d{2}-\d{2})$/;
export const checkinDetailData = (view: CheckinDetailView, date: LocalDate) => `cd:${view}:${date}`;

export function hasWarning(result: ThresholdResult): boolean {
  return result.urgent.length > 0 || result.support.length > 0;
}

/**
 * The support warning at the top of a check-in reply, kept short (PRODUCT.md): the signs that
 * fired, in plain words, and one line of what to do. Urgent signs (unstable, can't function,
 * close to relapsing) set the tone — "please reach out today" — and come first; the support
 * signs follow in the same list. Everything else is behind the `What can help` button.
 * Returns null when nothing fired.
 */
export function warningMessage(t: Translate, result: ThresholdResult): string | null {
  if (!hasWarning(result)) return null;
  const urgent = result.urgent.length > 0;
  const signs = [...result.urgent, ...result.support].map((id) => `• ${t(`sign-${id}`)}`).join('\n');
  const title = t(urgent ? 'warning-urgent-title' : 'warning-support-title', { signs });
  return `${title}\n${t(urgent ? 'warning-urgent-do' : 'warning-support-do')}`;
}

/**
 * The warning's buttons, built in one place, one a row: `What can help`, which edits the reply to
 * show where to get support, then — for the signs a prescriber should hear about — the one-page
 * summary for a prescriber (/report).
 */
export function warningKeyboard(t: Translate, result: ThresholdResult, date: LocalDate, keyboard: InlineKeyboard = new InlineKeyboard()): InlineKeyboard {
  for (const button of warningButtons(t, result, date)) keyboard.add(button).row();
  return keyboard;
}

const bareAddress = (url: string) => url.replace(/^https?:\/\//, '');

/**
 * What can help, behind the warning's button: it is a signal, not a failure; a prescriber
 * conversation; findtreatment.gov; the user's country's helpline (SAMHSA in the US,
 * findahelpline.com elsewhere); /help for crisis lines. Numbers and addresses come from
 * src/content/resources.ts, never from a locale file.
 */
export function whatCanHelp(t: Translate, country: string): string {
  const helpline =
    country.toUpperCase() === 'US'
      ? t('warning-samhsa', { phone: SAMHSA_HELPLINE })
      : t('checkin-help-helpline-elsewhere', { url: bareAddress(FIND_A_HELPLINE) });
  return [
    t('checkin-help-title'),
    t('warning-signal-not-failure'),
    t('warning-prescriber'),
    t('warning-findtreatment', { url: bareAddress(FIND_TREATMENT) }),
    helpline,
    t('warning-help-pointer'),
  ].join('\n\n');
}

/** Support signs whose warning offers the one-page summary for a prescriber (/report). */
const REPORT_SIGNS: readonly ThresholdId[] = ['no-sleep', 'persistent', 'anxiety-rising'];

/** The buttons under a warning, in order; empty when nothing fired. */
export function warningButtons(t: Translate, result: ThresholdResult, date: LocalDate): InlineKeyboardButton[] {
  if (!hasWarning(result)) return [];
  const buttons: InlineKeyboardButton[] = [InlineKeyboard.text(t('checkin-button-help'), checkinDetailData('help', date))];
  if (result.support.some((id) => REPORT_SIGNS.includes(id))) buttons.push(reportWarningButton(t));
  return buttons;
}

import { InlineKeyboard } from 'grammy';
import type { LocalDate } from '../../domain/types.js';
import type { Translate } from './translate.js';

/** The buttons under a morning prompt. The date says which morning the prompt was for. */
export type MorningAction = 'go' | 'later' | 'skip';

/** `mr:<action>:<YYYY-MM-DD>`; anything else is not ours (or forged) and falls through. */
export const MORNING_BUTTON = /^mr:(go|later|skip):(\d{4}-\d{2}-\d{2})$/;

export const morningButtonData = (action: MorningAction, date: LocalDate) => `mr:${action}:${date}`;

export interface ScheduledMessage {
  /** The text, or the caption when there is a photo. */
  text: string;
  keyboard: InlineKeyboard;
  /** A PNG sent as a photo with `text` as its caption (the Sunday summary's chart). */
  photo?: Buffer;
}

/**
 * The morning check-in prompt: `Start check-in`, `Remind me in 1 hour`, `Skip today`. The extra
 * prompt an hour later (`again`) has no "remind me" button: there is one extra prompt a day.
 */
export function morningPrompt(t: Translate, date: LocalDate, options: { again?: boolean } = {}): ScheduledMessage {
  const keyboard = new InlineKeyboard().text(t('reminder-button-start'), morningButtonData('go', date)).row();
  if (!options.again) keyboard.text(t('reminder-button-later'), morningButtonData('later', date)).row();
  keyboard.text(t('reminder-button-skip-today'), morningButtonData('skip', date));
  return { text: t(options.again ? 'reminder-morning-again' : 'reminder-morning'), keyboard };
}

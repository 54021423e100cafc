import { dateValue } from '../../src/bot/messages/translate.js';

/** A calendar date as the bot writes it in messages: "November 19, 2026", "19 de noviembre de 2026". */
export function longDate(locale: string, date: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(dateValue(date));
}

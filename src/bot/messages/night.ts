import { InlineKeyboard } from 'grammy';
import { FIND_A_HELPLINE, resourcesFor } from '../../content/resources.js';
import { NIGHT_STEPS, spokenTime, type NightStep } from '../../domain/night-companion.js';
import type { PhaseId } from '../../domain/types.js';
import type { Translate } from './translate.js';
import { shortDate } from './progress.js';

/**
 * The night companion's messages. Each is at most 6 lines and 450 characters (PRODUCT.md's
 * budget), in both languages; test/unit/night-messages.test.ts renders every one at its longest.
 */

/** `nc:open` (the wind-down's night button, with the evening's date) and `nc:<step>:<wakeId>`. */
export const NIGHT_BUTTON = /^nc:(?:open(?::\d{4}-\d{2}-\d{2})?|(body|mind|urge|talk):(\d{1,12}))$/;
export const nightOpenData = (eveningDate: string) => `nc:open:${eveningDate}`;
export const nightStepData = (step: NightStep, wakeId: number) => `nc:${step}:${wakeId}`;

/** What the first message names: the night's number and phase, when the user is set up. */
export type NightStage = { night: number | null; phase: PhaseId } | null;

export function nightOpening(t: Translate, stage: NightStage): string {
  let title: string;
  if (!stage) title = t('night-open-title-new');
  else {
    const vars = { phase: t(`phase-${stage.phase}-name`), stage: t(`night-stage-${stage.phase}`) };
    title = stage.night !== null ? t('night-open-title', { night: stage.night, ...vars }) : t('night-open-title-plain', vars);
  }
  return `${title}\n${t('night-open-body')}`;
}

/** The four buttons, two by two; the step being shown is left out. */
export function nightKeyboard(t: Translate, wakeId: number, shown?: NightStep): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  NIGHT_STEPS.filter((step) => step !== shown).forEach((step, i) => {
    if (i > 0 && i % 2 === 0) keyboard.row();
    keyboard.text(t(`night-button-${step}`), nightStepData(step, wakeId));
  });
  return keyboard;
}

/**
 * One step's text. `Talk to someone` lists the country's lines (the first line of each, which
 * names it and its number), else findahelpline.com, then the emergency number.
 */
export function nightStep(t: Translate, step: NightStep, country: string): string {
  if (step !== 'talk') return t(`night-step-${step}`);
  const resources = resourcesFor(country);
  const lines = resources?.lines.length
    ? resources.lines.map((line) => t(line.key, line.vars).split('\n')[0]!)
    : [t('night-talk-elsewhere', { url: FIND_A_HELPLINE })];
  const emergency = resources ? t('night-talk-emergency', { number: resources.emergency }) : t('night-talk-emergency-local');
  return [t('night-talk-intro'), ...lines, emergency].join('\n');
}

/** The check-in reply's one line about last night's wakes ("3:05", "1:40 and 3:05", "1:40, 2:15 and 3:05"). */
export function wakesLine(t: Translate, localTimes: readonly string[]): string | null {
  if (localTimes.length === 0) return null;
  const spoken = localTimes.map(spokenTime);
  const times = spoken.length === 1 ? spoken[0]! : `${spoken.slice(0, -1).join(', ')} ${t('night-wakes-and')} ${spoken.at(-1)!}`;
  return t('night-wakes-line', { times });
}

/** /progress: one line naming the nights in the window when the user was awake ("Dec 1, Dec 3"); null if none. */
export function nightsWithWakesLine(t: Translate, wakes: readonly { nightDate: string }[]): string | null {
  const dates = [...new Set(wakes.map((wake) => wake.nightDate))].sort();
  if (dates.length === 0) return null;
  return t('progress-wakes', { dates: dates.map((date) => shortDate(t, date)).join(', ') });
}

/** `dy:checkin`, `dy:tips`, `dy:help`: the buttons under the short reply to free text by day. */
export const DAY_BUTTON = /^dy:(checkin|tips|help)$/;

/** The short reply to free text by day: at most 4 lines, and buttons for the likely next steps. */
export function dayReply(t: Translate, options: { checkinMissing: boolean }): { text: string; keyboard: InlineKeyboard } {
  const lines = [t('day-reply'), ...(options.checkinMissing ? [t('day-reply-checkin-missing')] : []), t('day-reply-next')];
  const keyboard = new InlineKeyboard();
  if (options.checkinMissing) keyboard.text(t('day-button-checkin'), 'dy:checkin').row();
  keyboard.text(t('day-button-tips'), 'dy:tips').text(t('day-button-help'), 'dy:help');
  return { text: lines.join('\n'), keyboard };
}

import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/bot/i18n.js';
import { dayReply, nightKeyboard, nightOpening, nightStep, wakesLine } from '../../src/bot/messages/night.js';
import type { Translate } from '../../src/bot/messages/translate.js';
import { RESOURCES_BY_COUNTRY } from '../../src/content/resources.js';
import { NIGHT_STEPS, tipFitsHour } from '../../src/domain/night-companion.js';
import { PHASE_IDS } from '../../src/domain/types.js';
import { SUPPORTED_LOCALES } from '../../src/config.js';
import { TIPS } from '../../src/content/tips.js';
import { selectTips } from '../../src/domain/tips.js';
import { unfitTips } from '../../src/domain/night-companion.js';

/**
 * Every night-companion message within PRODUCT.md's budget (6 lines, 450 characters) in every
 * language, for every phase and every country with resources (plus one without); the day reply
 * within 4 lines; no raw key anywhere.
 */
const i18n = createI18n('en');
const translator = (locale: string): Translate => (key, vars) => i18n.t(locale, key, vars);
const lines = (text: string) => text.split('\n').length;
const COUNTRIES = [...Object.keys(RESOURCES_BY_COUNTRY), 'FR'];
const noRawKey = (text: string) => expect(text).not.toMatch(/\b(?:night|day|phase)-[a-z-]+-[a-z]+\b/);

describe.each(SUPPORTED_LOCALES)('night companion in %s', (locale) => {
  const t = translator(locale);

  it.each(PHASE_IDS)('the first message in the %s phase, at its longest night number, is within budget', (phase) => {
    for (const stage of [{ night: 999, phase }, { night: null, phase }, null]) {
      const text = nightOpening(t, stage);
      expect(lines(text), text).toBeLessThanOrEqual(6);
      expect(text.length, text).toBeLessThanOrEqual(450);
      noRawKey(text);
    }
  });

  it('names the night and the phase', () => {
    const text = nightOpening(t, { night: 4, phase: 'peak' });
    expect(text).toContain('4');
    expect(text).toContain(t('phase-peak-name'));
  });

  it.each(NIGHT_STEPS)('the %s step is within budget for every country', (step) => {
    for (const country of COUNTRIES) {
      const text = nightStep(t, step, country);
      expect(lines(text), `${country}: ${text}`).toBeLessThanOrEqual(6);
      expect(text.length, `${country}: ${text}`).toBeLessThanOrEqual(450);
      noRawKey(text);
    }
  });

  it('Talk to someone gives the US lines and 911, and elsewhere findahelpline.com and the local emergency number', () => {
    const us = nightStep(t, 'talk', 'US');
    expect(us).toContain('1-800-662-4357');
    expect(us).toContain('988');
    expect(us).toContain('911');
    const elsewhere = nightStep(t, 'talk', 'FR');
    expect(elsewhere).toContain('https://findahelpline.com');
    expect(elsewhere).not.toContain('911');
  });

  it('the four buttons, two by two, leaving out the step on screen', () => {
    const labels = (kb: ReturnType<typeof nightKeyboard>) => kb.inline_keyboard.map((row) => row.map((b) => b.text));
    expect(labels(nightKeyboard(t, 7))).toEqual([
      [t('night-button-body'), t('night-button-mind')],
      [t('night-button-urge'), t('night-button-talk')],
    ]);
    expect(labels(nightKeyboard(t, 7, 'urge')).flat()).toEqual([t('night-button-body'), t('night-button-mind'), t('night-button-talk')]);
    expect(nightKeyboard(t, 7).inline_keyboard[0]![0]).toMatchObject({ callback_data: 'nc:body:7' });
  });

  it('the wakes line is one line, with one, two or several times', () => {
    expect(wakesLine(t, [])).toBeNull();
    for (const times of [['03:05'], ['01:40', '03:05'], ['00:10', '01:40', '03:05', '04:50']]) {
      const text = wakesLine(t, times)!;
      expect(lines(text)).toBe(1);
      expect(text).toContain('3:05');
      expect(text).not.toContain('03:05');
    }
  });

  it('the day reply is at most 4 lines, with a check-in button only when today’s is missing, and never the command list', () => {
    for (const checkinMissing of [true, false]) {
      const reply = dayReply(t, { checkinMissing });
      expect(lines(reply.text)).toBeLessThanOrEqual(4);
      expect(reply.text).not.toContain('/');
      const data = reply.keyboard.inline_keyboard.flat().map((b) => ('callback_data' in b ? b.callback_data : ''));
      expect(data).toEqual(checkinMissing ? ['dy:checkin', 'dy:tips', 'dy:help'] : ['dy:tips', 'dy:help']);
    }
  });
});

describe('Urge to use never reads as permission or shame', () => {
  it.each(SUPPORTED_LOCALES)('%s', (locale) => {
    const text = translator(locale)('night-step-urge').toLowerCase();
    for (const word of ['just this once', 'one dose', 'it’s okay to use', "it's okay to use", 'weak', 'fail', 'shame', 'solo esta vez', 'débil', 'fracas', 'vergüenza']) {
      expect(text).not.toContain(word);
    }
    expect(text).toMatch(/morning|mañana/);
  });
});

describe('tips by the hour', () => {
  it('no daytime movement, exercise, or calls to arrange at night; everything by day', () => {
    for (const id of ['daytime-movement', 'exercise-timing', 'prescriber', 'work-flexibility', 'melatonin-low-dose']) {
      expect(tipFitsHour(id, 'night'), id).toBe(false);
    }
    for (const id of ['daytime-movement', 'exercise-timing']) expect(tipFitsHour(id, 'evening'), id).toBe(false);
    for (const tip of TIPS) expect(tipFitsHour(tip.id, 'day'), tip.id).toBe(true);
    // Every withdrawal phase still has at least 3 tips that fit the night.
    for (const phase of PHASE_IDS) {
      const fitting = TIPS.filter((tip) => tip.phases.includes(phase) && tipFitsHour(tip.id, 'night'));
      expect(fitting.length, phase).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('selectTips leaves out what does not fit the hour', () => {
  it.each(PHASE_IDS)('%s, at night and in the evening, over many seeds', (phase) => {
    for (const part of ['night', 'evening'] as const) {
      for (let seed = 0; seed < 40; seed++) {
        const ids = selectTips({ phase, answers: null, previousTipIds: [], seed: String(seed), exclude: unfitTips(part) });
        expect(ids.length).toBeGreaterThanOrEqual(2);
        for (const id of ids) expect(tipFitsHour(id, part), `${phase} ${part} ${id}`).toBe(true);
      }
    }
  });
});

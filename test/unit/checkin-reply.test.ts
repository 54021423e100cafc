import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/bot/i18n.js';
import { checkinReplyKeyboard, renderCheckinReply, type CheckinOutcome } from '../../src/bot/messages/checkin-reply.js';
import type { Translate } from '../../src/bot/messages/translate.js';
import { MILESTONE_DAYS, milestoneFor } from '../../src/domain/milestones.js';
import type { ThresholdResult } from '../../src/domain/thresholds.js';

const i18n = createI18n('en');
const tr = (locale: string): Translate => (key, vars) => i18n.t(locale, key, vars);
const t = tr('en');

function outcome(over: Partial<CheckinOutcome> = {}, flags: string[] = []): CheckinOutcome {
  return {
    night: { date: '2026-03-31', hours: 1, quality: 1, restlessness: 3, anxiety: 8, flags, tipIds: [], complete: true } as unknown as CheckinOutcome['night'],
    day: 6,
    phase: 'easing',
    tipIds: ['dont-force-sleep', 'no-screens'],
    thresholds: { support: [], urgent: [] },
    recentHours: [null, null, null, null, 1, 1, 1],
    previousWeekHours: [null, null, null, null, null, null, null],
    country: 'US',
    ...over,
  };
}
const NO_SLEEP: ThresholdResult = { support: ['no-sleep'], urgent: [] };

describe('milestones: days 7, 14, 28, 56 and 90', () => {
  it.each([
    [null, null], [0, null], [6, null], [7, 7], [8, null], [14, 14], [28, 28], [56, 56], [89, null], [90, 90], [91, null], [180, null],
  ] as const)('day %s → %s', (day, expected) => {
    expect(milestoneFor(day)).toBe(expected);
  });

  it.each(['en', 'es'])('%s: one line each, tied to the day, with no word about an earlier count', (locale) => {
    for (const day of MILESTONE_DAYS) {
      const line = tr(locale)(`milestone-${day}`, { day });
      expect(line).not.toContain('\n');
      expect(line).toContain(String(day));
      expect(line).not.toMatch(/again|before|previous|otra vez|anterior|de nuevo/i);
    }
  });

  it('after /used the count restarts: day 7 of the new attempt gets the day-7 line', () => {
    const text = renderCheckinReply(t, outcome({ day: 7 }));
    expect(text).toContain('Day 7: the first week is the hardest');
  });
});

describe('the check-in reply', () => {
  it('is, in order: warning, summary, milestone, tips — and never "what is normal" after a warning', () => {
    // Three 1-hour nights, on the first day of Easing (issue 13's contradictory line).
    const text = renderCheckinReply(t, outcome({ thresholds: NO_SLEEP, day: 7 }));
    const order = ['It may be time for more support', 'Night 7', 'Day 7:', 'For tonight:'].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('Falling asleep gets a little easier');
    expect(text).not.toContain("What's normal now");
    // One line of what to do; the rest is behind the button.
    expect(text).not.toContain('trazodone');
  });

  it('gives two tips when they fit, one or two at most', () => {
    const text = renderCheckinReply(t, outcome());
    expect(text).toContain(t('tip-dont-force-sleep'));
    expect(text).toContain(t('tip-no-screens'));
  });

  it('has nothing cheerful after the self-harm flag: no tips, no milestone', () => {
    const text = renderCheckinReply(t, outcome({ day: 7 }, ['self-harm']));
    expect(text).not.toContain('For tonight');
    expect(text).not.toContain('Day 7:');
  });

  it('offers What can help (and, for no-sleep, the summary for a prescriber) only with a warning, then the two detail buttons', () => {
    const labels = (o: CheckinOutcome) => checkinReplyKeyboard(t, o).inline_keyboard.flat().map((b) => b.text);
    expect(labels(outcome({ thresholds: NO_SLEEP }))).toEqual(['What can help', '📄 Make a summary for a prescriber', "What's normal now", 'Last 7 nights']);
    expect(labels(outcome())).toEqual(["What's normal now", 'Last 7 nights']);
    const data = checkinReplyKeyboard(t, outcome()).inline_keyboard.flat().map((b) => ('callback_data' in b ? b.callback_data : ''));
    expect(data).toEqual(['cd:normal:2026-03-31', 'cd:week:2026-03-31']);
  });
});

describe('wind-down wording (issue 13)', () => {
  it.each([
    ['en', /pharmacist/, /sleepy/, /anyway/],
    ['es', /farmacia/, /sueño/, /de todos modos/],
  ] as const)('%s: supplements are information to check; bed when sleepy, never "lie down anyway"', (locale, check, sleepy, anyway) => {
    const tl = tr(locale);
    expect(tl('winddown-item-melatonin-timing')).toMatch(check);
    expect(tl('winddown-item-antihistamine-bridge')).toMatch(check);
    expect(tl('winddown-item-rest-counts')).toMatch(sleepy);
    expect(tl('winddown-item-rest-counts')).not.toMatch(anyway);
    expect(tl('winddown-item-cool-dark-room')).toContain('°F');
  });
});

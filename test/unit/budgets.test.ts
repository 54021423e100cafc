import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../src/config.js';
import { createI18n, LOCALES_DIR } from '../../src/bot/i18n.js';
import {
  CHECKIN_REPLY_BUDGET,
  CHECKIN_WARNING_REPLY_BUDGET,
  checkinDetailText,
  measure,
  renderCheckinReply,
  type CheckinOutcome,
} from '../../src/bot/messages/checkin-reply.js';
import { morningPrompt } from '../../src/bot/messages/morning.js';
import { progressCaption, weeklyLines } from '../../src/bot/messages/progress.js';
import { statusMessage } from '../../src/bot/messages/status.js';
import type { Translate } from '../../src/bot/messages/translate.js';
import { windDownMessage } from '../../src/bot/messages/winddown.js';
import { settingsText } from '../../src/bot/settings-view.js';
import { addDays } from '../../src/domain/dates.js';
import { MILESTONE_DAYS } from '../../src/domain/milestones.js';
import { phaseForDay } from '../../src/domain/phase.js';
import { buildProgress } from '../../src/domain/progress.js';
import { SUPPORT_THRESHOLDS, URGENT_THRESHOLDS, type ThresholdResult } from '../../src/domain/thresholds.js';
import { tipsForNight } from '../../src/domain/tips.js';
import { PHASE_IDS, type PhaseId } from '../../src/domain/types.js';
import type { UserProfile } from '../../src/storage/users.js';

/**
 * PRODUCT.md "Message budgets", in both languages: every message rendered at its longest (all
 * flags, every threshold, the longest phase and tips, Spanish) against the table.
 *
 * | message                              | at most                  |
 * | check-in reply, no warning           | 10 lines, 700 characters |
 * | check-in reply with a support warning| 14 lines, 1,000 characters |
 * | crisis message                       | 10 lines, 700 characters |
 * | night companion, each step           | 6 lines, 450 characters  |
 * | /help                                | 16 lines, 900 characters |
 * | any other message                    | 900 characters (/privacy 1,200) |
 *
 * Lines are counted as the phone shows them apart: every "\n", blank lines included.
 */
const ANY_OTHER = 900;
const PRIVACY = 1200;

const i18n = createI18n('en');
const tr = (locale: string): Translate => (key, vars) => i18n.t(locale, key, vars);

const LONGEST_NIGHT = { hours: 8.5, quality: 5, restlessness: 2, anxiety: 10 } as const;
const ALL_SIGNS: ThresholdResult = { support: [...SUPPORT_THRESHOLDS], urgent: [...URGENT_THRESHOLDS] };
const NO_SIGNS: ThresholdResult = { support: [], urgent: [] };

/** Every (phase, day) a reply can be for: using/preparing (no day) and days 0–120, milestones included. */
const DAYS: Array<{ phase: PhaseId; day: number | null }> = [
  { phase: 'using', day: null },
  { phase: 'preparing', day: null },
  ...Array.from({ length: 121 }, (_, day) => ({ phase: phaseForDay(day), day })),
];

function outcome(phase: PhaseId, day: number | null, tipIds: string[], thresholds: ThresholdResult, country = 'US'): CheckinOutcome {
  return {
    night: {
      date: '2026-03-31',
      ...LONGEST_NIGHT,
      flags: thresholds.urgent.length ? ['cant-function', 'unstable', 'urge'] : [],
      tipIds,
      complete: true,
    } as unknown as CheckinOutcome['night'],
    day: day === null ? null : day + 100, // three-digit night numbers: the longest summary
    phase,
    tipIds,
    thresholds,
    recentHours: [8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5],
    previousWeekHours: [8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5],
    country,
  };
}

/** The two longest tips a reply can carry for this night (tips are for tonight, night day + 1). */
function longestTips(t: Translate, phase: PhaseId, day: number | null): string[] {
  return tipsForNight(phase, day === null ? null : day + 1)
    .map((tip) => tip.id)
    .sort((a, b) => t(`tip-${b}`).length - t(`tip-${a}`).length)
    .slice(0, 2);
}

function withinBudget(text: string, budget: { lines?: number; chars: number }, what: string): void {
  const m = measure(text);
  expect(m.chars, `${what}: ${m.chars} characters\n${text}`).toBeLessThanOrEqual(budget.chars);
  if (budget.lines !== undefined) expect(m.lines, `${what}: ${m.lines} lines\n${text}`).toBeLessThanOrEqual(budget.lines);
}

describe.each(SUPPORTED_LOCALES)('message budgets in %s', (locale) => {
  const t = tr(locale);

  it('check-in reply without a warning: ≤ 10 lines, 700 characters, at every phase and milestone', () => {
    let longest = 0;
    for (const { phase, day } of DAYS) {
      const tips = longestTips(t, phase, day);
      // The milestone line appears on its own day; render each milestone day's reply as well.
      for (const d of day !== null && (MILESTONE_DAYS as readonly number[]).includes(day) ? [day - 100] : [day === null ? null : day]) {
        const o = outcome(phase, d, tips, NO_SIGNS);
        const text = renderCheckinReply(t, o);
        withinBudget(text, CHECKIN_REPLY_BUDGET, `${phase} day ${day}`);
        longest = Math.max(longest, measure(text).chars);
      }
    }
    expect(longest).toBeGreaterThan(300); // the renderer really printed tips
  });

  it('check-in reply with every warning sign at once: ≤ 14 lines, 1,000 characters', () => {
    for (const { phase, day } of DAYS) {
      const tips = longestTips(t, phase, day);
      const milestoneDay = day !== null && (MILESTONE_DAYS as readonly number[]).includes(day) ? day - 100 : day;
      for (const signs of [ALL_SIGNS, { support: [...SUPPORT_THRESHOLDS], urgent: [] }, { support: [], urgent: [...URGENT_THRESHOLDS] }]) {
        const text = renderCheckinReply(t, outcome(phase, milestoneDay, tips, signs));
        withinBudget(text, CHECKIN_WARNING_REPLY_BUDGET, `${phase} day ${day} with warning`);
        // The warning never carries "what's normal now" (issue 13: cheerful lines after 1-hour nights).
        expect(text).not.toContain(t('status-expect-title'));
      }
    }
  });

  it('the details behind the reply’s buttons: any other message, ≤ 900 characters', () => {
    for (const phase of PHASE_IDS) {
      for (const view of ['normal', 'week', 'help'] as const) {
        for (const country of ['US', 'OTHER']) {
          withinBudget(checkinDetailText(t, outcome(phase, 50, [], ALL_SIGNS, country), view), { chars: ANY_OTHER }, `${view} ${phase} ${country}`);
        }
      }
    }
  });

  it('the evening wind-down and the morning prompt: ≤ 900 characters', () => {
    for (const { phase, day } of DAYS) {
      const profile = profileFor(locale, phase, day);
      withinBudget(windDownMessage(t, profile, '2026-03-31').text, { chars: ANY_OTHER }, `wind-down ${phase} ${day}`);
    }
    withinBudget(morningPrompt(t, '2026-03-31').text, { chars: ANY_OTHER }, 'morning prompt');
  });

  it('/progress caption and the Sunday summary: ≤ 900 characters', () => {
    const nights = Array.from({ length: 44 }, (_, i) => ({ date: addDays('2026-03-31', -i), hours: (i % 9) + 0.5, quality: (i % 5) + 1 }));
    for (const windowDays of [14, 30] as const) {
      const data = buildProgress({ nights, today: '2026-03-31', windowDays, status: 'stopped', lastDoseDate: '2026-02-01', quitDate: null, relapseDates: ['2026-03-10'], originalLastDoseDate: '2026-01-01' });
      withinBudget(progressCaption(t, data), { chars: ANY_OTHER }, `caption ${windowDays}`);
      for (const phase of PHASE_IDS) {
        const text = [t('weekly-title'), t('winddown-night', { night: 100, phase: t(`phase-${phase}-name`) }), ...weeklyLines(t, data, phase, new Set())].join('\n\n');
        withinBudget(text, { chars: ANY_OTHER }, `weekly ${phase}`);
      }
    }
  });

  it('/start status and the settings message: ≤ 900 characters', () => {
    for (const { phase, day } of DAYS.filter((_, i) => i % 7 === 0 || i < 3)) {
      const profile = profileFor(locale, phase, day);
      withinBudget(statusMessage(t, profile, new Date('2026-03-31T12:00:00Z'), { firstTips: true }), { chars: ANY_OTHER }, `status ${phase}`);
      withinBudget(settingsText(t, profile, new Date('2026-03-31T12:00:00Z'), t('settings-title')), { chars: ANY_OTHER }, `settings ${phase}`);
    }
  });

  it('every single message in locales/ with long values: ≤ 900 characters (/privacy 1,200)', () => {
    for (const { key } of localeKeys(locale)) {
      const limit = key.startsWith('privacy') ? PRIVACY : ANY_OTHER;
      for (const vars of [LONG_TEXT_VARS, LONG_NUMBER_VARS]) {
        let text: string;
        try {
          text = i18n.t(locale, key, vars as never);
        } catch {
          continue; // e.g. DATETIME given a string: the other set of values renders it
        }
        withinBudget(text, { chars: limit }, key);
      }
    }
  });

  // /help and every crisis message are measured at their longest, for every country, in
  // test/unit/crisis-messages.test.ts.
  // The night companion's steps (6 lines, 450 characters) are measured for every phase and
  // country in test/unit/night-messages.test.ts.
});

/** A profile at `day` days since the last dose (or using / planning). */
function profileFor(locale: string, phase: PhaseId, day: number | null): UserProfile {
  return {
    id: 1,
    locale,
    consentAt: '2026-01-01T00:00:00Z',
    status: phase === 'using' ? 'using' : phase === 'preparing' ? 'planning' : 'stopped',
    lastDoseDate: day === null ? null : addDays('2026-03-31', -day),
    quitDate: phase === 'preparing' ? '2026-09-30' : null,
    timeZone: 'America/Argentina/ComodRivadavia',
    morningTime: '08:00',
    eveningTime: '22:00',
    country: 'US',
    morningEnabled: true,
    eveningEnabled: true,
    onboardedAt: '2026-01-01T00:00:00Z',
    blockedAt: null,
  };
}

/** Values for any variable: 30 characters of text (a long phase or zone name), a date for dates. */
const LONG_TEXT_VARS = new Proxy({}, {
  get: (_t, k) => (k === 'date' ? new Date(2026, 8, 30, 12) : typeof k === 'string' ? 'X'.repeat(30) : undefined),
  has: () => true,
});
/** The same with a large number, so plural variants are measured too. */
const LONG_NUMBER_VARS = new Proxy({}, {
  get: (_t, k) => (k === 'date' ? new Date(2026, 8, 30, 12) : typeof k === 'string' ? 123_456 : undefined),
  has: () => true,
});

function localeKeys(locale: string): Array<{ key: string; file: string }> {
  const dir = join(LOCALES_DIR, locale);
  return readdirSync(dir).flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .flatMap((line) => /^([a-z][a-z0-9-]*) =/.exec(line)?.[1] ?? [])
      .map((key) => ({ key, file })),
  );
}

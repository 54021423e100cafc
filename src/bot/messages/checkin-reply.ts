import type { ThresholdResult } from '../../domain/thresholds.js';
import type { NightRecord, PhaseId } from '../../domain/types.js';
import { crisisResources } from './help.js';
import type { Translate } from './translate.js';
import { warningMessage } from './warning.js';
import { wakesLine } from './night.js';

/** Everything the reply to a finished check-in needs, as plain data. */
export interface CheckinOutcome {
  night: NightRecord;
  day: number | null;
  phase: PhaseId;
  tipIds: string[];
  thresholds: ThresholdResult;
  /** Hours of the last 7 nights, oldest first, ending with this one; null where none recorded. */
  recentHours: (number | null)[];
  country: string;
  /** Local times ("03:05") the user was awake in this night and opened the night companion. */
  wakes?: string[];
}

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One bar per night: 0 h is the lowest bar, 9 h or more the highest; a missing night is "·". */
export function sparkline(hours: readonly (number | null)[]): string {
  return hours
    .map((h) => (h === null ? '·' : BARS[Math.min(BARS.length - 1, Math.round((Math.min(h, 9) / 9) * (BARS.length - 1)))]))
    .join(' ');
}

export function averageHours(hours: readonly (number | null)[]): number | null {
  const known = hours.filter((h): h is number => h !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
}

/** "Night 4 · ~3 h · Poor · restless: Moderate · anxiety 6/10" */
export function summaryLine(t: Translate, outcome: CheckinOutcome): string {
  const { night, day } = outcome;
  const parts = [day !== null ? t('checkin-summary-night', { day }) : t('checkin-summary-last-night')];
  if (night.hours !== null) parts.push(t('checkin-summary-hours', { hours: Math.round(night.hours * 2) / 2 }));
  if (night.quality !== null) parts.push(t(`checkin-quality-${night.quality}`));
  if (night.restlessness !== null) parts.push(t('checkin-summary-restless', { level: t(`checkin-restless-${night.restlessness}`) }));
  if (night.anxiety !== null) parts.push(t('checkin-summary-anxiety', { anxiety: night.anxiety }));
  return parts.join(' · ');
}

/**
 * The reply, in PRODUCT.md's order: crisis block if flagged, support warning if a threshold
 * holds, the one-line summary, what is normal in this phase, 2–3 tips, the last 7 nights.
 */
export function renderCheckinReply(t: Translate, outcome: CheckinOutcome): string {
  const sections: string[] = [];
  if (outcome.night.flags.includes('self-harm')) sections.push(`${t('crisis-intro')}\n\n${crisisResources(t, outcome.country)}`);
  const warning = warningMessage(t, outcome.thresholds);
  if (warning) sections.push(warning);
  const wakes = wakesLine(t, outcome.wakes ?? []);
  sections.push([t('checkin-thanks'), summaryLine(t, outcome), ...(wakes ? [wakes] : [])].join('\n'));
  sections.push(`${t('status-expect-title')}\n${t(`phase-${outcome.phase}-expect`)}`);
  sections.push(`${t('checkin-tips-title')}\n${outcome.tipIds.map((id) => t(`tip-${id}`)).join('\n')}`);
  const avg = averageHours(outcome.recentHours);
  sections.push(
    [
      avg === null ? t('checkin-glance-title-empty') : t('checkin-glance-title', { avg: Math.round(avg * 10) / 10 }),
      sparkline(outcome.recentHours),
      t('checkin-glance-legend'),
    ].join('\n'),
  );
  return sections.join('\n\n');
}

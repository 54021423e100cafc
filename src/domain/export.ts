import { isPreviousAttempt } from './attempts.js';
import { toCsv, type CsvValue } from './csv.js';
import type { CheckinFlag, LocalDate, NightAnswers } from './types.js';

/** The profile fields that go into an export (a stored UserProfile has all of them). */
export interface ExportProfile {
  id: number;
  locale: string;
  status: string | null;
  lastDoseDate: LocalDate | null;
  quitDate: LocalDate | null;
  timeZone: string | null;
  morningTime: string;
  eveningTime: string;
  morningEnabled: boolean;
  eveningEnabled: boolean;
  country: string;
  consentAt: string;
  onboardedAt: string | null;
}

/** A crisis response that was shown (never the words that led to it). */
export interface ExportCrisisEvent {
  at: Date;
  level: string;
  source: string;
}

export interface ExportNight extends NightAnswers {
  date: LocalDate;
  complete: boolean;
  tipIds: readonly string[];
}

/**
 * Column names are fixed English identifiers in every language, so a spreadsheet or script
 * reads any user's export the same way. Night columns come first; the profile columns are
 * repeated on every row, which keeps the file a single table with one header row.
 */
export const EXPORT_COLUMNS = [
  'date',
  'complete',
  'hours_slept',
  'sleep_quality_1_5',
  'restlessness_0_3',
  'anxiety_0_10',
  'flags',
  'tips_shown',
  'previous_attempt',
  'telegram_user_id',
  'language',
  'status',
  'last_dose_date',
  'quit_date',
  'relapse_dates',
  'time_zone',
  'morning_time',
  'evening_time',
  'morning_checkins_on',
  'evening_reminders_on',
  'help_country',
  'consent_at',
  'onboarded_at',
  'crisis_responses',
] as const;

/** Lists inside one cell are separated by ";" so they never need quoting. */
const list = (items: readonly string[]): string => items.join(';');

/**
 * The user's data as one CSV table: a header row, then one row per night, oldest first. A user
 * with no nights still gets one row, with the night columns empty, so their profile is exported.
 */
export function buildExportCsv(
  profile: ExportProfile,
  nights: readonly ExportNight[],
  relapseDates: readonly LocalDate[],
  crisisEvents: readonly ExportCrisisEvent[] = [],
): string {
  const profileCells: CsvValue[] = [
    profile.id,
    profile.locale,
    profile.status,
    profile.lastDoseDate,
    profile.quitDate,
    list([...relapseDates].sort()),
    profile.timeZone,
    profile.morningTime,
    profile.eveningTime,
    profile.morningEnabled,
    profile.eveningEnabled,
    profile.country,
    profile.consentAt,
    profile.onboardedAt,
    // "2026-12-01T03:12:00.000Z crisis text": when a crisis response was shown, its level and source.
    list(crisisEvents.map((e) => `${e.at.toISOString()} ${e.level} ${e.source}`)),
  ];
  const nightRows: CsvValue[][] = [...nights]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((night) => [
      night.date,
      night.complete,
      night.hours,
      night.quality,
      night.restlessness,
      night.anxiety,
      list(night.flags as readonly CheckinFlag[]),
      list(night.tipIds),
      isPreviousAttempt(night.date, relapseDates),
      ...profileCells,
    ]);
  const rows = nightRows.length > 0 ? nightRows : [[...Array<CsvValue>(9).fill(null), ...profileCells]];
  return toCsv([[...EXPORT_COLUMNS], ...rows]);
}

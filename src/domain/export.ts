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
  'night_wakes',
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

/** A wake on a night: its local time and the night companion's buttons tapped (ids). */
export interface ExportWake {
  nightDate: LocalDate;
  localTime: string;
  steps: readonly string[];
}

/** The night columns, before the profile's: what an empty row leaves blank. */
const NIGHT_COLUMN_COUNT = EXPORT_COLUMNS.indexOf('telegram_user_id');

/** "03:05 body+urge" — a wake's time, then the buttons tapped, if any. */
const wakeCell = (wake: ExportWake): string => (wake.steps.length ? `${wake.localTime} ${wake.steps.join('+')}` : wake.localTime);

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
  wakes: readonly ExportWake[] = [],
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
  // A night with wakes but no check-in still gets its row, with the answers empty.
  const dates = [...new Set([...nights.map((n) => n.date), ...wakes.map((w) => w.nightDate)])].sort();
  const nightRows: CsvValue[][] = dates.map((date) => {
    const night = nights.find((n) => n.date === date);
    const wakesCell = list(wakes.filter((w) => w.nightDate === date).map(wakeCell));
    return [
      date,
      night ? night.complete : null,
      night?.hours ?? null,
      night?.quality ?? null,
      night?.restlessness ?? null,
      night?.anxiety ?? null,
      night ? list(night.flags as readonly CheckinFlag[]) : null,
      night ? list(night.tipIds) : null,
      isPreviousAttempt(date, relapseDates),
      wakesCell,
      ...profileCells,
    ];
  });
  const rows = nightRows.length > 0 ? nightRows : [[...Array<CsvValue>(NIGHT_COLUMN_COUNT).fill(null), ...profileCells]];
  return toCsv([[...EXPORT_COLUMNS], ...rows]);
}

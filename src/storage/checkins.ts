import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';
import { CHECKIN_FLAGS, type CheckinFlag, type LocalDate, type NightAnswers, type NightRecord } from '../domain/types.js';

/** The answer columns a draft can hold; each is written the moment it is answered. */
export type AnswerField = 'hours' | 'quality' | 'restlessness' | 'anxiety';
const ANSWER_FIELDS: readonly AnswerField[] = ['hours', 'quality', 'restlessness', 'anxiety'];

export interface CheckinDraft extends NightAnswers {
  userId: number;
  date: LocalDate;
  /** The user confirmed redoing a day that was already complete. */
  replaces: boolean;
}

export interface StoredNight extends NightRecord {
  tipIds: string[];
  complete: boolean;
}

interface AnswerRow {
  date: string;
  hours: number | null;
  quality: number | null;
  restlessness: number | null;
  anxiety: number | null;
  flags: string;
}

const parseFlags = (text: string): CheckinFlag[] =>
  text
    .split(',')
    .filter((f): f is CheckinFlag => (CHECKIN_FLAGS as readonly string[]).includes(f));

/** Flags are stored in the catalogue's order, whatever order they were tapped in. */
const formatFlags = (flags: readonly CheckinFlag[]): string => CHECKIN_FLAGS.filter((f) => flags.includes(f)).join(',');

const answersOf = (row: AnswerRow): NightAnswers => ({
  hours: row.hours,
  quality: row.quality,
  restlessness: row.restlessness,
  anxiety: row.anxiety,
  flags: parseFlags(row.flags),
});

/**
 * Morning check-ins. A check-in lives in `checkin_drafts` while it is being answered and moves
 * to `checkins` in one transaction when it completes, so redoing a day replaces the old answers
 * only once the new ones are all there.
 */
export class CheckinStore {
  private readonly draftOf;
  private readonly nightOf;
  private readonly nightsBetween;
  private readonly startDraftStmt;
  private readonly deleteDraftStmt;
  private readonly setFlagsStmt;
  private readonly upsertNight;
  private readonly keepPartialNight;
  private readonly setAnswer: Record<AnswerField, Statement<[number, string, number]>>;

  constructor(private readonly db: Db) {
    this.draftOf = db.prepare<[number], AnswerRow & { user_id: number; replaces: number }>(
      'SELECT * FROM checkin_drafts WHERE user_id = ?',
    );
    this.nightOf = db.prepare<[number, string], AnswerRow & { tip_ids: string; completed_at: string | null }>(
      'SELECT * FROM checkins WHERE user_id = ? AND date = ?',
    );
    this.nightsBetween = db.prepare<[number, string, string], AnswerRow & { tip_ids: string; completed_at: string | null }>(
      'SELECT * FROM checkins WHERE user_id = ? AND date >= ? AND date <= ? ORDER BY date',
    );
    this.startDraftStmt = db.prepare(
      `INSERT INTO checkin_drafts (user_id, date, replaces, started_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET date = excluded.date, hours = NULL, quality = NULL,
         restlessness = NULL, anxiety = NULL, flags = '', replaces = excluded.replaces,
         started_at = excluded.started_at, updated_at = excluded.updated_at`,
    );
    this.deleteDraftStmt = db.prepare('DELETE FROM checkin_drafts WHERE user_id = ?');
    this.setFlagsStmt = db.prepare('UPDATE checkin_drafts SET flags = ?, updated_at = ? WHERE user_id = ?');
    this.setAnswer = Object.fromEntries(
      ANSWER_FIELDS.map((field) => [
        field,
        db.prepare<[number, string, number]>(`UPDATE checkin_drafts SET ${field} = ?, updated_at = ? WHERE user_id = ?`),
      ]),
    ) as Record<AnswerField, Statement<[number, string, number]>>;
    this.upsertNight = db.prepare(
      `INSERT INTO checkins (user_id, date, hours, quality, restlessness, anxiety, flags, tip_ids, completed_at, created_at, updated_at)
       VALUES (@userId, @date, @hours, @quality, @restlessness, @anxiety, @flags, @tipIds, @completedAt, @now, @now)
       ON CONFLICT (user_id, date) DO UPDATE SET hours = excluded.hours, quality = excluded.quality,
         restlessness = excluded.restlessness, anxiety = excluded.anxiety, flags = excluded.flags,
         tip_ids = excluded.tip_ids, completed_at = excluded.completed_at, updated_at = excluded.updated_at`,
    );
    this.keepPartialNight = db.prepare(
      `INSERT INTO checkins (user_id, date, hours, quality, restlessness, anxiety, flags, completed_at, created_at, updated_at)
       VALUES (@userId, @date, @hours, @quality, @restlessness, @anxiety, @flags, NULL, @now, @now)
       ON CONFLICT (user_id, date) DO NOTHING`,
    );
  }

  draft(userId: number): CheckinDraft | null {
    const row = this.draftOf.get(userId);
    return row ? { userId, date: row.date, replaces: row.replaces === 1, ...answersOf(row) } : null;
  }

  /** Starts (or restarts) the draft for `date`, with no answers yet. */
  startDraft(userId: number, date: LocalDate, replaces: boolean, now: Date): CheckinDraft {
    this.startDraftStmt.run(userId, date, replaces ? 1 : 0, now.toISOString(), now.toISOString());
    return this.draft(userId)!;
  }

  saveAnswer(userId: number, field: AnswerField, value: number, now: Date): void {
    this.setAnswer[field].run(value, now.toISOString(), userId);
  }

  saveFlags(userId: number, flags: readonly CheckinFlag[], now: Date): void {
    this.setFlagsStmt.run(formatFlags(flags), now.toISOString(), userId);
  }

  /**
   * A draft from an earlier morning that was never finished: its answers are kept as a partial
   * night (unless that night was already complete — then the unfinished redo is dropped).
   */
  settleStaleDraft(userId: number, today: LocalDate, now: Date): void {
    const draft = this.draft(userId);
    if (!draft || draft.date >= today) return;
    this.db.transaction(() => {
      const hasAnswers = draft.hours !== null || draft.quality !== null || draft.restlessness !== null || draft.anxiety !== null || draft.flags.length > 0;
      if (hasAnswers) this.keepPartialNight.run(nightParams(draft, now));
      this.deleteDraftStmt.run(userId);
    })();
  }

  /** Moves the finished draft into `checkins`, replacing that date's night, in one transaction. */
  complete(userId: number, tipIds: readonly string[], now: Date): NightRecord {
    return this.db.transaction(() => {
      const draft = this.draft(userId);
      if (!draft) throw new Error('no check-in in progress');
      this.upsertNight.run({ ...nightParams(draft, now), tipIds: tipIds.join(','), completedAt: now.toISOString() });
      this.deleteDraftStmt.run(userId);
      const { userId: _u, replaces: _r, ...night } = draft;
      return night;
    })();
  }

  discardDraft(userId: number): void {
    this.deleteDraftStmt.run(userId);
  }

  night(userId: number, date: LocalDate): StoredNight | null {
    const row = this.nightOf.get(userId, date);
    return row ? toNight(row) : null;
  }

  /** Nights dated from `from` to `to` inclusive, oldest first. */
  nights(userId: number, from: LocalDate, to: LocalDate): StoredNight[] {
    return this.nightsBetween.all(userId, from, to).map(toNight);
  }
}

function nightParams(draft: CheckinDraft, now: Date) {
  return {
    userId: draft.userId,
    date: draft.date,
    hours: draft.hours,
    quality: draft.quality,
    restlessness: draft.restlessness,
    anxiety: draft.anxiety,
    flags: formatFlags(draft.flags),
    now: now.toISOString(),
  };
}

function toNight(row: AnswerRow & { tip_ids: string; completed_at: string | null }): StoredNight {
  return {
    date: row.date,
    ...answersOf(row),
    tipIds: row.tip_ids ? row.tip_ids.split(',') : [],
    complete: row.completed_at !== null,
  };
}

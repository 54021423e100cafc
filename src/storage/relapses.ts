import type { Db } from './db.js';
import type { LocalDate } from '../domain/types.js';

/**
 * Relapses recorded with /used. Recording one also restarts the day count (status `stopped`,
 * `last_dose_date` = the new date) in the same transaction, so the two never disagree.
 */
export class RelapseStore {
  private readonly insertStmt;
  private readonly datesStmt;
  private readonly restartCountStmt;
  private readonly recordTx;
  private readonly originalStmt;

  constructor(db: Db) {
    // Reads the last-dose date being replaced, so the earlier attempt keeps its day 0.
    this.insertStmt = db.prepare(
      `INSERT INTO relapses (user_id, date, previous_last_dose_date, recorded_at)
       SELECT id, ?, last_dose_date, ? FROM users WHERE id = ?`,
    );
    this.originalStmt = db
      .prepare<[number], string | null>(
        'SELECT previous_last_dose_date FROM relapses WHERE user_id = ? ORDER BY recorded_at, rowid LIMIT 1',
      )
      .pluck();
    this.datesStmt = db.prepare<[number], string>('SELECT DISTINCT date FROM relapses WHERE user_id = ? ORDER BY date').pluck();
    this.restartCountStmt = db.prepare(
      "UPDATE users SET status = 'stopped', last_dose_date = ?, updated_at = ? WHERE id = ?",
    );
    this.recordTx = db.transaction((userId: number, date: LocalDate, now: Date) => {
      const inserted = this.insertStmt.run(date, now.toISOString(), userId).changes;
      if (inserted === 0) throw new Error(`user ${userId} does not exist`);
      this.restartCountStmt.run(date, now.toISOString(), userId);
    });
  }

  /** Stores the relapse and restarts the day count from `date` (the new last-dose date). */
  record(userId: number, date: LocalDate, now: Date): void {
    this.recordTx(userId, date, now);
  }

  /** The last-dose date before the first relapse (day 0 of the first attempt), if any was set. */
  originalLastDoseDate(userId: number): LocalDate | null {
    return this.originalStmt.get(userId) ?? null;
  }

  /** The user's relapse dates (new last-dose dates), oldest first, without repeats. */
  dates(userId: number): LocalDate[] {
    return this.datesStmt.all(userId);
  }
}

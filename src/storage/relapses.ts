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

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO relapses (user_id, date, recorded_at) VALUES (?, ?, ?)');
    this.datesStmt = db.prepare<[number], string>('SELECT DISTINCT date FROM relapses WHERE user_id = ? ORDER BY date').pluck();
    this.restartCountStmt = db.prepare(
      "UPDATE users SET status = 'stopped', last_dose_date = ?, updated_at = ? WHERE id = ?",
    );
    this.recordTx = db.transaction((userId: number, date: LocalDate, now: Date) => {
      const changed = this.restartCountStmt.run(date, now.toISOString(), userId).changes;
      if (changed === 0) throw new Error(`user ${userId} does not exist`);
      this.insertStmt.run(userId, date, now.toISOString());
    });
  }

  /** Stores the relapse and restarts the day count from `date` (the new last-dose date). */
  record(userId: number, date: LocalDate, now: Date): void {
    this.recordTx(userId, date, now);
  }

  /** The user's relapse dates (new last-dose dates), oldest first, without repeats. */
  dates(userId: number): LocalDate[] {
    return this.datesStmt.all(userId);
  }
}

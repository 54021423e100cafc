import type { Db } from './db.js';
import { isNightStep, withStep, type NightStep, type WakeTrigger } from '../domain/night-companion.js';
import type { LocalDate, LocalTime } from '../domain/types.js';

export interface NightWake {
  id: number;
  nightDate: LocalDate;
  localTime: LocalTime;
  openedAt: Date;
  trigger: WakeTrigger;
  steps: NightStep[];
}

interface WakeRow {
  id: number;
  night_date: string;
  local_time: string;
  opened_at: string;
  trigger: WakeTrigger;
  steps: string;
}

const toWake = (row: WakeRow): NightWake => ({
  id: row.id,
  nightDate: row.night_date,
  localTime: row.local_time,
  openedAt: new Date(row.opened_at),
  trigger: row.trigger,
  steps: row.steps.split(',').filter(isNightStep),
});

/**
 * Night wakes: when the user opened the night companion, on which night, and which of its
 * buttons they tapped. Never any text they typed.
 */
export class WakeStore {
  private readonly insertStmt;
  private readonly latestStmt;
  private readonly byIdStmt;
  private readonly setStepsStmt;
  private readonly betweenStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      'INSERT INTO night_wakes (user_id, night_date, local_time, opened_at, trigger) VALUES (?, ?, ?, ?, ?)',
    );
    this.latestStmt = db.prepare<[number, string], WakeRow>(
      'SELECT * FROM night_wakes WHERE user_id = ? AND night_date = ? ORDER BY opened_at DESC, id DESC LIMIT 1',
    );
    this.byIdStmt = db.prepare<[number, number], WakeRow>('SELECT * FROM night_wakes WHERE user_id = ? AND id = ?');
    this.setStepsStmt = db.prepare('UPDATE night_wakes SET steps = ? WHERE user_id = ? AND id = ?');
    this.betweenStmt = db.prepare<[number, string, string], WakeRow>(
      'SELECT * FROM night_wakes WHERE user_id = ? AND night_date >= ? AND night_date <= ? ORDER BY night_date, opened_at, id',
    );
  }

  /**
   * Records an opening of the companion: a new wake, unless the last wake of the same night was
   * opened less than `sameWakeMs` ago — then that wake is returned (one wake, however many
   * messages it took).
   */
  open(
    userId: number,
    wake: { nightDate: LocalDate; localTime: LocalTime; trigger: WakeTrigger },
    now: Date,
    sameWakeMs: number,
  ): NightWake {
    return this.db.transaction(() => {
      const latest = this.latestStmt.get(userId, wake.nightDate);
      if (latest) {
        const age = now.getTime() - new Date(latest.opened_at).getTime();
        if (age >= 0 && age < sameWakeMs) return toWake(latest);
      }
      const id = Number(this.insertStmt.run(userId, wake.nightDate, wake.localTime, now.toISOString(), wake.trigger).lastInsertRowid);
      return toWake(this.byIdStmt.get(userId, id)!);
    })();
  }

  /** Notes a tapped button on the user's wake; false when there is no such wake (erased, or not theirs). */
  addStep(userId: number, wakeId: number, step: NightStep): boolean {
    return this.db.transaction(() => {
      const row = this.byIdStmt.get(userId, wakeId);
      if (!row) return false;
      const steps = withStep(toWake(row).steps, step);
      this.setStepsStmt.run(steps.join(','), userId, wakeId);
      return true;
    })();
  }

  /** Wakes on the nights dated `from` to `to` inclusive, in the order they happened. */
  between(userId: number, from: LocalDate, to: LocalDate): NightWake[] {
    return this.betweenStmt.all(userId, from, to).map(toWake);
  }

  forNight(userId: number, nightDate: LocalDate): NightWake[] {
    return this.between(userId, nightDate, nightDate);
  }
}

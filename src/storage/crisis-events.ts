import type { Db } from './db.js';

/** What kind of response was shown: the crisis message, the Concern question, or help for someone else. */
export type CrisisEventLevel = 'crisis' | 'concern' | 'other';
/** What led to it: the check-in flag, free text, or an answer to the bot's question. */
export type CrisisEventSource = 'flag' | 'text' | 'answer';

export interface CrisisEvent {
  at: Date;
  level: CrisisEventLevel;
  source: CrisisEventSource;
}

/**
 * That a crisis response was shown — when, which level, from what — and nothing else: never
 * the words that led to it. Only for users who consented (the `users` row exists): someone who
 * has not agreed to storage still gets every response, but nothing is written about them.
 */
export class CrisisEventStore {
  private readonly insertStmt;
  private readonly listStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO crisis_events (user_id, at, level, source)
       SELECT @userId, @at, @level, @source WHERE EXISTS (SELECT 1 FROM users WHERE id = @userId)`,
    );
    this.listStmt = db.prepare<[number], { at: string; level: CrisisEventLevel; source: CrisisEventSource }>(
      'SELECT at, level, source FROM crisis_events WHERE user_id = ? ORDER BY at, rowid',
    );
  }

  /** Returns false when nothing was written (no consent, so no users row). */
  record(userId: number, event: CrisisEvent): boolean {
    return this.insertStmt.run({ userId, at: event.at.toISOString(), level: event.level, source: event.source }).changes === 1;
  }

  list(userId: number): CrisisEvent[] {
    return this.listStmt.all(userId).map((row) => ({ at: new Date(row.at), level: row.level, source: row.source }));
  }
}

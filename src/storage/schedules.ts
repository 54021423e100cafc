import type { Db } from './db.js';
import type { ReminderKind } from '../domain/reminders.js';
import type { LocalDate } from '../domain/types.js';

/**
 * What became of one reminder:
 * - `claimed`: taken by a send that has not reported back (left so by a crash mid-send: at most
 *   once means it is not retried);
 * - `sent`, `failed` (Telegram refused, or gave up after retries);
 * - `missed`: found more than 2 hours after its time (the bot was down);
 * - `skipped`: nothing to say (already checked in today);
 * - `blocked`: the user blocked the bot (marked, or Telegram answered 403).
 */
export type DeliveryStatus = 'claimed' | 'sent' | 'missed' | 'skipped' | 'failed' | 'blocked';

/** The statuses a claim can write; `sent` and `failed` only ever follow a `claimed`. */
export type ClaimStatus = Extract<DeliveryStatus, 'claimed' | 'missed' | 'skipped' | 'blocked'>;

export interface DueReminder {
  userId: number;
  kind: ReminderKind;
  dueAt: Date;
}

/** Where a paged read of the due rows stopped: the last row's key in the due index. */
export interface DueCursor {
  dueAt: string;
  userId: number;
  kind: ReminderKind;
}

export interface DuePageRow extends DueReminder {
  cursor: DueCursor;
}

export interface Delivery {
  userId: number;
  kind: ReminderKind;
  localDate: LocalDate;
  dueAt: Date;
  status: DeliveryStatus;
  messageId: number | null;
}

export interface Claim {
  userId: number;
  kind: ReminderKind;
  /** The occurrence being handled: the `next_due_at` read from `due()`. */
  dueAt: Date;
  /** The ledger key: the local date the reminder belongs to. */
  localDate: LocalDate;
  /** Where the schedule moves on to; null removes it (a snooze happens once). */
  next: Date | null;
  status: ClaimStatus;
  now: Date;
}

interface DueRow {
  user_id: number;
  kind: ReminderKind;
  next_due_at: string;
}

interface DeliveryRow {
  user_id: number;
  kind: ReminderKind;
  local_date: string;
  due_at: string;
  status: DeliveryStatus;
  message_id: number | null;
}

/**
 * Reminder schedules and the delivery ledger. Instants are stored as `toISOString()` text, whose
 * fixed width makes text order the same as time order, so the due query is an index range scan.
 */
export class ScheduleStore {
  private readonly dueStmt;
  private readonly getStmt;
  private readonly upsertStmt;
  private readonly removeStmt;
  private readonly removeAllStmt;
  private readonly advanceStmt;
  private readonly removeIfDueStmt;
  private readonly insertDeliveryStmt;
  private readonly finishStmt;
  private readonly deliveryStmt;
  private readonly claimTx;
  private readonly missingStmt;
  private readonly dueSameUserStmt;
  private readonly dueSameInstantStmt;
  private readonly dueLaterStmt;
  private readonly pruneStmt;
  private readonly userChunkEndStmt;
  private readonly missingInChunkStmt;

  constructor(private readonly db: Db) {
    this.dueStmt = db.prepare<[string, number], DueRow>(
      'SELECT user_id, kind, next_due_at FROM schedules WHERE next_due_at <= ? ORDER BY next_due_at LIMIT ?',
    );
    this.getStmt = db.prepare<[number, string], { next_due_at: string }>(
      'SELECT next_due_at FROM schedules WHERE user_id = ? AND kind = ?',
    );
    this.upsertStmt = db.prepare(
      `INSERT INTO schedules (user_id, kind, next_due_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id, kind) DO UPDATE SET next_due_at = excluded.next_due_at`,
    );
    this.removeStmt = db.prepare('DELETE FROM schedules WHERE user_id = ? AND kind = ?');
    this.removeAllStmt = db.prepare('DELETE FROM schedules WHERE user_id = ?');
    // Compare-and-set on the instant that was found due: if the schedule changed in between
    // (the user picked a new time), the claim must not overwrite the new time.
    this.advanceStmt = db.prepare('UPDATE schedules SET next_due_at = ? WHERE user_id = ? AND kind = ? AND next_due_at = ?');
    this.removeIfDueStmt = db.prepare('DELETE FROM schedules WHERE user_id = ? AND kind = ? AND next_due_at = ?');
    this.insertDeliveryStmt = db.prepare(
      `INSERT INTO deliveries (user_id, kind, local_date, due_at, status, created_at, updated_at)
       VALUES (@userId, @kind, @localDate, @dueAt, @status, @now, @now)
       ON CONFLICT (user_id, kind, local_date) DO NOTHING`,
    );
    this.finishStmt = db.prepare(
      `UPDATE deliveries SET status = @status, message_id = @messageId, updated_at = @now
       WHERE user_id = @userId AND kind = @kind AND local_date = @localDate AND status = 'claimed'`,
    );
    this.deliveryStmt = db.prepare<[number, string, string], DeliveryRow>(
      'SELECT * FROM deliveries WHERE user_id = ? AND kind = ? AND local_date = ?',
    );
    this.missingStmt = db.prepare<[], { id: number }>(
      `SELECT id FROM users u
       WHERE onboarded_at IS NOT NULL AND time_zone IS NOT NULL
         AND ((morning_enabled = 1 AND NOT EXISTS (SELECT 1 FROM schedules s WHERE s.user_id = u.id AND s.kind = 'morning'))
           OR (evening_enabled = 1 AND NOT EXISTS (SELECT 1 FROM schedules s WHERE s.user_id = u.id AND s.kind = 'evening')))`,
    );
    // Keyset paging over the covering due index (next_due_at, user_id, kind): a page is the rest
    // of the last row's user at that instant, the rest of that instant, then the later instants —
    // each a range scan of the index alone that starts where the last page stopped, so rows
    // already handed out are never read again, even when thousands share one instant.
    this.dueSameUserStmt = db.prepare<[string, number, string], DueRow>(
      `SELECT user_id, kind, next_due_at FROM schedules
       WHERE next_due_at = ? AND user_id = ? AND kind > ? ORDER BY kind`,
    );
    this.dueSameInstantStmt = db.prepare<[string, number, number], DueRow>(
      `SELECT user_id, kind, next_due_at FROM schedules
       WHERE next_due_at = ? AND user_id > ? ORDER BY user_id, kind LIMIT ?`,
    );
    this.dueLaterStmt = db.prepare<[string, string, number], DueRow>(
      `SELECT user_id, kind, next_due_at FROM schedules
       WHERE next_due_at > ? AND next_due_at <= ? ORDER BY next_due_at, user_id, kind LIMIT ?`,
    );
    this.pruneStmt = db.prepare(
      'DELETE FROM deliveries WHERE rowid IN (SELECT rowid FROM deliveries WHERE due_at < ? ORDER BY due_at LIMIT ?)',
    );
    this.userChunkEndStmt = db.prepare<[number, number], { id: number }>(
      'SELECT max(id) AS id FROM (SELECT id FROM users WHERE id > ? ORDER BY id LIMIT ?)',
    );
    this.missingInChunkStmt = db.prepare<[number, number], { id: number }>(
      `SELECT id FROM users u
       WHERE id > ? AND id <= ? AND onboarded_at IS NOT NULL AND time_zone IS NOT NULL
         AND ((morning_enabled = 1 AND NOT EXISTS (SELECT 1 FROM schedules s WHERE s.user_id = u.id AND s.kind = 'morning'))
           OR (evening_enabled = 1 AND NOT EXISTS (SELECT 1 FROM schedules s WHERE s.user_id = u.id AND s.kind = 'evening')))`,
    );
    this.claimTx = db.transaction((c: Claim): boolean => {
      const due = c.dueAt.toISOString();
      const moved =
        c.next === null
          ? this.removeIfDueStmt.run(c.userId, c.kind, due)
          : this.advanceStmt.run(c.next.toISOString(), c.userId, c.kind, due);
      if (moved.changes === 0) return false;
      const inserted = this.insertDeliveryStmt.run({
        userId: c.userId,
        kind: c.kind,
        localDate: c.localDate,
        dueAt: due,
        status: c.status,
        now: c.now.toISOString(),
      });
      return inserted.changes === 1;
    });
  }

  /** Reminders due at `now`, earliest first: one range scan of the `schedules_due` index. */
  due(now: Date, limit: number): DueReminder[] {
    return this.dueStmt
      .all(now.toISOString(), limit)
      .map((row) => ({ userId: row.user_id, kind: row.kind, dueAt: new Date(row.next_due_at) }));
  }

  /**
   * One page of the reminders due at `now`, in due order (instant, user, kind), starting after
   * `after` (null: from the earliest). Pass the last row's `cursor` to read the next page.
   */
  duePage(now: Date, after: DueCursor | null, limit: number): DuePageRow[] {
    const until = now.toISOString();
    const rows: DueRow[] = [];
    if (after && after.dueAt <= until) {
      rows.push(...this.dueSameUserStmt.all(after.dueAt, after.userId, after.kind).slice(0, limit));
      if (rows.length < limit) rows.push(...this.dueSameInstantStmt.all(after.dueAt, after.userId, limit - rows.length));
    }
    if (rows.length < limit) rows.push(...this.dueLaterStmt.all(after?.dueAt ?? '', until, limit - rows.length));
    return rows.map((row) => ({
      userId: row.user_id,
      kind: row.kind,
      dueAt: new Date(row.next_due_at),
      cursor: { dueAt: row.next_due_at, userId: row.user_id, kind: row.kind },
    }));
  }

  /**
   * Deletes up to `limit` ledger rows due before `before`, oldest first; returns how many. Small
   * batches, so pruning never holds the database (or the event loop) for long.
   */
  pruneDeliveries(before: Date, limit: number): number {
    return this.pruneStmt.run(before.toISOString(), limit).changes;
  }

  /**
   * `usersMissingSchedules`, a chunk of `chunkSize` users at a time (by id, after `afterId`), so
   * the check can run in the background in small steps. `lastId` is null once past the last user.
   */
  usersMissingSchedulesChunk(afterId: number, chunkSize: number): { missing: number[]; lastId: number | null } {
    const end = this.userChunkEndStmt.get(afterId, chunkSize)?.id ?? null;
    if (end === null) return { missing: [], lastId: null };
    return { missing: this.missingInChunkStmt.all(afterId, end).map((row) => row.id), lastId: end };
  }

  /** When the user's reminder of this kind is next due, or null when none is scheduled. */
  nextDue(userId: number, kind: ReminderKind): Date | null {
    const row = this.getStmt.get(userId, kind);
    return row ? new Date(row.next_due_at) : null;
  }

  /** Set-up users with a reminder turned on but not scheduled (e.g. set up before reminders existed). */
  usersMissingSchedules(): number[] {
    return this.missingStmt.all().map((row) => row.id);
  }

  /** Schedules (or moves) the user's reminder of this kind. */
  set(userId: number, kind: ReminderKind, dueAt: Date): void {
    this.upsertStmt.run(userId, kind, dueAt.toISOString());
  }

  remove(userId: number, kind: ReminderKind): void {
    this.removeStmt.run(userId, kind);
  }

  removeAll(userId: number): void {
    this.removeAllStmt.run(userId);
  }

  /**
   * Takes one due reminder, in one transaction: moves its schedule on (or removes it) and writes
   * its ledger row with `status`. Returns true only when this call wrote the ledger row — for a
   * `claimed` status that means "you, and nobody else ever, may send it". False means it was
   * handled before (the schedule still moves on), or the schedule changed since it was read
   * (nothing is written).
   *
   * Crash safety: the claim commits before the message is sent. A crash between the two loses
   * that one message (the row stays `claimed`) rather than risking a duplicate: at most once.
   */
  claim(claim: Claim): boolean {
    return this.claimTx(claim);
  }

  /** Records how a claimed send ended. Only a `claimed` row changes. */
  finish(
    key: { userId: number; kind: ReminderKind; localDate: LocalDate },
    status: Extract<DeliveryStatus, 'sent' | 'failed' | 'blocked'>,
    messageId: number | null,
    now: Date,
  ): void {
    this.finishStmt.run({ ...key, status, messageId, now: now.toISOString() });
  }

  delivery(userId: number, kind: ReminderKind, localDate: LocalDate): Delivery | null {
    const row = this.deliveryStmt.get(userId, kind, localDate);
    return row
      ? {
          userId: row.user_id,
          kind: row.kind,
          localDate: row.local_date,
          dueAt: new Date(row.due_at),
          status: row.status,
          messageId: row.message_id,
        }
      : null;
  }
}

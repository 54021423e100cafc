import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../storage/db.js';

/** A lease whose heartbeat is older than this is free: its holder died without letting go. */
export const LEASE_TTL_MS = 30_000;
/** How often the holder renews; three renewals fit in one TTL, so a slow disk or a GC pause does not lose it. */
export const LEASE_HEARTBEAT_MS = 10_000;

interface LeaseRow {
  holder: string;
  host: string;
  pid: number;
  heartbeat_at: number;
}

export type LeaseOutcome = { ok: true } | { ok: false; holder: { host: string; pid: number; ageMs: number } };

/**
 * One bot process per database. Two processes on one token fight over getUpdates (one goes
 * deaf) and would both send the reminders, so the second is refused at start.
 *
 * The lease is one row with a heartbeat. It is free when its heartbeat is older than
 * {@link LEASE_TTL_MS}, or when it was written on this host by a process that no longer exists
 * (a restart after `kill -9` or a crash need not wait for the TTL; in a container, where the new
 * process often has the old one's pid, that pid is our own). Times are wall-clock, not the
 * shifted bot clock.
 */
export class InstanceLease {
  readonly holder = randomUUID();
  private readonly host = hostname();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly wallClock: () => number = Date.now,
  ) {}

  /** Takes the lease if it is free; in one immediate transaction, so two starting processes cannot both win. */
  acquire(): LeaseOutcome {
    return this.db.transaction((): LeaseOutcome => {
      const now = this.wallClock();
      const row = this.db.prepare<[], LeaseRow>('SELECT holder, host, pid, heartbeat_at FROM instance_lease WHERE id = 1').get();
      if (row && row.holder !== this.holder && !this.isStale(row, now)) {
        return { ok: false, holder: { host: row.host, pid: row.pid, ageMs: now - row.heartbeat_at } };
      }
      this.db
        .prepare(
          `INSERT INTO instance_lease (id, holder, host, pid, acquired_at, heartbeat_at) VALUES (1, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, host = excluded.host, pid = excluded.pid,
             acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at`,
        )
        .run(this.holder, this.host, process.pid, now, now);
      return { ok: true };
    }).immediate();
  }

  /**
   * Renews the lease every {@link LEASE_HEARTBEAT_MS}. `onLost` is called (once) if another
   * process took it meanwhile — this one was frozen longer than the TTL — and must then stop.
   */
  keepAlive(onLost: () => void): void {
    const renew = this.db.prepare('UPDATE instance_lease SET heartbeat_at = ? WHERE id = 1 AND holder = ?');
    this.timer = setInterval(() => {
      try {
        if (renew.run(this.wallClock(), this.holder).changes === 0) {
          this.stopKeepingAlive();
          onLost();
        }
      } catch {
        /* a locked or closing database: the next beat tries again */
      }
    }, LEASE_HEARTBEAT_MS);
    this.timer.unref();
  }

  stopKeepingAlive(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Lets go at a clean stop, so the next start does not depend on the staleness rules. */
  release(): void {
    this.stopKeepingAlive();
    this.db.prepare('DELETE FROM instance_lease WHERE id = 1 AND holder = ?').run(this.holder);
  }

  private isStale(row: LeaseRow, now: number): boolean {
    if (now - row.heartbeat_at > LEASE_TTL_MS) return true;
    return row.host === this.host && (row.pid === process.pid || !processExists(row.pid));
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

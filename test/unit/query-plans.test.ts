import { describe, expect, it } from 'vitest';
import { createConversationStorage } from '../../src/storage/conversation-storage.js';
import { CheckinStore } from '../../src/storage/checkins.js';
import { openDatabase, type Db } from '../../src/storage/db.js';
import { RelapseStore } from '../../src/storage/relapses.js';
import { ScheduleStore } from '../../src/storage/schedules.js';
import { UserStore } from '../../src/storage/users.js';

/**
 * Every statement the stores prepare — which covers every query a tick or an update runs — is
 * checked with EXPLAIN QUERY PLAN: it must find its rows through an index or a primary key,
 * never scan a whole table and never sort in a temporary b-tree. So the cost of a tick follows
 * the due rows and the cost of an update follows the user's own rows, not the number of users.
 *
 * The statements are caught as the stores prepare them, so a new query cannot dodge the check.
 */
function preparedStatements(): { db: Db; sql: string[] } {
  const db = openDatabase(':memory:');
  const sql: string[] = [];
  const prepare = db.prepare.bind(db);
  (db as { prepare: unknown }).prepare = (source: string) => {
    sql.push(source);
    return prepare(source);
  };
  new UserStore(db);
  new CheckinStore(db);
  new ScheduleStore(db);
  new RelapseStore(db);
  createConversationStorage(db);
  (db as { prepare: unknown }).prepare = prepare;
  return { db, sql };
}

/** Sorts that are allowed, and why. */
const ALLOWED_SORTS: RegExp[] = [
  // Sorts only the one user's relapses (found by relapses_user), a handful of rows.
  /^SELECT previous_last_dose_date FROM relapses WHERE user_id = \? ORDER BY recorded_at, rowid LIMIT 1$/,
];

/** Full scans that are allowed, and why. */
const ALLOWED_SCANS: Record<string, RegExp> = {
  // The old all-users check, kept for callers outside the bot; start-up uses the chunked one.
  usersMissingSchedules: /^\s*SELECT id FROM users u\s+WHERE onboarded_at IS NOT NULL/,
};

function plan(db: Db, sql: string): string[] {
  const params = (sql.match(/\?/g) ?? []).length;
  const named = [...new Set(sql.match(/@\w+/g) ?? [])];
  const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (named.length > 0
    ? statement.all(Object.fromEntries(named.map((n) => [n.slice(1), null])))
    : statement.all(...Array(params).fill(null))) as Array<{ detail: string }>;
  return rows.map((row) => row.detail);
}

const { db, sql } = preparedStatements();
const checked = sql.filter((s) => !Object.values(ALLOWED_SCANS).some((allowed) => allowed.test(s)));

describe('query plans: every prepared statement uses an index', () => {
  it('catches the statements of every store (the check is not empty)', () => {
    expect(checked.length).toBeGreaterThan(25);
    expect(checked.some((s) => /FROM schedules/.test(s) && /next_due_at = \? AND user_id > \?/.test(s))).toBe(true);
    expect(checked.some((s) => /DELETE FROM deliveries WHERE rowid IN/.test(s))).toBe(true);
  });

  it.each(checked.map((s) => [s.replace(/\s+/g, ' ').trim().slice(0, 110), s]))('%s', (_name, source) => {
    const details = plan(db, source);
    expect(details.filter((d) => /^SCAN (?!\(|CONSTANT)/.test(d)), details.join(' | ')).toEqual([]);
    const sorts = details.filter((d) => /TEMP B-TREE/.test(d));
    if (ALLOWED_SORTS.some((allowed) => allowed.test(source.trim()))) {
      expect(details.join(' | ')).toMatch(/SEARCH relapses USING INDEX relapses_user \(user_id=\?\)/);
    } else {
      expect(sorts, details.join(' | ')).toEqual([]);
    }
  });

  it('pages the due rows and prunes the ledger through their own indexes', () => {
    const schedules = sql.filter((s) => /FROM schedules\s+WHERE next_due_at/.test(s));
    expect(schedules.length).toBeGreaterThanOrEqual(3);
    for (const s of schedules) expect(plan(db, s).join(' | ')).toMatch(/USING COVERING INDEX schedules_due/);
    const prune = sql.find((s) => /DELETE FROM deliveries WHERE rowid IN/.test(s))!;
    expect(plan(db, prune).join(' | ')).toMatch(/USING COVERING INDEX deliveries_due_at/);
  });
});

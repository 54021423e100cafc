import type { Db } from './db.js';

/**
 * /delete: removes every row about the user, in one transaction. Tables are found at run time
 * rather than listed, so a table added by a later migration is covered without anyone having
 * to remember this function: every table with a `user_id` column, `users` itself, and the
 * conversation state (also keyed by the private chat id, which equals the user id).
 * A test enumerates sqlite_master and fails if a table holds user data some other way.
 * Returns how many rows were removed.
 */
export function eraseUser(db: Db, userId: number): number {
  return db.transaction(() => {
    let removed = 0;
    for (const table of tablesWithUserId(db)) {
      removed += db.prepare(`DELETE FROM "${table}" WHERE user_id = ?`).run(userId).changes;
    }
    removed += db.prepare('DELETE FROM conversation_state WHERE key = ?').run(String(userId)).changes;
    removed += db.prepare('DELETE FROM users WHERE id = ?').run(userId).changes;
    return removed;
  })();
}

/** Every table (internal ones aside) that has a `user_id` column. */
export function tablesWithUserId(db: Db): string[] {
  const tables = db
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all();
  return tables.filter((table) =>
    (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).includes('user_id'),
  );
}

import type { Db } from '../../src/storage/db.js';

/** Tables that hold no data about any user. Anything else must be reachable by user. */
export const NOT_ABOUT_USERS = ['schema_migrations', 'instance_lease', 'recent_updates'];

/**
 * The user's rows in every table in the file, found through sqlite_master so a table added by a
 * future migration is counted without touching this test: by `user_id`, by `users.id`, and the
 * conversation state by its key (the private chat id). A table with none of these fails.
 */
export function userRowCounts(database: Db, userId: number): Record<string, number> {
  const tables = database
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all();
  const counts: Record<string, number> = {};
  for (const table of tables) {
    if (NOT_ABOUT_USERS.includes(table)) continue;
    const columns = database.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
    const count = (where: string, ...values: unknown[]) =>
      database.prepare(`SELECT count(*) FROM "${table}" WHERE ${where}`).pluck().get(...values) as number;
    if (table === 'users') counts[table] = count('id = ?', userId);
    else if (table === 'conversation_state') counts[table] = count('user_id = ? OR key = ?', userId, String(userId));
    else if (columns.includes('user_id')) counts[table] = count('user_id = ?', userId);
    else throw new Error(`Table ${table} has no user_id column: how would /delete find a user's rows in it?`);
  }
  return counts;
}


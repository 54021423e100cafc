import type { VersionedState, ConversationData } from '@grammyjs/conversations';
import type { Db } from './db.js';

/**
 * Keeps @grammyjs/conversations state in the same SQLite file as everything else, so a
 * conversation survives a restart and /delete can erase it with the user's other rows.
 * Keys are private chat ids, which equal the user's id.
 */
export function createConversationStorage(db: Db) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM conversation_state WHERE key = ?');
  const write = db.prepare(
    `INSERT INTO conversation_state (key, user_id, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM conversation_state WHERE key = ?');
  return {
    read(key: string): VersionedState<ConversationData> | undefined {
      const row = read.get(key);
      return row ? (JSON.parse(row.value) as VersionedState<ConversationData>) : undefined;
    },
    write(key: string, state: VersionedState<ConversationData>): void {
      // No conversation open any more: keep no row (a user who declined consent leaves nothing).
      if (Object.values(state.state).every((list) => list.length === 0)) {
        remove.run(key);
        return;
      }
      const userId = /^\d+$/.test(key) ? Number(key) : null;
      write.run(key, userId, JSON.stringify(state), new Date().toISOString());
    },
    delete(key: string): void {
      remove.run(key);
    },
  };
}

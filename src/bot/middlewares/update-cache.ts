import type { UserProfile, UserStore } from '../../storage/users.js';
import type { Deps } from '../deps.js';

/**
 * Per-update services: the same stores, except that a user is read from SQLite at most once
 * per update. The language negotiation, /help's country, welcome-back and the feature handling
 * the update all ask for the same user; before this, each of them ran the query again.
 *
 * Any write through the UserStore (from here, from a conversation, from anywhere) moves the
 * store's `generation` on, and a cached profile from an older generation is read again, so a
 * handler never sees a profile older than its own write.
 */
const forUpdate = new WeakMap<object, Deps>();

/** The per-update view of `deps` for this update (the same one for the conversation's context). */
export function depsForUpdate(deps: Deps, update: object): Deps {
  let view = forUpdate.get(update);
  if (!view) {
    view = { ...deps, users: memoisedUsers(deps.users) };
    forUpdate.set(update, view);
  }
  return view;
}

/** `store`, with `get` answered from memory while nothing was written to users since. */
export function memoisedUsers(store: UserStore): UserStore {
  const cache = new Map<number, { generation: number; profile: UserProfile | null }>();
  // Everything else (the statements, the write methods) comes from the store itself.
  const view = Object.create(store) as UserStore;
  // Writes run on the store itself (so its generation moves on, not a copy on the view).
  view.update = store.update.bind(store);
  view.createWithConsent = store.createWithConsent.bind(store);
  view.markBlocked = store.markBlocked.bind(store);
  view.clearBlocked = store.clearBlocked.bind(store);
  view.get = (id: number) => {
    const hit = cache.get(id);
    if (hit && hit.generation === store.generation) return hit.profile;
    const profile = store.get(id);
    cache.set(id, { generation: store.generation, profile });
    return profile;
  };
  return view;
}

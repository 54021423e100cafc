import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { depsForUpdate, memoisedUsers } from '../../src/bot/middlewares/update-cache.js';
import { welcomeBack } from '../../src/bot/middlewares/welcome-back.js';
import type { BotContext } from '../../src/bot/context.js';
import type { Deps } from '../../src/bot/deps.js';
import { openDatabase, type Db } from '../../src/storage/db.js';
import { UserStore } from '../../src/storage/users.js';

let dir: string;
let db: Db;
let users: UserStore;
const now = new Date('2026-11-22T14:00:00.000Z');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sn-cache-'));
  db = openDatabase(join(dir, 'bot.sqlite'));
  users = new UserStore(db);
  users.createWithConsent(7, 'es', now);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('memoisedUsers: a user is read at most once per update', () => {
  it('answers repeated reads from memory', () => {
    const reads = vi.spyOn(users, 'get');
    const view = memoisedUsers(users);
    expect(view.get(7)?.locale).toBe('es');
    expect(view.get(7)?.locale).toBe('es');
    expect(view.get(8)).toBeNull();
    expect(view.get(8)).toBeNull();
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['update through the view', (view: UserStore) => view.update(7, { locale: 'en' }, now)],
    ['update through the store itself (a conversation)', () => users.update(7, { locale: 'en' }, now)],
  ])('never returns a profile older than a write: %s', (_name, write) => {
    const view = memoisedUsers(users);
    expect(view.get(7)?.locale).toBe('es');
    write(view);
    expect(view.get(7)?.locale).toBe('en');
  });

  it('sees the block mark set and lifted', () => {
    const view = memoisedUsers(users);
    expect(view.get(7)?.blockedAt).toBeNull();
    view.markBlocked(7, now);
    expect(view.get(7)?.blockedAt).toBe(now.toISOString());
    users.clearBlocked(7, now);
    expect(view.get(7)?.blockedAt).toBeNull();
  });

  it('gives the conversation the same view as the outer middleware for one update', () => {
    const deps = { users } as Deps;
    const update = { update_id: 1 };
    expect(depsForUpdate(deps, update).users).toBe(depsForUpdate(deps, update).users);
    expect(depsForUpdate(deps, { update_id: 2 }).users).not.toBe(depsForUpdate(deps, update).users);
  });
});

describe('welcomeBack: writes only when there is a block mark to lift', () => {
  const ctxFor = (deps: Deps) =>
    ({ chat: { type: 'private', id: 7 }, from: { id: 7 }, myChatMember: undefined, deps }) as unknown as BotContext;

  it.each([
    [false, 0],
    [true, 1],
  ])('blocked %s → %i writes', async (blocked, writes) => {
    if (blocked) users.markBlocked(7, now);
    const clear = vi.spyOn(users, 'clearBlocked');
    const deps = depsForUpdate({ users, now: () => now } as Deps, {});
    const next = vi.fn(async () => {});
    await welcomeBack(ctxFor(deps), next);
    expect(clear).toHaveBeenCalledTimes(writes);
    expect(next).toHaveBeenCalledOnce();
    expect(users.get(7)?.blockedAt).toBeNull();
  });
});

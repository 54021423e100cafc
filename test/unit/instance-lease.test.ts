import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';
import { InstanceLease, LEASE_TTL_MS } from '../../src/ops/instance-lease.js';

const NOW = 1_800_000_000_000;

/** A pid that no process has (Linux pids stay far below this). */
const DEAD_PID = 2 ** 22 + 12345;

function withHolder(row: { host: string; pid: number; ageMs: number }) {
  const db = openDatabase(':memory:');
  db.prepare('INSERT INTO instance_lease (id, holder, host, pid, acquired_at, heartbeat_at) VALUES (1, ?, ?, ?, ?, ?)').run(
    'someone-else', row.host, row.pid, NOW - row.ageMs, NOW - row.ageMs,
  );
  return db;
}

describe('InstanceLease', () => {
  it('is taken on an empty database, and renewed by the same holder', () => {
    const db = openDatabase(':memory:');
    const lease = new InstanceLease(db, () => NOW);
    expect(lease.acquire()).toEqual({ ok: true });
    expect(lease.acquire()).toEqual({ ok: true });
  });

  it.each([
    ['a live holder elsewhere, fresh heartbeat', { host: 'other-host', pid: 1, ageMs: 1_000 }, false],
    ['a holder elsewhere whose heartbeat is older than the TTL', { host: 'other-host', pid: 1, ageMs: LEASE_TTL_MS + 1 }, true],
    ['a dead process on this host (restart after kill -9)', { host: hostname(), pid: DEAD_PID, ageMs: 1_000 }, true],
    ['our own pid on this host (container restart)', { host: hostname(), pid: process.pid, ageMs: 1_000 }, true],
    ['a live process on this host', { host: hostname(), pid: process.ppid, ageMs: 1_000 }, false],
  ])('%s → taken: %s', (_name, holder, taken) => {
    const db = withHolder(holder);
    const outcome = new InstanceLease(db, () => NOW).acquire();
    expect(outcome.ok).toBe(taken);
    if (!outcome.ok) expect(outcome.holder).toMatchObject({ host: holder.host, pid: holder.pid });
  });

  it('lets go at release, so the next process starts at once', () => {
    const db = openDatabase(':memory:');
    const first = new InstanceLease(db, () => NOW);
    first.acquire();
    first.release();
    expect(new InstanceLease(db, () => NOW).acquire()).toEqual({ ok: true });
  });
});

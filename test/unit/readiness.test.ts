import { describe, expect, it } from 'vitest';
import { readiness, type HealthOptions } from '../../src/ops/health.js';
import { Liveness } from '../../src/ops/liveness.js';

const NOW = 1_000_000_000;
const s = (seconds: number) => NOW - seconds * 1000;

interface Case {
  name: string;
  mode?: 'polling' | 'webhook';
  started?: boolean;
  db?: string | null;
  lastPoll?: number | null;
  lastUpdate?: number | null;
  inFlightSince?: number | null;
  lastTick?: number | null;
  problem?: string | null;
  expected: Partial<Record<'started' | 'database' | 'updates' | 'scheduler', string | RegExp>>;
  ready: boolean;
}

const ok = { started: 'ok', database: 'ok', updates: 'ok', scheduler: 'ok' };

describe('readiness', () => {
  it.each<Case>([
    { name: 'all fresh', lastPoll: s(10), lastTick: s(30), expected: ok, ready: true },
    { name: 'not started yet', started: false, lastPoll: null, lastTick: null, expected: { started: /^not started/ }, ready: false },
    { name: 'database locked', db: 'database is locked', lastPoll: s(1), lastTick: s(1), expected: { database: 'database is locked' }, ready: false },
    { name: 'poll 89 s ago is fine', lastPoll: s(89), lastTick: s(1), expected: ok, ready: true },
    { name: 'poll 91 s ago is stale', lastPoll: s(91), lastTick: s(1), expected: { updates: 'no updates polled or received for 91 s' }, ready: false },
    { name: 'an update counts like a poll', lastPoll: s(300), lastUpdate: s(5), lastTick: s(1), expected: ok, ready: true },
    { name: 'a long poll running 25 s', lastPoll: s(200), inFlightSince: s(25), lastTick: s(1), expected: ok, ready: true },
    { name: 'a poll hanging 5 minutes', lastPoll: s(400), inFlightSince: s(300), lastTick: s(1), expected: { updates: /for 400 s/ }, ready: false },
    { name: 'never polled', lastPoll: null, lastTick: s(1), expected: { updates: 'no updates polled or received since start' }, ready: false },
    { name: 'known receiving problem', lastPoll: s(1), lastTick: s(1), problem: '409 Conflict', expected: { updates: 'not receiving: 409 Conflict' }, ready: false },
    { name: 'webhook: silence is normal', mode: 'webhook', lastPoll: null, lastTick: s(1), expected: ok, ready: true },
    { name: 'webhook: receiving problem', mode: 'webhook', lastTick: s(1), problem: 'setWebhook failed', expected: { updates: /^not receiving/ }, ready: false },
    { name: 'tick 119 s ago', lastPoll: s(1), lastTick: s(119), expected: ok, ready: true },
    { name: 'tick 121 s ago', lastPoll: s(1), lastTick: s(121), expected: { scheduler: 'last scheduler tick 121 s ago' }, ready: false },
    { name: 'no tick yet', lastPoll: s(1), lastTick: null, expected: { scheduler: 'no scheduler tick yet' }, ready: false },
  ])('$name', (c) => {
    const liveness = new Liveness();
    liveness.lastPollAt = c.lastPoll ?? null;
    liveness.lastUpdateAt = c.lastUpdate ?? null;
    liveness.lastTickAt = c.lastTick ?? null;
    liveness.receivingProblem = c.problem ?? null;
    const options: HealthOptions = {
      liveness,
      mode: c.mode ?? 'polling',
      checkDatabase: () => c.db ?? null,
      pollInFlightSince: () => c.inFlightSince ?? null,
      updatesWithinMs: 90_000,
      tickWithinMs: 120_000,
      started: () => c.started ?? true,
      now: () => NOW,
    };
    const result = readiness(options);
    expect(result.ready).toBe(c.ready);
    for (const [check, want] of Object.entries(c.expected)) {
      if (want instanceof RegExp) expect(result.checks[check as keyof typeof result.checks]).toMatch(want);
      else expect(result.checks[check as keyof typeof result.checks]).toBe(want);
    }
  });

  it('reports a database check that throws as failed, not as a crash', () => {
    const liveness = new Liveness();
    liveness.recordPoll(NOW);
    liveness.recordTick(NOW);
    const result = readiness({
      liveness, mode: 'polling', updatesWithinMs: 90_000, tickWithinMs: 120_000, started: () => true, now: () => NOW,
      checkDatabase: () => { throw new Error('disk I/O error'); },
    });
    expect(result).toEqual({ ready: false, checks: { ...ok, database: 'failed: disk I/O error' } });
  });
});

import { GrammyError, HttpError } from 'grammy';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SendQueue, type PrepareSend, type SendQueueOptions } from '../../src/scheduler/send-queue.js';

// Driven by vitest's fake timers: the queue's clock (`now`, injected) and its waits (the default
// `sleep`, a setTimeout) both run on the fake clock, so every time below is exact and no test
// depends on how fast the machine is. T0 is the fake clock's start; times are recorded relative to it.
const T0 = 1_700_000_000_000;
const at = () => Date.now() - T0;

interface Log {
  prepared: string[];
  starts: Array<{ key: string; at: number }>;
  sent: Array<{ key: string; result: unknown }>;
  failed: Array<{ key: string; error: unknown }>;
  /** Sends started and not yet settled, as seen from the outside. */
  active: number;
  maxActive: number;
}

const newLog = (): Log => ({ prepared: [], starts: [], sent: [], failed: [], active: 0, maxActive: 0 });

type Attempt = (n: number, signal: AbortSignal) => Promise<unknown>;

/** A prepare that records everything the queue does with the item; `attempt` gets its attempt number. */
function track(log: Log, key: string, attempt: Attempt = async () => `msg:${key}`): PrepareSend {
  return () => {
    log.prepared.push(key);
    let n = 0;
    return {
      attempt: async (signal) => {
        log.starts.push({ key, at: at() });
        log.maxActive = Math.max(log.maxActive, ++log.active);
        try {
          return await attempt(n++, signal);
        } finally {
          log.active--;
        }
      },
      onSent: (result) => void log.sent.push({ key, result }),
      onFailed: (error) => void log.failed.push({ key, error }),
    };
  };
}

const startsOf = (log: Log, key: string) => log.starts.filter((s) => s.key === key).map((s) => s.at);

function deferred<T = unknown>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** An attempt that waits until released, or rejects when the queue aborts it. */
function hanging() {
  const d = deferred();
  const attempt: Attempt = (_n, signal) =>
    new Promise((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
      d.promise.then(resolve, reject);
    });
  return { attempt, release: d.resolve };
}

const apiError = (code: number, parameters?: { retry_after?: number }) =>
  new GrammyError(
    "Call to 'sendMessage' failed!",
    { ok: false, error_code: code, description: `error ${code}`, ...(parameters ? { parameters } : {}) },
    'sendMessage',
    {},
  );
const networkError = () => new HttpError("Network request for 'sendMessage' failed!", new Error('ECONNRESET'));

const logger = () => ({ warn: vi.fn(), error: vi.fn(), debug: vi.fn() });

function queue(options: Partial<SendQueueOptions> = {}) {
  return new SendQueue({ ratePerSecond: 10, now: () => Date.now(), logger: logger(), ...options });
}

/** Lets the queue run until the fake clock has moved on by `ms`. */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SendQueue: construction', () => {
  it.each([0, -1, Number.NaN])('rejects a rate of %s per second', (rate) => {
    expect(() => new SendQueue({ ratePerSecond: rate })).toThrow(RangeError);
  });
});

describe('SendQueue: pacing', () => {
  it.each([1, 4, 10, 30])('starts sends on a grid 1000/%i ms apart on the queue clock (never ahead of it)', async (rate) => {
    const log = newLog();
    const q = queue({ ratePerSecond: rate, maxInFlight: 100 });
    for (let i = 0; i < 8; i++) expect(q.enqueue(`u${i}`, track(log, `u${i}`))).toBe(true);
    await advance(10 * (1000 / rate));

    expect(log.sent).toHaveLength(8);
    const times = log.starts.map((s) => s.at);
    expect(times[0]).toBe(0);
    // The k-th send starts no earlier than k intervals in (whole ms on the clock), and on time.
    for (let i = 1; i < times.length; i++) expect(times[i]).toBe(Math.ceil((i * 1000) / rate));
    expect(q.size).toBe(0);
  });

  it('keeps the configured rate when its timers wake late (the grid catches up small lateness)', async () => {
    const log = newLog();
    // Every wait oversleeps by 7 ms, as a loaded event loop does.
    const lateSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms + 7));
    const q = queue({ ratePerSecond: 30, maxInFlight: 100, sleep: lateSleep });
    for (let i = 0; i < 300; i++) q.enqueue(`u${i}`, track(log, `u${i}`));
    await advance(20_000);
    expect(log.sent).toHaveLength(300);
    const span = log.starts.at(-1)!.at - log.starts[0]!.at;
    // 299 intervals of 33.3 ms is 9,967 ms; "now + interval" pacing would take 299 × 40.3 ms.
    expect(span).toBeLessThan(10_300);
    // Never more than 30 starts in any one-second window (+1 for a catch-up at its edge).
    for (const s of log.starts) expect(log.starts.filter((o) => o.at >= s.at && o.at < s.at + 1000).length).toBeLessThanOrEqual(31);
  });

  it('restarts the grid after an idle spell instead of bursting to catch up', async () => {
    const log = newLog();
    const q = queue({ ratePerSecond: 10 });
    q.enqueue('a', track(log, 'a'));
    await advance(5_000);
    q.enqueue('b', track(log, 'b'));
    q.enqueue('c', track(log, 'c'));
    await advance(1_000);
    expect(startsOf(log, 'c')[0]! - startsOf(log, 'b')[0]!).toBe(100);
  });

  it('sends items in the order they were queued', async () => {
    const log = newLog();
    const q = queue();
    for (const key of ['c', 'a', 'b']) q.enqueue(key, track(log, key));
    await advance(1000);
    expect(log.sent.map((s) => s.key)).toEqual(['c', 'a', 'b']);
  });

  it.each([1, 2, 3])('never has more than maxInFlight = %i sends waiting for an answer', async (maxInFlight) => {
    const log = newLog();
    const q = queue({ ratePerSecond: 100, maxInFlight });
    const sends = Array.from({ length: 7 }, () => hanging());
    sends.forEach((s, i) => q.enqueue(`u${i}`, track(log, `u${i}`, s.attempt)));

    await advance(1000);
    expect(log.starts).toHaveLength(maxInFlight);

    // Answer them one by one: each answer lets exactly one more start.
    for (let i = 0; i < sends.length; i++) {
      sends[i]!.release(`msg:u${i}`);
      await advance(1000);
      expect(log.starts).toHaveLength(Math.min(sends.length, maxInFlight + i + 1));
    }
    expect(log.maxActive).toBe(maxInFlight);
    expect(log.sent).toHaveLength(sends.length);
    expect(q.size).toBe(0);
  });

  it('defaults maxInFlight to the rate', async () => {
    const log = newLog();
    const q = new SendQueue({ ratePerSecond: 3, now: () => Date.now() });
    for (let i = 0; i < 6; i++) q.enqueue(`u${i}`, track(log, `u${i}`, hanging().attempt));
    await advance(10_000);
    expect(log.starts).toHaveLength(3);
  });
});

describe('SendQueue: one item per key', () => {
  it('queues a key that is already waiting only once', async () => {
    const log = newLog();
    const q = queue({ ratePerSecond: 1 });
    expect(q.enqueue('first', track(log, 'first'))).toBe(true);
    expect(q.enqueue('user:morning', track(log, 'user:morning'))).toBe(true);
    expect(q.has('user:morning')).toBe(true);
    expect(q.enqueue('user:morning', track(log, 'user:morning (again)'))).toBe(false);
    expect(q.size).toBe(2);

    await advance(5000);
    expect(log.prepared).toEqual(['first', 'user:morning']);
    expect(log.sent.map((s) => s.key)).toEqual(['first', 'user:morning']);
  });

  it('queues a key that is in flight only once, and again once it is done', async () => {
    const log = newLog();
    const q = queue();
    const send = hanging();
    q.enqueue('user:evening', track(log, 'user:evening', send.attempt));
    await advance(1000);
    expect(log.starts).toHaveLength(1);
    expect(q.has('user:evening')).toBe(true);
    expect(q.enqueue('user:evening', track(log, 'user:evening (again)'))).toBe(false);

    send.release('done');
    await advance(1000);
    expect(q.has('user:evening')).toBe(false);
    expect(q.enqueue('user:evening', track(log, 'user:evening (next day)'))).toBe(true);
    await advance(1000);
    expect(log.prepared).toEqual(['user:evening', 'user:evening (next day)']);
  });
});

describe('SendQueue: prepare at the head', () => {
  it('calls prepare only when the item reaches the head, just before its send', async () => {
    const log = newLog();
    const q = queue({ ratePerSecond: 1 });
    q.enqueue('a', track(log, 'a'));
    q.enqueue('b', track(log, 'b'));
    await advance(0);
    expect(log.prepared).toEqual(['a']);
    await advance(1000);
    expect(log.prepared).toEqual(['a', 'b']);
  });

  const nothingToSend: Array<[string, PrepareSend]> = [
    ['returns null', () => null],
    [
      'throws',
      () => {
        throw new Error('db locked');
      },
    ],
  ];
  it.each(nothingToSend)('uses no rate slot when prepare %s, and frees the key', async (_name, prepare) => {
    const log = newLog();
    const q = queue({ ratePerSecond: 1 });
    q.enqueue('x', track(log, 'x'));
    q.enqueue('nothing', prepare);
    q.enqueue('y', track(log, 'y'));
    await advance(5000);

    // x at 0, y in the very next slot (1000), not the one after.
    expect(log.starts).toEqual([
      { key: 'x', at: 0 },
      { key: 'y', at: 1000 },
    ]);
    expect(q.has('nothing')).toBe(false);
    expect(q.size).toBe(0);
  });
});

describe('SendQueue: messages built after the claim', () => {
  it('an item still building holds no slot: the next items go out meanwhile, it goes when ready', async () => {
    const log = newLog();
    const q = queue({ ratePerSecond: 10 });
    const build = deferred<void>();
    q.enqueue('chart', () => build.promise.then(() => track(log, 'chart')()));
    for (const key of ['a', 'b', 'c']) q.enqueue(key, track(log, key));
    await advance(250);
    expect(log.starts.map((s) => s.key)).toEqual(['a', 'b', 'c']);
    expect(log.starts.map((s) => s.at)).toEqual([0, 100, 200]);
    build.resolve();
    await advance(1000);
    expect(log.starts.map((s) => s.key)).toEqual(['a', 'b', 'c', 'chart']);
    expect(startsOf(log, 'chart')[0]).toBe(300);
    expect(q.size).toBe(0);
  });

  it('a built send goes ahead of items not yet prepared', async () => {
    const log = newLog();
    const q = queue({ ratePerSecond: 10 });
    const build = deferred<void>();
    q.enqueue('chart', () => build.promise.then(() => track(log, 'chart')()));
    for (let i = 0; i < 5; i++) q.enqueue(`u${i}`, track(log, `u${i}`));
    await advance(50);
    build.resolve();
    await advance(2000);
    expect(log.starts.map((s) => s.key)).toEqual(['u0', 'chart', 'u1', 'u2', 'u3', 'u4']);
  });

  it('a build that resolves null or rejects frees its key and sends nothing', async () => {
    const log = newLog();
    const q = queue({ ratePerSecond: 10 });
    q.enqueue('none', () => Promise.resolve(null));
    q.enqueue('broken', () => Promise.reject(new Error('render crashed')));
    q.enqueue('a', track(log, 'a'));
    await advance(1000);
    expect(log.starts.map((s) => s.key)).toEqual(['a']);
    expect(q.has('none') || q.has('broken')).toBe(false);
    expect(q.size).toBe(0);
  });

  it('runs at most maxBuilding builds at once', async () => {
    const q = queue({ ratePerSecond: 100, maxBuilding: 2 });
    let started = 0;
    const builds = Array.from({ length: 5 }, () => deferred<null>());
    builds.forEach((b, i) =>
      q.enqueue(`b${i}`, () => {
        started++;
        return b.promise;
      }),
    );
    await advance(1000);
    expect(started).toBe(2);
    builds[0]!.resolve(null);
    await advance(1000);
    expect(started).toBe(3);
  });
});

describe('SendQueue: the event loop between items', () => {
  // What arrives meanwhile (an update from someone chatting) is modelled as a setImmediate queued
  // while an item is prepared: it must run before the pump prepares a further item.
  it('lets waiting work run after each build starts, before the next item is prepared', async () => {
    const order: string[] = [];
    const q = queue({ ratePerSecond: 100, maxInFlight: 10 });
    const building = (key: string) => () => {
      order.push(key);
      if (key === 'a') setImmediate(() => order.push('update'));
      return new Promise<null>(() => {}); // never finishes: only the order of preparing matters
    };
    for (const key of ['a', 'b', 'c']) q.enqueue(key, building(key));
    await advance(100);
    expect(order).toEqual(['a', 'update', 'b', 'c']);
  });

  it('lets waiting work run after every 20 items in a row with nothing to send', async () => {
    const order: string[] = [];
    const q = queue({ ratePerSecond: 100 });
    for (let i = 0; i < 45; i++) {
      q.enqueue(`u${i}`, () => {
        order.push(`u${i}`);
        if (i === 0) setImmediate(() => order.push('update'));
        return null;
      });
    }
    await advance(100);
    expect(order).toHaveLength(46);
    expect(order.indexOf('update')).toBe(20);
    expect(q.size).toBe(0);
  });
});

describe('SendQueue: refill when low', () => {
  it('calls onLow when the items waiting fall to lowWater, and keeps going with what it adds', async () => {
    const log = newLog();
    let next = 0;
    const q: SendQueue = queue({
      ratePerSecond: 100,
      lowWater: 2,
      onLow: () => {
        for (let i = 0; i < 5 && next < 20; i++, next++) q.enqueue(`u${next}`, track(log, `u${next}`));
      },
    });
    for (; next < 5; next++) q.enqueue(`u${next}`, track(log, `u${next}`));
    await advance(1000);
    expect(log.sent.map((s) => s.key)).toEqual(Array.from({ length: 20 }, (_, i) => `u${i}`));
  });
});

describe('SendQueue: 429 pauses the whole queue', () => {
  it.each([
    [2, 2000],
    [undefined, 1000],
  ])('retry_after = %s pauses other sends until +%i ms, then the item succeeds', async (retryAfter, pauseMs) => {
    const log = newLog();
    const q = queue({ ratePerSecond: 10 });
    q.enqueue('limited', track(log, 'limited', async (n) => {
      if (n === 0) throw apiError(429, retryAfter === undefined ? undefined : { retry_after: retryAfter });
      return 'ok';
    }));
    q.enqueue('b', track(log, 'b'));
    q.enqueue('c', track(log, 'c'));
    await advance(pauseMs / 2);
    q.enqueue('late', track(log, 'late'));
    await advance(pauseMs * 2);

    const limited = startsOf(log, 'limited');
    expect(limited).toHaveLength(2);
    expect(limited[1]).toBeGreaterThanOrEqual(pauseMs);
    for (const key of ['b', 'c', 'late']) {
      expect(startsOf(log, key)).toHaveLength(1);
      expect(startsOf(log, key)[0]).toBeGreaterThanOrEqual(pauseMs);
    }
    expect(log.sent.map((s) => s.key).sort()).toEqual(['b', 'c', 'late', 'limited']);
    expect(log.sent.find((s) => s.key === 'limited')?.result).toBe('ok');
    expect(log.failed).toEqual([]);
  });

  it('gives up after maxRateLimitRetries 429s and reports the last error', async () => {
    const log = newLog();
    const q = queue({ maxRateLimitRetries: 2 });
    const errors: GrammyError[] = [];
    q.enqueue('limited', track(log, 'limited', async () => {
      const e = apiError(429, { retry_after: 1 });
      errors.push(e);
      throw e;
    }));
    await advance(60_000);

    expect(startsOf(log, 'limited')).toEqual([0, 1000, 2000]);
    expect(log.failed).toEqual([{ key: 'limited', error: errors[2] }]);
    expect(log.sent).toEqual([]);
  });
});

describe('SendQueue: retries', () => {
  it.each([
    ['Telegram 500', () => apiError(500)],
    ['Telegram 502', () => apiError(502)],
    ['a network error (HttpError)', networkError],
  ])('retries %s after each retry delay, then reports it failed once', async (_name, makeError) => {
    const log = newLog();
    const q = queue({ retryDelaysMs: [2000, 10_000] });
    const errors: unknown[] = [];
    q.enqueue('u', track(log, 'u', async () => {
      const e = makeError();
      errors.push(e);
      throw e;
    }));
    q.enqueue('next', track(log, 'next'));
    await advance(60_000);

    const times = startsOf(log, 'u');
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(2000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(10_000);
    expect(log.failed).toEqual([{ key: 'u', error: errors[2] }]);
    expect(log.sent).toEqual([{ key: 'next', result: 'msg:next' }]);
  });

  it('reports a send that succeeds on a retry as sent, not failed', async () => {
    const log = newLog();
    const q = queue({ retryDelaysMs: [500] });
    q.enqueue('u', track(log, 'u', async (n) => {
      if (n === 0) throw apiError(503);
      return 'second time';
    }));
    await advance(5000);
    expect(startsOf(log, 'u')).toHaveLength(2);
    expect(log.sent).toEqual([{ key: 'u', result: 'second time' }]);
    expect(log.failed).toEqual([]);
  });

  it.each([
    ['400 Bad Request', () => apiError(400)],
    ['403 Forbidden (blocked)', () => apiError(403)],
    ['404 Not Found', () => apiError(404)],
    ['a plain Error', () => new Error('bug')],
  ])('reports %s failed at once, without a retry', async (_name, makeError) => {
    const log = newLog();
    const q = queue();
    const error = makeError();
    q.enqueue('u', track(log, 'u', async () => {
      throw error;
    }));
    await advance(60_000);
    expect(startsOf(log, 'u')).toEqual([0]);
    expect(log.failed).toEqual([{ key: 'u', error }]);
    expect(log.sent).toEqual([]);
    expect(q.has('u')).toBe(false);
  });
});

describe('SendQueue: callbacks that throw', () => {
  it.each(['onSent', 'onFailed'] as const)('keeps sending after %s throws', async (which) => {
    const log = newLog();
    const log2 = logger();
    const q = queue({ logger: log2 });
    q.enqueue('bad', () => ({
      attempt: async () => {
        if (which === 'onFailed') throw apiError(400);
        return 'ok';
      },
      onSent: () => {
        throw new Error('db gone');
      },
      onFailed: () => {
        throw new Error('db gone');
      },
    }));
    q.enqueue('b', track(log, 'b'));
    q.enqueue('c', track(log, 'c'));
    await advance(5000);

    expect(log.sent.map((s) => s.key)).toEqual(['b', 'c']);
    expect(log2.error).toHaveBeenCalled();
    expect(q.size).toBe(0);
    expect(q.enqueue('d', track(log, 'd'))).toBe(true);
    await advance(1000);
    expect(log.sent.map((s) => s.key)).toEqual(['b', 'c', 'd']);
  });
});

describe('SendQueue: drain', () => {
  it('drops items not started (prepare never runs) and waits for sends in flight', async () => {
    const log = newLog();
    const q = queue({ ratePerSecond: 1 });
    const send = hanging();
    q.enqueue('in-flight', track(log, 'in-flight', send.attempt));
    q.enqueue('pending-1', track(log, 'pending-1'));
    q.enqueue('pending-2', track(log, 'pending-2'));
    await advance(0);

    let drained = false;
    const draining = q.drain(5000).then(() => (drained = true));
    expect(q.has('pending-1')).toBe(false);
    expect(q.enqueue('after-stop', track(log, 'after-stop'))).toBe(false);

    await advance(3000);
    expect(drained).toBe(false);

    send.release('made it');
    await advance(0);
    await draining;
    expect(drained).toBe(true);
    expect(log.prepared).toEqual(['in-flight']);
    expect(log.sent).toEqual([{ key: 'in-flight', result: 'made it' }]);
    expect(log.failed).toEqual([]);
    expect(q.size).toBe(0);

    await advance(10_000);
    expect(log.prepared).toEqual(['in-flight']);
  });

  it('resolves at once when nothing is in flight', async () => {
    const q = queue();
    let drained = false;
    void q.drain(5000).then(() => (drained = true));
    await advance(0);
    expect(drained).toBe(true);
  });

  it('aborts sends still in flight when the timeout runs out, and reports them failed', async () => {
    const log = newLog();
    const q = queue();
    let signal: AbortSignal | undefined;
    q.enqueue('stuck', track(log, 'stuck', (n, s) => {
      signal = s;
      return hanging().attempt(n, s);
    }));
    await advance(0);

    let drained = false;
    const draining = q.drain(1000).then(() => (drained = true));
    await advance(999);
    expect(signal?.aborted).toBe(false);
    expect(drained).toBe(false);

    await advance(1);
    await draining;
    expect(signal?.aborted).toBe(true);
    expect(log.failed.map((f) => f.key)).toEqual(['stuck']);
    expect(log.sent).toEqual([]);
  });

  it('reports a send waiting to be retried as failed, not retried, once the stop times out', async () => {
    const log = newLog();
    const q = queue({ retryDelaysMs: [60_000] });
    q.enqueue('flaky', track(log, 'flaky', async () => {
      throw apiError(502);
    }));
    await advance(0);

    const draining = q.drain(1000);
    await advance(1000);
    await draining;
    expect(startsOf(log, 'flaky')).toEqual([0]);
    expect(log.failed.map((f) => f.key)).toEqual(['flaky']);

    await advance(120_000);
    expect(startsOf(log, 'flaky')).toEqual([0]);
  });
});

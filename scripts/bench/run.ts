/**
 * `npm run bench` (`-- --quick` for smaller sizes): the scale figures of issue 12, each measured
 * side by side in one run and printed as a ratio. Not part of `npm test`. Runs the real bot
 * (`dist/main.js`; run `npm run build` first) against the Bot API emulator, on SQLite files built
 * by the project's own migrations. Work files live in $BENCH_DIR (default /tmp/steady-nights-bench);
 * the population databases are cached there between runs.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BotApiEmulator, TEST_BOT_TOKEN, inlineButtons, type FakeUser } from '../../src/emulator/emulator.js';
import { startBot, type BotProcess } from '../../test/support/bot-process.js';
import { openDatabase } from '../../src/storage/db.js';
import { ScheduleStore } from '../../src/storage/schedules.js';
import { CheckinStore } from '../../src/storage/checkins.js';
import { UserStore } from '../../src/storage/users.js';
import { addDays } from '../../src/domain/dates.js';
import { buildPopulation, insertNights, insertSchedules, insertUsers, random, ZONES } from './build-db.js';

const quick = process.argv.includes('--quick');
/**
 * `--only=due,sunday,...` runs those parts alone: due (due selection), production (the production
 * tick's rate), sunday (Sunday rate and /help latency with and without it), cpu (CPU per update
 * against bare grammY), startup, storage.
 */
const PARTS = ['due', 'production', 'sunday', 'cpu', 'startup', 'storage'] as const;
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg ? new Set(onlyArg.split(',')) : undefined;
for (const part of only ?? []) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`bench: unknown part ${part} (${PARTS.join(', ')})`);
const runs = (part: (typeof PARTS)[number]) => !only || only.has(part);
const DIR = process.env.BENCH_DIR ?? '/tmp/steady-nights-bench';
mkdirSync(DIR, { recursive: true });
const BARE = new URL('./bare-bot.mjs', import.meta.url).pathname;
const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const POPULATION_BASE = new Date('2026-11-23T00:00:00.000Z');

const results: string[] = [];
function report(line: string): void {
  results.push(line);
  console.log(line);
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const f = (n: number, digits = 2) => n.toFixed(digits);

/** CPU time (user + system) of a process so far, in ms, from /proc. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.split(/\s+/)[1]) / 1024;
}

/** BENCH_CPU_PROF=<dir>: each bot process writes a V8 CPU profile there when it stops. */
function profiling(): Record<string, string> {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? { BENCH_CPU_PROF: dir, NODE_OPTIONS: `--import ${new URL('./cpu-profile.mjs', import.meta.url).pathname}` } : {};
}

async function withBot<T>(
  options: { db: string; env?: Record<string, string>; entry?: string },
  run: (emu: BotApiEmulator, bot: BotProcess) => Promise<T>,
): Promise<T> {
  const emu = await BotApiEmulator.start({ defaultTimeoutMs: 120_000 });
  const bot = await startBot({
    apiRoot: emu.apiRoot,
    token: TEST_BOT_TOKEN,
    dbPath: options.db,
    env: { LOG_LEVEL: 'warn', ...profiling(), ...options.env },
    ...(options.entry ? { entry: options.entry } : {}),
  });
  try {
    await bot.waitUntilPolling(emu, 120_000);
    return await run(emu, bot);
  } finally {
    await bot.stop();
    await emu.stop();
  }
}

async function until(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(100);
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Due selection per tick, at 10k / 100k / 1M users: cost follows the due count, not N.
// ---------------------------------------------------------------------------------------------
function dueSelection(): void {
  report('\n## Due selection per tick (one minute of due rows, read page by page as the scheduler does)');
  let base: { perRow: number; empty: number } | undefined;
  for (const n of sizes) {
    const started = Date.now();
    const path = buildPopulation(join(DIR, `population-${n}.sqlite`), n, POPULATION_BASE);
    const built = Date.now() - started;
    const db = openDatabase(path);
    const schedules = new ScheduleStore(db);
    const measure = (now: Date) => {
      let rows = 0;
      const times: number[] = [];
      for (let rep = 0; rep < 15; rep++) {
        const t = performance.now();
        rows = 0;
        for (let cursor = null as Parameters<ScheduleStore['duePage']>[1], more = true; more; ) {
          const page = schedules.duePage(now, cursor, 500);
          rows += page.length;
          more = page.length === 500;
          cursor = page.at(-1)?.cursor ?? null;
        }
        times.push(performance.now() - t);
      }
      return { rows, ms: pct(times, 50) };
    };
    const empty = measure(new Date(POPULATION_BASE.getTime() - 1_000)); // nothing due
    const minute = measure(new Date(POPULATION_BASE.getTime() + 60_000)); // one minute due
    db.close();
    const perRow = (minute.ms * 1000) / Math.max(1, minute.rows);
    base ??= { perRow, empty: empty.ms };
    report(
      `N=${n.toLocaleString('en')}: ${minute.rows} due → ${f(minute.ms, 3)} ms/tick, ${f(perRow, 2)} µs per due row ` +
        `(×${f(perRow / base.perRow)} of 10k); empty tick ${f(empty.ms * 1000, 1)} µs (×${f(empty.ms / base.empty)} of 10k)` +
        (built > 2000 ? ` [db built in ${f(built / 1000, 1)} s]` : ''),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Delivery at the configured rate under the production cron, clock shifted to the due time.
// ---------------------------------------------------------------------------------------------
function dueNowDb(path: string, n: number, dueAt: Date, kind: 'morning' | 'evening', nights: boolean): void {
  rmSync(path, { force: true });
  const db = openDatabase(path);
  db.pragma('synchronous = OFF');
  const rnd = random(7);
  const zones = kind === 'evening' ? ['UTC', 'Europe/London', 'Atlantic/Reykjavik'] : ZONES;
  db.transaction(() => {
    const ids = Array.from({ length: n }, (_, i) => 20_000_000 + i);
    // Only the kind measured is on, so the start-up check for missing schedules has nothing to add.
    insertUsers(
      db,
      ids.map((id, i) => ({ id, zone: zones[i % zones.length]!, morningEnabled: kind === 'morning', eveningEnabled: kind === 'evening' })),
      '2026-11-01T00:00:00.000Z',
    );
    // Due across the last 30 s, in the order the production tick would find them.
    insertSchedules(db, ids.map((id, i) => ({ userId: id, kind, dueAt: new Date(dueAt.getTime() - 30_000 + Math.floor((i * 30_000) / n)).toISOString() })));
    if (nights) {
      const last = dueAt.toISOString().slice(0, 10);
      const dates = Array.from({ length: 14 }, (_, i) => addDays(last, -i));
      for (const id of ids) insertNights(db, id, dates, rnd);
    }
  })();
  db.close();
}

async function delivery(label: string, n: number, rate: number, dueAt: Date, kind: 'morning' | 'evening', nights: boolean, withHelp: boolean) {
  const db = join(DIR, `delivery-${kind}.sqlite`);
  dueNowDb(db, n, dueAt, kind, nights);
  const clock = new Date(dueAt.getTime() + 5_000).toISOString();
  return withBot({ db, env: { CLOCK_START: clock, SEND_RATE_PER_SECOND: String(rate), SCHEDULER_CRON: '* * * * *' } }, async (emu, bot) => {
    const help = withHelp ? helpLoad(emu, 'during') : undefined;
    const scheduled = () => emu.calls.filter((c) => (c.method === 'sendMessage' || c.method === 'sendPhoto') && (c.chatId ?? 0) >= 20_000_000 && (c.chatId ?? 0) < 30_000_000);
    await until(`${n} deliveries`, () => scheduled().length >= n, (n / rate) * 3_000 + 120_000);
    await sleep(1_500);
    const calls = scheduled();
    const perChat = new Map<number, number>();
    for (const c of calls) perChat.set(c.chatId!, (perChat.get(c.chatId!) ?? 0) + 1);
    const dup = [...perChat.values()].filter((v) => v > 1).length;
    const lost = n - perChat.size;
    const first = calls[0]!.at;
    const last = calls.at(-1)!.at;
    const achieved = (calls.length - 1) / ((last - first) / 1000);
    const photos = calls.filter((c) => c.method === 'sendPhoto').length;
    report(
      `${label}: ${calls.length} sent in ${f((last - first) / 1000, 1)} s = ${f(achieved, 1)}/s of ${rate}/s → ` +
        `ratio ${f(achieved / rate, 3)}; duplicates ${dup}, lost ${lost}` + (kind === 'evening' ? `; with chart ${photos} (${f((100 * photos) / calls.length, 0)} %)` : ''),
    );
    const helpResult = help ? await help : undefined;
    void bot;
    return { ratio: achieved / rate, help: helpResult };
  });
}

// ---------------------------------------------------------------------------------------------
// 3. /help latency: 10 /help a second from people who are chatting, with and without a broadcast.
// ---------------------------------------------------------------------------------------------
let helpUserId = 90_000_000;
async function helpLoad(emu: BotApiEmulator, _phase: string, count = quick ? 100 : 200): Promise<number[]> {
  const latencies: Promise<number>[] = [];
  for (let i = 0; i < count; i++) {
    const user = emu.createUser({ id: helpUserId++, languageCode: 'en' });
    const sentAt = Date.now();
    emu.sendText(user, '/help');
    latencies.push(emu.waitForMessage(user.id, undefined, { after: 0, timeoutMs: 120_000 }).then((m) => m.at - sentAt));
    await sleep(100);
  }
  return Promise.all(latencies);
}

async function helpWithoutBroadcast(n: number, dueAt: Date): Promise<number[]> {
  // The same population as the broadcast's, built afresh: the broadcast run's database has its
  // update ids recorded (de-duplication), and a new emulator numbers updates from the same start.
  const db = join(DIR, 'delivery-evening.sqlite');
  dueNowDb(db, n, dueAt, 'evening', true);
  const clock = new Date(dueAt.getTime() - 3 * 3_600_000).toISOString(); // nothing due for 3 h
  return withBot({ db, env: { CLOCK_START: clock } }, (emu) => helpLoad(emu, 'none'));
}

// ---------------------------------------------------------------------------------------------
// 4. CPU per /help update and per check-in tap, against a bare grammY bot on the same emulator.
// ---------------------------------------------------------------------------------------------
/**
 * Waits until the process has gone quiet (under 20 ms of CPU in half a second, at most 20 s), so
 * one-time work — loading the chart renderer in its worker, JIT compiling — is not counted as
 * the cost of the updates measured next. Returns the process's CPU so far.
 */
async function settle(pid: number): Promise<number> {
  let last = cpuMs(pid);
  for (let i = 0; i < 40; i++) {
    await sleep(500);
    const now = cpuMs(pid);
    if (now - last <= 20) return now;
    last = now;
  }
  return last;
}

async function cpuPerUpdate(entry: string | undefined, users: number): Promise<{ help: number; tap: number; startup: number }> {
  const db = join(DIR, `cpu-${entry ? 'bare' : 'bot'}.sqlite`);
  rmSync(db, { force: true });
  if (!entry) {
    const d = openDatabase(db);
    const ids = Array.from({ length: users }, (_, i) => 30_000_000 + i);
    d.transaction(() => insertUsers(d, ids.map((id) => ({ id, zone: 'UTC', morningEnabled: false, eveningEnabled: false })), '2026-11-01T00:00:00.000Z'))();
    d.close();
  }
  return withBot({ db, ...(entry ? { entry } : {}) }, async (emu, bot) => {
    const people: FakeUser[] = Array.from({ length: users }, (_, i) => emu.createUser({ id: 30_000_000 + i, languageCode: 'en' }));
    // Warm up (JIT, statement caches), then measure /help in waves of 25 at once.
    const helps = async (rounds: number) => {
      for (let r = 0; r < rounds; r++) {
        const wave = people.slice((r * 25) % users, ((r * 25) % users) + 25);
        const mark = emu.mark();
        for (const u of wave) emu.sendText(u, '/help');
        await Promise.all(wave.map((u) => emu.waitForMessage(u.id, undefined, { after: mark })));
      }
    };
    // Start-up to idle (its one-time CPU, reported apart), then a warm-up, then steady state.
    const startup = await settle(bot.pid);
    await helps(4);
    const helpRounds = quick ? 20 : 40;
    let cpu = await settle(bot.pid);
    await helps(helpRounds);
    const help = (cpuMs(bot.pid) - cpu) / (helpRounds * 25);

    // A check-in's first tap: open the question (/checkin, or /start for the bare bot), then tap.
    const mark = emu.mark();
    for (const u of people) emu.sendText(u, entry ? '/start' : '/checkin');
    const questions = await Promise.all(people.map((u) => emu.waitForMessage(u.id, (m) => inlineButtons(m).length > 0, { after: mark })));
    await sleep(300);
    cpu = cpuMs(bot.pid);
    const tapMark = emu.mark();
    questions.forEach((q, i) => emu.pressButton(people[i]!, q, inlineButtons(q)[0]!.text));
    await Promise.all(people.map((u) => emu.waitForCall('answerCallbackQuery', (c) => c.chatId === u.id, { after: tapMark })));
    await sleep(300); // the edit / next question after the answer
    const tap = (cpuMs(bot.pid) - cpu) / users;
    return { help, tap, startup };
  });
}

// ---------------------------------------------------------------------------------------------
// 5. Start-up to the first getUpdates, and RSS then, empty and at 1M users, against bare grammY.
// ---------------------------------------------------------------------------------------------
async function startup(db: string | null, entry?: string, clock?: string): Promise<{ ms: number; rss: number }> {
  const runs: Array<{ ms: number; rss: number }> = [];
  for (let i = 0; i < 3; i++) {
    const emu = await BotApiEmulator.start();
    const path = db ?? join(DIR, `startup-empty-${i}.sqlite`);
    if (!db) rmSync(path, { force: true });
    const started = Date.now();
    const bot = await startBot({ apiRoot: emu.apiRoot, token: TEST_BOT_TOKEN, dbPath: path, env: { LOG_LEVEL: 'warn', ...profiling(), ...(clock ? { CLOCK_START: clock } : {}) }, ...(entry ? { entry } : {}) });
    const poll = await bot.waitUntilPolling(emu, 120_000);
    const rss = rssMiB(bot.pid);
    runs.push({ ms: poll.at - started, rss });
    await bot.stop();
    await emu.stop();
  }
  return { ms: pct(runs.map((r) => r.ms), 50), rss: pct(runs.map((r) => r.rss), 50) };
}

// ---------------------------------------------------------------------------------------------
// 6. Database bytes per user after 30 days of check-ins, and the ledger with pruning.
// ---------------------------------------------------------------------------------------------
function bytesPerUser(): void {
  const n = quick ? 300 : 1_000;
  const path = join(DIR, 'thirty-days.sqlite');
  rmSync(path, { force: true });
  const db = openDatabase(path);
  const users = new UserStore(db);
  const checkins = new CheckinStore(db);
  const schedules = new ScheduleStore(db);
  const start = new Date('2026-11-01T12:00:00.000Z');
  const ids = Array.from({ length: n }, (_, i) => 40_000_000 + i);
  for (const id of ids) {
    users.createWithConsent(id, 'en', start);
    users.update(id, { status: 'stopped', lastDoseDate: '2026-10-30', timeZone: 'UTC', onboardedAt: start.toISOString() }, start);
  }
  const retentionDays = 14;
  const ledger: string[] = [];
  for (let day = 0; day < 30; day++) {
    const date = addDays('2026-11-01', day);
    const now = new Date(`${date}T20:00:00.000Z`);
    db.transaction(() => {
      for (const id of ids) {
        checkins.startDraft(id, date, false, now);
        checkins.saveAnswer(id, 'hours', 6, now);
        checkins.saveAnswer(id, 'quality', 3, now);
        checkins.saveAnswer(id, 'restlessness', 1, now);
        checkins.saveAnswer(id, 'anxiety', 4, now);
        checkins.saveFlags(id, [], now);
        checkins.complete(id, ['t1', 't2'], now);
        for (const [kind, hour] of [['morning', '08'], ['evening', '22']] as const) {
          const dueAt = new Date(`${date}T${hour}:00:00.000Z`);
          schedules.set(id, kind, dueAt);
          schedules.claim({ userId: id, kind, dueAt, localDate: date, next: new Date(dueAt.getTime() + 86_400_000), status: 'claimed', now });
          schedules.finish({ userId: id, kind, localDate: date }, 'sent', 1000 + day, now);
        }
      }
    })();
    // What the scheduler's tick does with DELIVERY_RETENTION_DAYS=14.
    while (schedules.pruneDeliveries(new Date(now.getTime() - retentionDays * 86_400_000), 1_000) === 1_000);
    if ([6, 13, 20, 29].includes(day)) ledger.push(`day ${day + 1}: ${db.prepare('SELECT count(*) FROM deliveries').pluck().get()}`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const file = statSync(path).size;
  report(`\n## Storage after 30 days of check-ins (${n} users, 2 reminders a day each, retention ${retentionDays} days)`);
  report(`ledger rows: ${ledger.join(', ')} → flat after the retention window (${2 * retentionDays * n} = 2 × ${retentionDays} × ${n})`);
  report(`bytes per user: ${f(((pages - free) * pageSize) / n, 0)} in use (${f(file / n, 0)} file incl. free pages)`);
}

async function main(): Promise<void> {
  if (!existsSync(new URL('../../dist/main.js', import.meta.url))) throw new Error('run `npm run build` first');
  const t0 = Date.now();
  report(`# Steady Nights bench (${quick ? 'quick' : 'full'}) — ${new Date().toISOString()}, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);

  const targets: string[] = [];
  if (runs('due')) dueSelection();

  if (runs('production')) {
    report('\n## Delivery rate under the production cron (`* * * * *`), clock shifted to the due minute');
    const morningDue = new Date('2026-11-23T14:00:00.000Z');
    const n = quick ? 1_500 : 10_000;
    const production = await delivery(`${n.toLocaleString('en')} morning prompts due`, n, 30, morningDue, 'morning', false, false);
    targets.push(`production ${f(production.ratio, 3)} ≥ 0.95`);
  }

  if (runs('sunday')) {
    report('\n## Sunday evening: weekly summaries with charts, and /help while they go out');
    const sundayDue = new Date('2026-11-29T21:00:00.000Z');
    const sundayN = quick ? 300 : 1_500;
    const sunday = await delivery(`${sundayN.toLocaleString('en')} Sunday summaries due`, sundayN, 25, sundayDue, 'evening', true, true);
    const none = await helpWithoutBroadcast(sundayN, sundayDue);
    const during = sunday.help!;
    report(
      `/help latency without broadcast: p50 ${f(pct(none, 50), 0)} ms, p95 ${f(pct(none, 95), 0)} ms; during the Sunday broadcast: ` +
        `p50 ${f(pct(during, 50), 0)} ms, p95 ${f(pct(during, 95), 0)} ms → p95 ratio ${f(pct(during, 95) / pct(none, 95))}`,
    );
    targets.push(`Sunday ${f(sunday.ratio, 3)} ≥ 0.95`, `/help p95 ratio ${f(pct(during, 95) / pct(none, 95))} ≤ 2`);
  }

  if (runs('cpu')) {
    report('\n## CPU per update against a bare grammY bot on the same emulator');
    const users = quick ? 50 : 100;
    const ours = await cpuPerUpdate(undefined, users);
    const bare = await cpuPerUpdate(BARE, users);
    report(`/help: ${f(ours.help, 3)} ms vs bare ${f(bare.help, 3)} ms → ratio ${f(ours.help / bare.help)}`);
    report(`check-in tap: ${f(ours.tap, 3)} ms vs bare ${f(bare.tap, 3)} ms → ratio ${f(ours.tap / bare.tap)}`);
    report(`(measured once each process had gone idle after start-up and a warm-up; CPU from start to idle, not counted above: ${f(ours.startup, 0)} ms vs bare ${f(bare.startup, 0)} ms)`);
    targets.push(`/help CPU ratio ${f(ours.help / bare.help)} ≤ 1.5`);
  }

  if (runs('startup')) {
    report('\n## Start-up to first getUpdates, and RSS then (median of 3)');
    const bareStart = await startup(null, BARE);
    const emptyStart = await startup(null);
    const big = sizes.at(-1)!;
    const bigDb = join(DIR, `startup-${big}.sqlite`);
    copyFileSync(buildPopulation(join(DIR, `population-${big}.sqlite`), big, POPULATION_BASE), bigDb);
    const bigStart = await startup(bigDb, undefined, POPULATION_BASE.toISOString());
    report(`bare grammY: ${f(bareStart.ms, 0)} ms, ${f(bareStart.rss, 0)} MiB`);
    report(`empty database: ${f(emptyStart.ms, 0)} ms (×${f(emptyStart.ms / bareStart.ms)}), ${f(emptyStart.rss, 0)} MiB (×${f(emptyStart.rss / bareStart.rss)})`);
    report(`${big.toLocaleString('en')} users: ${f(bigStart.ms, 0)} ms (×${f(bigStart.ms / bareStart.ms)}), ${f(bigStart.rss, 0)} MiB (×${f(bigStart.rss / bareStart.rss)})`);
    rmSync(bigDb, { force: true });
    targets.push(`start-up at ${big.toLocaleString('en')} ×${f(bigStart.ms / bareStart.ms)} ≤ 3`);
  }

  if (runs('storage')) bytesPerUser();

  if (targets.length > 0) report(`\nTargets: ${targets.join('; ')}`);
  report(`(bench took ${f((Date.now() - t0) / 1000, 0)} s)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

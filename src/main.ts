import { createServer, type Server } from 'node:http';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { Api, webhookCallback } from 'grammy';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import { openDatabase } from './storage/db.js';
import { UserStore } from './storage/users.js';
import { CheckinStore } from './storage/checkins.js';
import { ScheduleStore } from './storage/schedules.js';
import { RelapseStore } from './storage/relapses.js';
import { CrisisEventStore } from './storage/crisis-events.js';
import { WakeStore } from './storage/wakes.js';
import { createBot } from './bot/create-bot.js';
import { setCommandMenus } from './bot/commands.js';
import { describeError } from './bot/errors.js';
import type { Deps } from './bot/deps.js';
import type { Translate } from './bot/messages/translate.js';
import { ReminderScheduler } from './scheduler/scheduler.js';
import { Liveness } from './ops/liveness.js';
import { collectProcessMetrics } from './ops/metrics.js';
import { countRateLimits, countUpdates, PollWatch } from './ops/update-watch.js';
import { connectToTelegram } from './ops/startup.js';
import { createHealthRoutes, DatabaseProbe, type ExtraRoutes } from './ops/health.js';
import { BackupSchedule } from './ops/backup.js';

/** The process clock: real time, or (demos and tests) real time shifted to start at CLOCK_START. */
function clockFrom(start: Date | null): () => Date {
  if (!start) return () => new Date();
  const shift = start.getTime() - Date.now();
  return () => new Date(Date.now() + shift);
}

/** How long a stop waits for updates being handled to finish. */
const STOP_GRACE_MS = 10_000;

/** Update kinds we handle; anything else Telegram need not send. */
const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // One line, naming the variable, never its value.
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.botToken, ...(config.webhook ? [config.webhook.secret] : [])],
  });
  const db = openDatabase(config.databasePath);
  const deps: Deps = {
    config,
    logger,
    db,
    users: new UserStore(db),
    checkins: new CheckinStore(db),
    schedules: new ScheduleStore(db),
    relapses: new RelapseStore(db),
    crisisEvents: new CrisisEventStore(db),
    wakes: new WakeStore(db),
    now: clockFrom(config.clockStart),
  };
  collectProcessMetrics();
  const liveness = new Liveness();
  const pollWatch = new PollWatch(liveness);
  const { bot, i18n, inFlight } = createBot(deps, { apiTransformers: [pollWatch.transformer, countRateLimits], observe: countUpdates(liveness) });
  const translator = (locale: string): Translate => (key, vars) => i18n.t(locale, key, vars);
  // Scheduled messages use their own API object without auto-retry: the send queue owns their
  // retries, so a 429 pauses all of them at once instead of each waiting on its own.
  const scheduler = new ReminderScheduler(
    {
      ...deps,
      api: new Api(config.botToken, { apiRoot: config.telegramApiRoot }),
      translator,
    },
    { cron: config.schedulerCron, ratePerSecond: config.sendRatePerSecond, onTick: () => liveness.recordTick() },
  );
  const backups = config.backup ? new BackupSchedule(db, config.backup, logger) : undefined;

  let started = false;
  const dbProbe = config.databasePath === ':memory:' ? undefined : new DatabaseProbe(config.databasePath);
  const healthRoutes: ExtraRoutes = createHealthRoutes({
    liveness,
    mode: config.mode,
    checkDatabase: dbProbe?.check ?? (() => (db.prepare('SELECT 1').pluck().get() === 1 ? null : 'database did not answer')),
    pollInFlightSince: pollWatch.pollInFlightSince,
    updatesWithinMs: config.readiness.updatesWithinMs,
    tickWithinMs: config.readiness.tickWithinMs,
    started: () => started,
  });
  // Polling mode: health has a listener of its own (if HEALTH_PORT is set), up before Telegram
  // is reached, so /readyz can say why the bot is not ready yet.
  let healthServer: Server | undefined;
  if (config.mode === 'polling' && config.health.port !== null) {
    healthServer = createServer((req, res) => {
      if (!healthRoutes(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve, reject) => {
      healthServer!.once('error', reject);
      healthServer!.listen(config.health.port!, config.health.host, resolve);
    });
    logger.info({ port: config.health.port, host: config.health.host }, 'health endpoints listening');
  }

  let stopping = false;
  let runner: RunnerHandle | undefined;
  let server: Server | undefined;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      backups?.stop();
      await scheduler.stop(STOP_GRACE_MS / 2);
      if (runner?.isRunning()) await runner.stop();
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      if (healthServer) await new Promise<void>((resolve) => healthServer!.close(() => resolve()));
      if (!(await inFlight.idle(STOP_GRACE_MS))) logger.warn({ running: inFlight.count }, 'stopping with updates still running');
      if (runner && inFlight.lastUpdateId !== null) {
        // Confirm what was handled, so the next start does not receive it again.
        await bot.api.getUpdates({ offset: inFlight.lastUpdateId + 1, limit: 1, timeout: 0 });
      }
    } catch (error) {
      logger.error({ err: describeError(error) }, 'error while stopping');
    }
    dbProbe?.close();
    db.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.on('unhandledRejection', (reason) => logger.error({ err: describeError(reason) }, 'unhandled rejection'));

  const connected = await connectToTelegram({
    token: config.botToken,
    apiRoot: config.telegramApiRoot,
    logger,
    stopping: () => stopping,
  });
  if (connected.kind === 'stopped') return;
  if (connected.kind === 'rejected') {
    logger.fatal({ reason: connected.reason }, 'Telegram rejected BOT_TOKEN');
    process.exit(1);
  }
  bot.botInfo = connected.me;
  try {
    await setCommandMenus(bot.api, translator, config.defaultLocale);
  } catch (error) {
    logger.warn({ err: describeError(error) }, 'could not set the command menu');
  }

  if (config.mode === 'webhook' && config.webhook) {
    const { url, secret, port } = config.webhook;
    const handle = webhookCallback(bot, 'http', { secretToken: secret });
    server = createServer((req, res) => {
      if (healthRoutes(req, res)) return;
      if (req.method === 'POST') return void handle(req, res);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server!.listen(port, resolve));
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    scheduler.start();
    started = true;
    logger.info({ mode: 'webhook', port, bot: bot.botInfo.username }, 'started');
  } else {
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
    scheduler.start();
    started = true;
    logger.info({ mode: 'polling', bot: bot.botInfo.username }, 'started');
  }
  backups?.start();
}

main().catch((error) => {
  process.stderr.write(`Steady Nights failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

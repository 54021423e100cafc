import { warmCrisisDetection } from './domain/crisis/index.js';
import { createServer, type Server } from 'node:http';
import { Api } from 'grammy';
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
import { InstanceLease } from './ops/instance-lease.js';
import { PollingSupervisor } from './ops/polling.js';
import { createWebhookServer, ACK_AFTER_MS, type WebhookServer } from './ops/webhook-server.js';
import { STOP_DEADLINE_MS, withTimeout } from './ops/shutdown.js';

/** The process clock: real time, or (demos and tests) real time shifted to start at CLOCK_START. */
function clockFrom(start: Date | null): () => Date {
  if (!start) return () => new Date();
  const shift = start.getTime() - Date.now();
  return () => new Date(Date.now() + shift);
}

/** How long a stop waits for updates being handled to finish (within STOP_DEADLINE_MS overall). */
const STOP_GRACE_MS = 8_000;

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
  // One process per database: a second one is refused before it touches Telegram.
  const lease = new InstanceLease(db);
  const leased = lease.acquire();
  if (!leased.ok) {
    const { host, pid, ageMs } = leased.holder;
    logger.fatal(
      { holder_host: host, holder_pid: pid, heartbeat_age_s: Math.round(ageMs / 1000) },
      'another Steady Nights process is running on this database; refusing to start',
    );
    db.close();
    process.exit(1);
  }
  const liveness = new Liveness();
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
    {
      cron: config.schedulerCron,
      ratePerSecond: config.sendRatePerSecond,
      allowPaidBroadcast: config.allowPaidBroadcast,
      deliveryRetentionDays: config.deliveryRetentionDays,
      onTick: () => liveness.recordTick(),
    },
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
  let finished = false;
  let polling: PollingSupervisor | undefined;
  let webhook: WebhookServer | undefined;
  /** Last step of every stop, also forced by the deadline: lease released, database closed, exit. */
  const finish = (exitCode: number) => {
    if (finished) return;
    finished = true;
    try {
      lease.release();
    } catch {
      /* the lease goes stale by itself */
    }
    dbProbe?.close();
    db.close();
    logger.info('stopped');
    process.exit(exitCode);
  };
  const stop = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const deadline = setTimeout(() => {
      logger.warn({ running: inFlight.count }, 'stop deadline reached; exiting with work unfinished');
      finish(exitCode);
    }, STOP_DEADLINE_MS);
    try {
      backups?.stop();
      await withTimeout(scheduler.stop(STOP_GRACE_MS / 2), STOP_GRACE_MS / 2 + 500);
      if (polling) await withTimeout(polling.stop(), 2_000);
      if (webhook) await webhook.close(ACK_AFTER_MS + 500);
      if (healthServer) {
        healthServer.closeAllConnections();
        await withTimeout(new Promise<void>((resolve) => healthServer!.close(() => resolve())), 1_000);
      }
      if (!(await inFlight.idle(STOP_GRACE_MS))) logger.warn({ running: inFlight.count }, 'stopping with updates still running');
      if (polling && inFlight.lastUpdateId !== null) {
        // Confirm what was handled, so the next start does not receive it again. Its own API
        // object: no auto-retry (it retries network errors without end), a short timeout.
        const confirm = new Api(config.botToken, { apiRoot: config.telegramApiRoot });
        await confirm.getUpdates({ offset: inFlight.lastUpdateId + 1, limit: 1, timeout: 0 }, AbortSignal.timeout(2_000) as Parameters<Api['getUpdates']>[1]);
      }
    } catch (error) {
      logger.warn({ err: describeError(error) }, 'could not finish stopping cleanly');
    }
    clearTimeout(deadline);
    finish(exitCode);
  };
  lease.keepAlive(() => {
    logger.error('another process took over this database; stopping');
    void stop('lease lost', 1);
  });
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
  if (stopping) return; // a signal during start-up: the stop owns the exit

  if (config.mode === 'webhook' && config.webhook) {
    const { url, secret, port } = config.webhook;
    webhook = createWebhookServer({ bot, secret, liveness, logger, extraRoutes: healthRoutes });
    await webhook.listen(port);
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    scheduler.start();
    started = true;
    logger.info({ mode: 'webhook', port, bot: bot.botInfo.username }, 'started');
  } else {
    await bot.api.deleteWebhook();
    polling = new PollingSupervisor(bot, { allowedUpdates: ALLOWED_UPDATES, liveness, logger });
    bot.api.config.use(polling.observePolls);
    polling.start();
    scheduler.start();
    started = true;
    logger.info({ mode: 'polling', bot: bot.botInfo.username }, 'started');
  }
  backups?.start();
  // The command menus are cosmetic: set them while the bot already answers, not before.
  setCommandMenus(bot.api, translator, config.defaultLocale).catch((error: unknown) =>
    logger.warn({ err: describeError(error) }, 'could not set the command menu'),
  );
  // The crisis model (about 60k features) is decoded once; doing it a moment after start-up
  // keeps that cost off the first poll and off the first person who writes.
  setTimeout(() => warmCrisisDetection(), 1_000).unref();
}

main().catch((error) => {
  process.stderr.write(`Steady Nights failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

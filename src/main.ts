import { Api } from 'grammy';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { openDatabase } from './storage/db.js';
import { UserStore } from './storage/users.js';
import { CheckinStore } from './storage/checkins.js';
import { ScheduleStore } from './storage/schedules.js';
import { RelapseStore } from './storage/relapses.js';
import { createBot } from './bot/create-bot.js';
import { setCommandMenus } from './bot/commands.js';
import { describeError } from './bot/errors.js';
import type { Deps } from './bot/deps.js';
import type { Translate } from './bot/messages/translate.js';
import { ReminderScheduler } from './scheduler/scheduler.js';
import { Liveness } from './ops/liveness.js';
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

/** Waits for Telegram to answer getMe, retrying with backoff: a brief outage at boot is not fatal. */
async function initWithRetry(init: () => Promise<void>, logger: Logger, stopping: () => boolean): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await init();
      return;
    } catch (error) {
      const details = describeError(error);
      if (details.error_code === 401 || details.error_code === 404) {
        logger.fatal({ err: details }, 'Telegram rejected BOT_TOKEN');
        process.exit(1);
      }
      if (stopping()) return;
      const delay = Math.min(30_000, 500 * 2 ** attempt);
      logger.warn({ err: details, attempt, retry_in_ms: delay }, 'cannot reach Telegram yet');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
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
    now: clockFrom(config.clockStart),
  };
  const { bot, i18n, inFlight } = createBot(deps);
  const translator = (locale: string): Translate => (key, vars) => i18n.t(locale, key, vars);
  // Scheduled messages use their own API object without auto-retry: the send queue owns their
  // retries, so a 429 pauses all of them at once instead of each waiting on its own.
  const scheduler = new ReminderScheduler(
    {
      ...deps,
      api: new Api(config.botToken, { apiRoot: config.telegramApiRoot }),
      translator,
    },
    { cron: config.schedulerCron, ratePerSecond: config.sendRatePerSecond },
  );

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
      await withTimeout(scheduler.stop(STOP_GRACE_MS / 2), STOP_GRACE_MS / 2 + 500);
      if (polling) await withTimeout(polling.stop(), 2_000);
      if (webhook) await webhook.close(ACK_AFTER_MS + 500);
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

  await initWithRetry(() => bot.init(), logger, () => stopping);
  if (stopping) return;
  try {
    await setCommandMenus(bot.api, translator, config.defaultLocale);
  } catch (error) {
    logger.warn({ err: describeError(error) }, 'could not set the command menu');
  }
  if (stopping) return; // a signal during start-up: the stop owns the exit

  if (config.mode === 'webhook' && config.webhook) {
    const { url, secret, port } = config.webhook;
    webhook = createWebhookServer({ bot, secret, liveness, logger });
    await webhook.listen(port);
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    scheduler.start();
    logger.info({ mode: 'webhook', port, bot: bot.botInfo.username }, 'started');
  } else {
    await bot.api.deleteWebhook();
    polling = new PollingSupervisor(bot, { allowedUpdates: ALLOWED_UPDATES, liveness, logger });
    bot.api.config.use(polling.observePolls);
    polling.start();
    scheduler.start();
    logger.info({ mode: 'polling', bot: bot.botInfo.username }, 'started');
  }
}

main().catch((error) => {
  process.stderr.write(`Steady Nights failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

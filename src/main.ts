import { createServer, type Server } from 'node:http';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { Api, webhookCallback } from 'grammy';
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
    {
      cron: config.schedulerCron,
      ratePerSecond: config.sendRatePerSecond,
      allowPaidBroadcast: config.allowPaidBroadcast,
      deliveryRetentionDays: config.deliveryRetentionDays,
    },
  );

  let stopping = false;
  let runner: RunnerHandle | undefined;
  let server: Server | undefined;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      await scheduler.stop(STOP_GRACE_MS / 2);
      if (runner?.isRunning()) await runner.stop();
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      if (!(await inFlight.idle(STOP_GRACE_MS))) logger.warn({ running: inFlight.count }, 'stopping with updates still running');
      if (runner && inFlight.lastUpdateId !== null) {
        // Confirm what was handled, so the next start does not receive it again.
        await bot.api.getUpdates({ offset: inFlight.lastUpdateId + 1, limit: 1, timeout: 0 });
      }
    } catch (error) {
      logger.error({ err: describeError(error) }, 'error while stopping');
    }
    db.close();
    logger.info('stopped');
    process.exit(0);
  };
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

  if (config.mode === 'webhook' && config.webhook) {
    const { url, secret, port } = config.webhook;
    const handle = webhookCallback(bot, 'http', { secretToken: secret });
    server = createServer((req, res) => {
      if (req.method === 'POST') return void handle(req, res);
      res.writeHead(req.url === '/healthz' ? 200 : 404).end();
    });
    await new Promise<void>((resolve) => server!.listen(port, resolve));
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    scheduler.start();
    logger.info({ mode: 'webhook', port, bot: bot.botInfo.username }, 'started');
  } else {
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
    scheduler.start();
    logger.info({ mode: 'polling', bot: bot.botInfo.username }, 'started');
  }
}

main().catch((error) => {
  process.stderr.write(`Steady Nights failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

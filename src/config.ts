import cron from 'node-cron';
import { z } from 'zod';

/**
 * The operator's configuration, read from the environment once at start and validated,
 * so a typo fails fast with a message naming the variable instead of a crash later.
 * Never include a value in an error message: one of them is the bot token.
 */

const SUPPORTED_LOCALES = ['en', 'es'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/**
 * Telegram tokens look like `123456789:AA…`: the bot id, a colon, then URL-safe characters.
 * Real secrets are 35 characters, but local Bot API servers and emulators accept short ones
 * (`123:abc`), so only the shape is checked; Telegram itself rejects a wrong token at start.
 */
const TOKEN_PATTERN = /^\d{1,20}:[A-Za-z0-9_-]+$/;

/** Telegram's free broadcast limit is about 30 messages a second per bot. */
const FREE_MAX_RATE = 30;
/** Paid broadcasts (`allow_paid_broadcast`, charged in Stars) raise it to 1,000 a second. */
const PAID_BROADCAST_MAX_RATE = 1000;
/**
 * The ledger must remember a reminder for as long as it could be claimed again: its local date
 * is at most a day away from its instant and a late one is sent up to 2 hours after, so 2 days
 * is the least that keeps "exactly once".
 */
const MIN_RETENTION_DAYS = 2;

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const schema = z
  .object({
    BOT_TOKEN: z.string({ error: 'is required' }).regex(TOKEN_PATTERN, { error: 'is not a valid bot token' }),
    DATABASE_PATH: z.preprocess(emptyToUndefined, z.string().default('./data/steady-nights.sqlite')),
    TELEGRAM_API_ROOT: z.preprocess(
      emptyToUndefined,
      z
        .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
        .default('https://api.telegram.org')
        .transform((url) => url.replace(/\/+$/, '')),
    ),
    BOT_MODE: z.preprocess(
      emptyToUndefined,
      z.enum(['polling', 'webhook'], { error: 'must be "polling" or "webhook"' }).default('polling'),
    ),
    WEBHOOK_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https$/, error: 'must be an https URL' }).optional()),
    WEBHOOK_SECRET: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,256}$/, { error: 'must be 1-256 characters of A-Z, a-z, 0-9, _ and -' })
        .optional(),
    ),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(8080)),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    DEFAULT_LOCALE: z.preprocess(
      emptyToUndefined,
      z.enum(SUPPORTED_LOCALES, { error: 'must be "en" or "es"' }).default('en'),
    ),
    SEND_RATE_PER_SECOND: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(PAID_BROADCAST_MAX_RATE).default(25)),
    ALLOW_PAID_BROADCAST: z.preprocess(
      emptyToUndefined,
      z.enum(['true', 'false'], { error: 'must be "true" or "false"' }).default('false').transform((v) => v === 'true'),
    ),
    DELIVERY_RETENTION_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(MIN_RETENTION_DAYS).max(3650).default(14)),
    SCHEDULER_CRON: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine((expression) => cron.validate(expression), { error: 'is not a valid cron expression' })
        .default('* * * * *'),
    ),
    HEALTH_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).optional()),
    HEALTH_HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
    READY_UPDATES_WITHIN_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(90)),
    READY_TICK_WITHIN_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(120)),
    BACKUP_DIR: z.preprocess(emptyToUndefined, z.string().optional()),
    BACKUP_EVERY_HOURS: z.preprocess(emptyToUndefined, z.coerce.number().positive().default(24)),
    BACKUP_KEEP: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).default(7)),
    CLOCK_START: z.preprocess(
      emptyToUndefined,
      z.iso.datetime({ offset: true, error: 'must be an ISO instant such as 2026-11-23T07:59:30Z' }).optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (!env.ALLOW_PAID_BROADCAST && env.SEND_RATE_PER_SECOND > FREE_MAX_RATE)
      ctx.addIssue({
        code: 'custom',
        path: ['SEND_RATE_PER_SECOND'],
        message: `must be at most ${FREE_MAX_RATE} unless ALLOW_PAID_BROADCAST=true (up to ${PAID_BROADCAST_MAX_RATE})`,
      });
    if (env.BOT_MODE === 'webhook') {
      if (!env.WEBHOOK_URL) ctx.addIssue({ code: 'custom', path: ['WEBHOOK_URL'], message: 'is required when BOT_MODE=webhook' });
      if (!env.WEBHOOK_SECRET)
        ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'is required when BOT_MODE=webhook' });
    }
  });

export interface Config {
  botToken: string;
  databasePath: string;
  telegramApiRoot: string;
  mode: 'polling' | 'webhook';
  webhook: { url: string; secret: string; port: number } | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  defaultLocale: SupportedLocale;
  sendRatePerSecond: number;
  /** Scheduled sends carry `allow_paid_broadcast` (rates above 30/s; Telegram charges Stars). */
  allowPaidBroadcast: boolean;
  /** Delivery ledger rows older than this many days are pruned (at least 2: see MIN_RETENTION_DAYS). */
  deliveryRetentionDays: number;
  /** When the reminder tick runs (node-cron syntax; a 6-field expression ticks in seconds). */
  schedulerCron: string;
  /**
   * For demos and tests only: the process clock starts at this instant and runs on in real
   * time, so "tomorrow at 08:00" can be tried now. Unset in production.
   */
  clockStart: Date | null;
  /**
   * Where /healthz, /readyz and /metrics are served in polling mode (null: not served). In
   * webhook mode they share the webhook server's port instead.
   */
  health: { port: number | null; host: string };
  /** /readyz fails when no update was polled or received for this long, or no tick ran for this long. */
  readiness: { updatesWithinMs: number; tickWithinMs: number };
  /** In-process backups: off unless BACKUP_DIR is set. */
  backup: { dir: string; everyHours: number; keep: number } | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws a {@link ConfigError} whose message names every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    botToken: e.BOT_TOKEN,
    databasePath: e.DATABASE_PATH,
    telegramApiRoot: e.TELEGRAM_API_ROOT,
    mode: e.BOT_MODE,
    webhook:
      e.BOT_MODE === 'webhook' && e.WEBHOOK_URL && e.WEBHOOK_SECRET
        ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET, port: e.PORT }
        : null,
    logLevel: e.LOG_LEVEL,
    defaultLocale: e.DEFAULT_LOCALE,
    sendRatePerSecond: e.SEND_RATE_PER_SECOND,
    allowPaidBroadcast: e.ALLOW_PAID_BROADCAST,
    deliveryRetentionDays: e.DELIVERY_RETENTION_DAYS,
    schedulerCron: e.SCHEDULER_CRON,
    clockStart: e.CLOCK_START ? new Date(e.CLOCK_START) : null,
    health: { port: e.HEALTH_PORT ?? null, host: e.HEALTH_HOST },
    readiness: { updatesWithinMs: e.READY_UPDATES_WITHIN_SECONDS * 1000, tickWithinMs: e.READY_TICK_WITHIN_SECONDS * 1000 },
    backup: e.BACKUP_DIR ? { dir: e.BACKUP_DIR, everyHours: e.BACKUP_EVERY_HOURS, keep: e.BACKUP_KEEP } : null,
  };
}

export { SUPPORTED_LOCALES };

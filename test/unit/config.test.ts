import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const TOKEN = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ-_0123456789';

describe('loadConfig', () => {
  it('applies the documented defaults when only BOT_TOKEN is set', () => {
    const config = loadConfig({ BOT_TOKEN: TOKEN });
    expect(config).toMatchObject({
      botToken: TOKEN,
      databasePath: './data/steady-nights.sqlite',
      telegramApiRoot: 'https://api.telegram.org',
      mode: 'polling',
      webhook: null,
      logLevel: 'info',
      defaultLocale: 'en',
      sendRatePerSecond: 25,
    });
  });

  it('accepts the short tokens local Bot API servers use', () => {
    expect(loadConfig({ BOT_TOKEN: '123:abc' }).botToken).toBe('123:abc');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, DATABASE_PATH: '', LOG_LEVEL: ' ' }).databasePath).toBe(
      './data/steady-nights.sqlite',
    );
  });

  it('strips a trailing slash from TELEGRAM_API_ROOT', () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' }).telegramApiRoot).toBe(
      'http://127.0.0.1:8081',
    );
  });

  it.each([
    [{}, /^Invalid configuration: BOT_TOKEN is required$/],
    [{ BOT_TOKEN: 'not-a-token-secret-value' }, /^Invalid configuration: BOT_TOKEN is not a valid bot token$/],
    [{ BOT_TOKEN: '123456:' }, /BOT_TOKEN is not a valid bot token/],
    [{ BOT_TOKEN: ' 123456:abc' }, /BOT_TOKEN is not a valid bot token/],
    [{ BOT_TOKEN: '123456:abc def' }, /BOT_TOKEN is not a valid bot token/],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: 'push' }, /BOT_MODE must be "polling" or "webhook"/],
    [{ BOT_TOKEN: TOKEN, DEFAULT_LOCALE: 'fr' }, /DEFAULT_LOCALE must be "en" or "es"/],
    [{ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'ftp://x' }, /TELEGRAM_API_ROOT/],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: 'webhook' }, /WEBHOOK_URL is required when BOT_MODE=webhook; WEBHOOK_SECRET is required/],
    [{ BOT_TOKEN: TOKEN, PORT: '99999' }, /PORT/],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes the token value in its error message', () => {
    const secret = 'abc:this-is-the-secret-token-value';
    try {
      loadConfig({ BOT_TOKEN: secret });
      expect.fail('should have thrown');
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(secret);
      expect(String((error as Error).message)).not.toContain('this-is-the-secret');
    }
  });

  it('builds the webhook settings in webhook mode', () => {
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      BOT_MODE: 'webhook',
      WEBHOOK_URL: 'https://bot.example.org/hook',
      WEBHOOK_SECRET: 's3cret_value',
      PORT: '3000',
    });
    expect(config.webhook).toEqual({ url: 'https://bot.example.org/hook', secret: 's3cret_value', port: 3000 });
  });
});

describe('loadConfig: operations', () => {
  it('serves no health port, backs nothing up and uses 90 s / 120 s readiness limits by default', () => {
    const config = loadConfig({ BOT_TOKEN: TOKEN });
    expect(config.health).toEqual({ port: null, host: '127.0.0.1' });
    expect(config.readiness).toEqual({ updatesWithinMs: 90_000, tickWithinMs: 120_000 });
    expect(config.backup).toBeNull();
  });

  it('reads HEALTH_PORT, readiness limits and the backup schedule', () => {
    const config = loadConfig({
      BOT_TOKEN: TOKEN, HEALTH_PORT: '9091', HEALTH_HOST: '0.0.0.0', READY_UPDATES_WITHIN_SECONDS: '5',
      BACKUP_DIR: '/backups', BACKUP_EVERY_HOURS: '6', BACKUP_KEEP: '3',
    });
    expect(config.health).toEqual({ port: 9091, host: '0.0.0.0' });
    expect(config.readiness.updatesWithinMs).toBe(5_000);
    expect(config.backup).toEqual({ dir: '/backups', everyHours: 6, keep: 3 });
  });

  it('rejects a HEALTH_PORT that is not a port, naming it', () => {
    expect(() => loadConfig({ BOT_TOKEN: TOKEN, HEALTH_PORT: '70000' })).toThrow(/HEALTH_PORT/);
  });
});

describe('loadConfig: send rate, paid broadcasts and ledger retention', () => {
  it.each([
    [{}, 25, false],
    [{ SEND_RATE_PER_SECOND: '30' }, 30, false],
    [{ SEND_RATE_PER_SECOND: '30', ALLOW_PAID_BROADCAST: 'false' }, 30, false],
    [{ SEND_RATE_PER_SECOND: '31', ALLOW_PAID_BROADCAST: 'true' }, 31, true],
    [{ SEND_RATE_PER_SECOND: '1000', ALLOW_PAID_BROADCAST: 'true' }, 1000, true],
    [{ ALLOW_PAID_BROADCAST: 'true' }, 25, true],
  ])('%j gives rate %d, paid broadcast %s', (env, rate, paid) => {
    const config = loadConfig({ BOT_TOKEN: TOKEN, ...env });
    expect(config.sendRatePerSecond).toBe(rate);
    expect(config.allowPaidBroadcast).toBe(paid);
  });

  it.each([
    [{ SEND_RATE_PER_SECOND: '31' }, /SEND_RATE_PER_SECOND must be at most 30 unless ALLOW_PAID_BROADCAST=true/],
    [{ SEND_RATE_PER_SECOND: '1000' }, /SEND_RATE_PER_SECOND must be at most 30/],
    [{ SEND_RATE_PER_SECOND: '1001', ALLOW_PAID_BROADCAST: 'true' }, /SEND_RATE_PER_SECOND/],
    [{ SEND_RATE_PER_SECOND: '0' }, /SEND_RATE_PER_SECOND/],
    [{ ALLOW_PAID_BROADCAST: 'yes' }, /ALLOW_PAID_BROADCAST must be "true" or "false"/],
    [{ DELIVERY_RETENTION_DAYS: '1' }, /DELIVERY_RETENTION_DAYS/],
    [{ DELIVERY_RETENTION_DAYS: 'x' }, /DELIVERY_RETENTION_DAYS/],
  ])('rejects %j', (env, message) => {
    expect(() => loadConfig({ BOT_TOKEN: TOKEN, ...env })).toThrow(message);
  });

  it('keeps delivery rows 14 days unless told otherwise, at least 2', () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN }).deliveryRetentionDays).toBe(14);
    expect(loadConfig({ BOT_TOKEN: TOKEN, DELIVERY_RETENTION_DAYS: '2' }).deliveryRetentionDays).toBe(2);
  });
});

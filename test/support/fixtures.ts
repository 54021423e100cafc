import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotApiEmulator, TEST_BOT_TOKEN } from '../../src/emulator/emulator.js';
import { startBot, type BotProcess } from './bot-process.js';

/**
 * One-call setup for an end-to-end test: a temp dir, an emulator, and the real bot polling it.
 *
 * ```ts
 * let e: E2E;
 * beforeEach(async () => { e = await setupE2E(); });
 * afterEach(() => e.teardown());
 * ```
 */

export interface E2EOptions {
  /** Extra environment for the bot process (also used by `restart()` unless it gets its own). */
  env?: Record<string, string>;
  token?: string;
  /** How long to wait for the bot's first getUpdates call (default 15 s). */
  startupTimeoutMs?: number;
  /** Default timeout of the emulator's waits (default 5 s). */
  waitTimeoutMs?: number;
  /** Script to run instead of dist/main.js (for testing the harness itself). */
  entry?: string;
}

export interface E2E {
  emu: BotApiEmulator;
  /** The current bot process (a new one after `restart()`). */
  readonly bot: BotProcess;
  dbPath: string;
  tmpDir: string;
  /** Stops the bot with SIGTERM and starts a new process on the same database and emulator. */
  restart(options?: { env?: Record<string, string> }): Promise<void>;
  /** Stops the bot and the emulator and deletes the temp dir. Safe to call twice. */
  teardown(): Promise<void>;
}

export async function setupE2E(options: E2EOptions = {}): Promise<E2E> {
  const tmpDir = await mkdtemp(join(tmpdir(), 'steady-nights-e2e-'));
  const dbPath = join(tmpDir, 'bot.sqlite');
  const token = options.token ?? TEST_BOT_TOKEN;
  let emu: BotApiEmulator | undefined;
  let bot: BotProcess | undefined;
  let tornDown = false;

  const launch = async (env: Record<string, string> | undefined): Promise<BotProcess> => {
    const started = await startBot({ apiRoot: emu!.apiRoot, token, dbPath, ...(env ? { env } : {}), ...(options.entry ? { entry: options.entry } : {}) });
    bot = started;
    await started.waitUntilPolling(emu!, options.startupTimeoutMs);
    return started;
  };

  const teardown = async (): Promise<void> => {
    if (tornDown) return;
    tornDown = true;
    // Bot first: it should shut down against a live API, as in production.
    await bot?.stop();
    await emu?.stop();
    await rm(tmpDir, { recursive: true, force: true });
  };

  try {
    emu = await BotApiEmulator.start({ token, ...(options.waitTimeoutMs ? { defaultTimeoutMs: options.waitTimeoutMs } : {}) });
    await launch(options.env);
  } catch (error) {
    // The caller never gets a handle to tear down, so clean up here.
    await teardown();
    throw error;
  }

  return {
    emu,
    get bot() {
      return bot!;
    },
    dbPath,
    tmpDir,
    async restart(restartOptions = {}) {
      await bot!.stop('SIGTERM');
      await launch(restartOptions.env ?? options.env);
    },
    teardown,
  };
}

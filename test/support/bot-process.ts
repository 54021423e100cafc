import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import type { BotApiEmulator, RecordedCall } from '../../src/emulator/emulator.js';

/**
 * Runs the real bot (`node dist/main.js`, built by `npm run build`) as a child process, the way
 * production runs it, with only the environment the test gives it.
 */

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BOT_ENTRY = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const ORPHAN_GUARD = pathToFileURL(fileURLToPath(new URL('./orphan-guard.mjs', import.meta.url))).href;

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StartBotOptions {
  apiRoot: string;
  token: string;
  dbPath: string;
  /** Extra or overriding environment variables (e.g. `LOG_LEVEL`). */
  env?: Record<string, string>;
  /** Script to run instead of dist/main.js (for testing the harness itself). */
  entry?: string;
}

export interface BotProcess {
  readonly pid: number;
  /** stdout and stderr lines, in arrival order. */
  readonly logs: string[];
  /** Resolves when the process has exited and its output is fully read. */
  readonly exited: Promise<ExitInfo>;
  /** Set once the process has exited. */
  readonly exitInfo: ExitInfo | undefined;
  /** Resolves with the first log line (past or future) containing `predicate` / matching it. */
  waitForLog(predicate: string | RegExp | ((line: string) => boolean), timeoutMs?: number): Promise<string>;
  /** Resolves with the process's first getUpdates call, i.e. once the bot is polling. */
  waitUntilPolling(emulator: BotApiEmulator, timeoutMs?: number): Promise<RecordedCall>;
  /** Sends `signal` (default SIGTERM) and waits for exit; SIGKILLs after 10 s. */
  stop(signal?: NodeJS.Signals): Promise<ExitInfo>;
  /** SIGKILL, for crash tests. */
  kill(): Promise<ExitInfo>;
}

/** Processes still running, killed on worker exit in case a test forgot to stop them. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Kills every bot process this worker started that is still running. */
export async function stopAllBots(): Promise<void> {
  await Promise.all(
    [...running].map((child) => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    })),
  );
}

export async function startBot(options: StartBotOptions): Promise<BotProcess> {
  const entry = options.entry ?? BOT_ENTRY;
  if (!existsSync(entry)) throw new Error(`${entry} does not exist — run \`npm run build\` before the e2e tests.`);

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'test',
    TZ: 'UTC',
    TELEGRAM_API_ROOT: options.apiRoot,
    BOT_TOKEN: options.token,
    DATABASE_PATH: options.dbPath,
    LOG_LEVEL: 'debug',
    ...options.env,
  };
  const child = spawn(process.execPath, ['--import', ORPHAN_GUARD, entry], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);

  const logs: string[] = [];
  const logListeners = new Set<(line: string) => void>();
  const echo = process.env.E2E_BOT_LOGS === '1';
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => {
      logs.push(line);
      if (echo) console.log(`[bot ${child.pid}] ${line}`);
      for (const listener of logListeners) listener(line);
    });
  }

  let exitInfo: ExitInfo | undefined;
  const exited = new Promise<ExitInfo>((resolve) => {
    // 'close' (not 'exit') so every log line has been read when this resolves.
    child.once('close', (code, signal) => {
      running.delete(child);
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
  });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', reject);
  });

  const startedAt = Date.now();
  const tail = (): string => logs.slice(-60).map((l) => `  | ${l}`).join('\n') || '  | (no output)';
  const exitedEarly = (what: string): Promise<never> =>
    exited.then((info) => {
      throw new Error(`The bot exited (code ${info.code}, signal ${info.signal}) before ${what}. Its output:\n${tail()}`);
    });

  const waitForLog: BotProcess['waitForLog'] = (predicate, timeoutMs = 10_000) => {
    const matches =
      typeof predicate === 'string' ? (l: string) => l.includes(predicate)
      : predicate instanceof RegExp ? (l: string) => predicate.test(l)
      : predicate;
    const past = logs.find(matches);
    if (past !== undefined) return Promise.resolve(past);
    let listener: ((line: string) => void) | undefined;
    let timer: NodeJS.Timeout | undefined;
    const found = new Promise<string>((resolve, reject) => {
      listener = (line) => {
        if (matches(line)) resolve(line);
      };
      logListeners.add(listener);
      timer = setTimeout(() => reject(new Error(`No bot log line matching ${String(predicate)} within ${timeoutMs} ms. Output:\n${tail()}`)), timeoutMs);
    });
    return Promise.race([found, exitedEarly(`logging ${String(predicate)}`)]).finally(() => {
      logListeners.delete(listener!);
      clearTimeout(timer);
    });
  };

  const waitUntilPolling: BotProcess['waitUntilPolling'] = async (emulator, timeoutMs = 15_000) => {
    // Calls from a previous process on the same emulator happened before this one started.
    const firstPoll = emulator.waitForCall('getUpdates', (c) => c.at >= startedAt, { after: 0, timeoutMs });
    try {
      return await Promise.race([firstPoll, exitedEarly('it started polling')]);
    } catch (error) {
      if (error instanceof Error && !error.message.includes('Its output')) error.message += `\nBot output:\n${tail()}`;
      throw error;
    }
  };

  const stop: BotProcess['stop'] = async (signal = 'SIGTERM') => {
    if (exitInfo) return exitInfo;
    child.kill(signal);
    const hardKill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    try {
      return await exited;
    } finally {
      clearTimeout(hardKill);
    }
  };

  return {
    pid: child.pid!,
    logs,
    exited,
    get exitInfo() {
      return exitInfo;
    },
    waitForLog,
    waitUntilPolling,
    stop,
    kill: () => stop('SIGKILL'),
  };
}

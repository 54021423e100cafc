import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { BotApiEmulator } from '../emulator/emulator.js';

/** The repository root, from src/demo (tests) as from dist/demo (`npm run demo`). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The compiled bot, run exactly as production runs it. */
export const BOT_ENTRY = `${REPO_ROOT}dist/main.js`;

export interface BotRunnerOptions {
  emulator: BotApiEmulator;
  dbPath: string;
  /** Written through to the demo's stdout (default: only warnings and errors). */
  logLevel?: string;
  /** Where bot output lines go (default: this process's stderr). */
  onLog?: (line: string) => void;
}

/**
 * Runs the real bot process (`node dist/main.js`) against the emulator and restarts it on a new
 * clock: the bot reads CLOCK_START only at start, and all of its state is in SQLite, so a restart
 * with a later CLOCK_START is the bot's clock jumping forward. Its scheduler then finds what fell
 * due, exactly as after any restart: what is due now goes out, what is more than 2 hours late is
 * recorded as missed.
 */
export class BotRunner {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  /** Bot clock minus wall clock, ms (0 until the first jump). */
  private shiftMs = 0;
  /** Each shift and the wall-clock instant it took effect, oldest first. */
  private readonly shifts: Array<{ fromWall: number; shiftMs: number }> = [{ fromWall: 0, shiftMs: 0 }];
  private restarting: Promise<void> | undefined;

  constructor(private readonly options: BotRunnerOptions) {}

  /** The bot's clock now. */
  now(): Date {
    return new Date(Date.now() + this.shiftMs);
  }

  /** What the bot's clock read at wall-clock instant `wallMs` (for message times on the page). */
  clockAt(wallMs: number): Date {
    const shift = this.shifts.findLast((s) => s.fromWall <= wallMs)?.shiftMs ?? 0;
    return new Date(wallMs + shift);
  }

  get busy(): boolean {
    return this.restarting !== undefined;
  }

  async start(clockStart?: Date): Promise<void> {
    if (clockStart) {
      this.shiftMs = clockStart.getTime() - Date.now();
      this.shifts.push({ fromWall: Date.now(), shiftMs: this.shiftMs });
    }
    const { emulator } = this.options;
    const startedAt = Date.now();
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_PATH: this.options.dbPath,
      LOG_LEVEL: this.options.logLevel ?? 'warn',
      ...(this.shiftMs !== 0 ? { CLOCK_START: this.now().toISOString() } : {}),
    };
    const child = spawn(process.execPath, [BOT_ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const log = this.options.onLog ?? ((line: string) => process.stderr.write(`[bot] ${line}\n`));
    for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on('line', log);
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));
    const exitedEarly = this.exited.then(() => {
      throw new Error('The bot process exited during start; its output is above.');
    });
    await Promise.race([
      emulator.waitForCall('getUpdates', (c) => c.at >= startedAt, { after: 0, timeoutMs: 90_000 }),
      exitedEarly,
    ]);
    exitedEarly.catch(() => {});
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGTERM');
    const hardKill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(hardKill);
  }

  /** Stops the bot and starts it again with its clock at `at`. One jump at a time. */
  jumpTo(at: Date): Promise<void> {
    if (this.restarting) return this.restarting;
    this.restarting = (async () => {
      await this.stop();
      await this.start(at);
    })().finally(() => {
      this.restarting = undefined;
    });
    return this.restarting;
  }
}

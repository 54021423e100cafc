import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../logger.js';

/**
 * Consistent copies of the live SQLite file. Copying the file with `cp` while the bot runs can
 * catch it between a write to the main file and its WAL; SQLite's online backup API copies
 * pages under SQLite's own locking instead, so the copy is one consistent state even while the
 * bot keeps writing. Each copy is checked with `PRAGMA integrity_check` before it gets its name.
 */

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
}

export class BackupError extends Error {
  override name = 'BackupError';
}

/** Copies `source` (an open connection or a file path) to `target`, checks it, and returns. */
export async function backupDatabase(source: Database.Database | string, target: string): Promise<BackupResult> {
  const started = Date.now();
  const db = typeof source === 'string' ? new Database(source, { fileMustExist: true, timeout: 5_000 }) : source;
  const partial = `${target}.partial`;
  mkdirSync(dirname(target), { recursive: true });
  rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    const problem = integrityProblem(partial);
    if (problem) throw new BackupError(`the copy failed PRAGMA integrity_check: ${problem}`);
    // The copy is not a live database: no WAL, one self-contained file.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    if (typeof source === 'string') db.close();
  }
  const copy = new Database(target, { readonly: true });
  const bytes = (copy.pragma('page_count', { simple: true }) as number) * (copy.pragma('page_size', { simple: true }) as number);
  copy.close();
  return { file: target, bytes, ms: Date.now() - started };
}

/** Null when the file passes `PRAGMA integrity_check`; otherwise SQLite's first complaint. */
export function integrityProblem(file: string): string | null {
  const db = new Database(file, { fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const first = rows[0]?.integrity_check;
    return first === 'ok' ? null : (first ?? 'no answer');
  } finally {
    db.close();
  }
}

const BACKUP_NAME = /^steady-nights-\d{8}T\d{6}Z\.sqlite$/;

/** `steady-nights-20261201T193000Z.sqlite`: sorts by time as text. */
export function backupFileName(at: Date): string {
  return `steady-nights-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}.sqlite`;
}

/** Deletes all but the newest `keep` backups this schedule wrote in `dir`; returns the deleted names. */
export function pruneBackups(dir: string, keep: number): string[] {
  const ours = readdirSync(dir).filter((name) => BACKUP_NAME.test(name)).sort();
  const old = ours.slice(0, Math.max(0, ours.length - keep));
  for (const name of old) rmSync(join(dir, name), { force: true });
  return old;
}

/**
 * The optional in-process schedule (BACKUP_DIR): one backup at start, then every
 * BACKUP_EVERY_HOURS, keeping the newest BACKUP_KEEP. Wall-clock time, not the bot's clock.
 */
export class BackupSchedule {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly options: { dir: string; everyHours: number; keep: number },
    private readonly logger: Logger,
  ) {}

  start(): void {
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.options.everyHours * 3_600_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Takes one backup now (never throws: a failed backup is logged and the next one tries again). */
  runOnce(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      const target = join(this.options.dir, backupFileName(new Date()));
      try {
        const result = await backupDatabase(this.db, target);
        const pruned = pruneBackups(this.options.dir, this.options.keep);
        this.logger.info({ file: result.file, bytes: result.bytes, ms: result.ms, pruned: pruned.length }, 'backup written');
      } catch (error) {
        this.logger.error({ file: target, err: error instanceof Error ? error.message : String(error) }, 'backup failed');
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }
}

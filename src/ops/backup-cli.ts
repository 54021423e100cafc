import { resolve } from 'node:path';
import { backupDatabase } from './backup.js';

/**
 * `npm run backup -- <file>`: a consistent copy of DATABASE_PATH (default
 * ./data/steady-nights.sqlite), safe while the bot runs, checked with PRAGMA integrity_check.
 * Reads only DATABASE_PATH, so it needs no bot token. Exits 1 with one line when it fails.
 */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target || target.startsWith('-')) {
    process.stderr.write('Usage: npm run backup -- <file>   (copies DATABASE_PATH, default ./data/steady-nights.sqlite)\n');
    process.exit(2);
  }
  const source = process.env.DATABASE_PATH?.trim() || './data/steady-nights.sqlite';
  const result = await backupDatabase(resolve(source), resolve(target));
  process.stdout.write(`Backup written to ${result.file} (${result.bytes} bytes, ${result.ms} ms); integrity_check ok\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import { resolve } from 'node:path';
import { startDemo } from './server.js';

/**
 * `npm run demo`: no token, no Telegram. DEMO_PORT (default 8088) on 127.0.0.1; the demo
 * database is ./data/demo.sqlite, started afresh each time (DEMO_KEEP=1 keeps it).
 */
async function main(): Promise<void> {
  const port = Number(process.env.DEMO_PORT ?? 8088);
  const demo = await startDemo({
    port,
    dbPath: resolve(process.env.DEMO_DATABASE_PATH ?? './data/demo.sqlite'),
    fresh: process.env.DEMO_KEEP !== '1',
    botLogLevel: process.env.LOG_LEVEL ?? 'warn',
  });
  process.stdout.write(`\nSteady Nights demo: open ${demo.url} in a browser (Ctrl+C stops it).\n\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await demo.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`The demo failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

/**
 * `node dist/ops/healthcheck-cli.js`: exits 0 when this machine's bot answers GET /readyz with
 * 200, 1 otherwise (Docker's HEALTHCHECK; usable from systemd or cron too). Reads the same
 * variables as the bot: webhook mode asks PORT, polling mode HEALTH_PORT. No dependencies, so it
 * starts fast and needs no bot token.
 */
const webhook = process.env.BOT_MODE === 'webhook';
const port = (webhook ? process.env.PORT : process.env.HEALTH_PORT)?.trim() || (webhook ? '8080' : '');
const path = process.argv[2] ?? '/readyz';

if (!port) {
  process.stderr.write('HEALTH_PORT is not set: polling mode serves no health endpoints without it.\n');
  process.exit(1);
}

try {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(4_000) });
  const body = await res.text();
  if (!res.ok) process.stderr.write(`${res.status} ${body}`);
  process.exit(res.ok ? 0 : 1);
} catch (error) {
  process.stderr.write(`no answer on port ${port}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

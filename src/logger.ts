import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * One JSON line per event on stdout. Health answers are never passed to the logger in the
 * first place (handlers log ids and step names, not message text); as a second guard the
 * bot token is scrubbed from every line at the stream, because HTTP client errors can
 * carry request URLs, which contain the token.
 */
export function createLogger(options: { level: string; secrets: string[] }): Logger {
  const secrets = options.secrets.filter((s) => s.length > 0);
  return pino({
    level: options.level,
    base: { service: 'steady-nights' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    hooks: {
      streamWrite: (line) => scrub(line, secrets),
    },
  });
}

/** Replaces every occurrence of each secret, and of its URL-encoded form, with `[redacted]`. */
export function scrub(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      if (out.includes(form)) out = out.split(form).join('[redacted]');
    }
  }
  return out;
}

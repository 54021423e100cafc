import { GrammyError, HttpError } from 'grammy';

/**
 * Sorts errors into the expected — Telegram said no (409, 403, 429, 5xx…) or the network failed —
 * and real bugs. Expected conditions are logged as one line with a short reason and no stack;
 * bugs keep their stack (see describeError). Neither ever carries a request payload, which can
 * echo a user's answers, or a URL, which carries the token.
 */
export interface ErrorSummary {
  expected: boolean;
  /** One short line: `409 Conflict: terminated by other getUpdates request…`, `network: ECONNREFUSED`. */
  reason: string;
}

export function describeExpected(error: unknown): ErrorSummary {
  if (error instanceof GrammyError) return { expected: true, reason: `${error.error_code} ${error.description}` };
  if (error instanceof HttpError) return { expected: true, reason: `network: ${networkCause(error.error)}` };
  if (error instanceof Error) return { expected: false, reason: `${error.name}: ${error.message}` };
  return { expected: false, reason: typeof error };
}

/** The innermost useful words of a fetch failure: `ECONNREFUSED`, `socket hang up`, `aborted`. */
function networkCause(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (!(current.cause instanceof Error)) return current.message;
    current = current.cause;
  }
  return current instanceof Error ? current.message : String(current);
}

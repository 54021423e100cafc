import { GrammyError, HttpError } from 'grammy';

/**
 * What may be logged about an error. GrammyError carries the request payload (our reply text,
 * which can echo health answers), so errors are never logged whole: only their kind, the API
 * method and Telegram's description.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof GrammyError) {
    return { type: 'GrammyError', method: error.method, error_code: error.error_code, description: error.description };
  }
  if (error instanceof HttpError) {
    const inner = error.error instanceof Error ? error.error.message : String(error.error);
    return { type: 'HttpError', message: error.message, cause: inner };
  }
  if (error instanceof Error) return { type: error.name, message: error.message, stack: error.stack };
  return { type: typeof error };
}

/** Telegram's way of saying the user blocked the bot, deleted their account, or never started it. */
export function isUnreachableUser(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 403 &&
    /blocked|deactivated|kicked|not a member|can't initiate/i.test(error.description)
  );
}

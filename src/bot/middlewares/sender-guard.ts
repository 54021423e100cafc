import type { NextFunction } from 'grammy';
import type { BotContext } from '../context.js';

/** Telegram's limit for a text message; anything longer did not come from a Telegram client. */
export const MAX_TEXT_LENGTH = 4096;

/**
 * Who may act. Runs before every feature and conversation:
 * - A message or button tap without a `from` cannot belong to anyone's diary: it is dropped with
 *   one debug line (every feature reads `ctx.from.id`).
 * - A button tap in a private chat by someone other than that chat's user (a forged or replayed
 *   callback: in a private chat the chat id is the owner's user id) gets the old-button toast and
 *   changes nothing.
 */
export async function senderGuard(ctx: BotContext, next: NextFunction): Promise<void> {
  if ((ctx.message || ctx.callbackQuery) && !ctx.from) {
    ctx.logger.debug('update without a sender ignored');
    return;
  }
  const query = ctx.callbackQuery;
  if (query && ctx.chat?.type === 'private' && query.from.id !== ctx.chat.id) {
    ctx.logger.warn('button tap from someone other than the chat owner refused');
    try {
      await ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    } catch {
      /* the toast is a courtesy */
    }
    return;
  }
  await next();
}

/**
 * Text longer than Telegram allows is refused with a clear answer before any parsing, so a
 * flood of it costs nothing and an open question stays open. Runs after crisis detection,
 * which reads only the first {@link MAX_TEXT_LENGTH} characters.
 */
export async function oversizedTextGuard(ctx: BotContext, next: NextFunction): Promise<void> {
  const text = ctx.message?.text ?? ctx.message?.caption;
  if (text !== undefined && text.length > MAX_TEXT_LENGTH) {
    ctx.logger.info({ length: text.length }, 'over-long text refused');
    await ctx.reply(ctx.t('text-too-long'));
    return;
  }
  await next();
}

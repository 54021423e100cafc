import { Composer, InlineKeyboard, InputFile } from 'grammy';
import { localDateOf } from '../../domain/dates.js';
import { buildExportCsv } from '../../domain/export.js';
import { eraseUser } from '../../storage/erase.js';
import type { BotContext } from '../context.js';
import { quietly } from '../conversations/ask.js';

/** A /delete confirmation older than this is refused: erasing everything needs a fresh yes. */
const DELETE_CONFIRM_TTL_SECONDS = 10 * 60;
const DELETE_PREFIX = 'dl';

/**
 * /privacy, /export and /delete. Installed ahead of the conversations: they work in the middle of
 * a check-in too, and /delete ends any open conversation before erasing its state.
 */
const composer = new Composer<BotContext>();

composer.command('privacy', async (ctx) => {
  await ctx.reply(ctx.t('privacy-text'));
});

composer.command('export', async (ctx) => {
  const { deps } = ctx;
  const profile = deps.users.get(ctx.from!.id);
  if (!profile) {
    await ctx.reply(ctx.t('export-nothing'));
    return;
  }
  const nights = deps.checkins.nights(profile.id, '0000-01-01', '9999-12-31');
  const wakes = deps.wakes.between(profile.id, '0000-01-01', '9999-12-31');
  const csv = buildExportCsv(profile, nights, deps.relapses.dates(profile.id), deps.crisisEvents.list(profile.id), wakes);
  const today = localDateOf(deps.now(), profile.timeZone ?? 'UTC');
  await ctx.replyWithDocument(new InputFile(Buffer.from(csv, 'utf8'), `steady-nights-export-${today}.csv`), {
    caption: ctx.t('export-caption', { nights: nights.length }),
  });
});

composer.command('delete', async (ctx) => {
  const issued = Math.floor(ctx.deps.now().getTime() / 1000);
  const keyboard = new InlineKeyboard()
    .text(ctx.t('delete-yes'), `${DELETE_PREFIX}:y:${issued}`)
    .row()
    .text(ctx.t('delete-no'), `${DELETE_PREFIX}:n`);
  await ctx.reply(ctx.t('delete-confirm'), { reply_markup: keyboard });
});

composer.callbackQuery(new RegExp(`^${DELETE_PREFIX}:`), async (ctx) => {
  const data = ctx.callbackQuery.data;
  if (data === `${DELETE_PREFIX}:n`) {
    await quietly(ctx.answerCallbackQuery());
    await quietly(ctx.editMessageText(ctx.t('delete-kept')));
    return;
  }
  const m = new RegExp(`^${DELETE_PREFIX}:y:(\\d{1,12})$`).exec(data);
  if (!m) {
    await quietly(ctx.answerCallbackQuery({ text: ctx.t('button-expired') }));
    return;
  }
  const age = ctx.deps.now().getTime() / 1000 - Number(m[1]);
  if (age < -60 || age > DELETE_CONFIRM_TTL_SECONDS) {
    await quietly(ctx.answerCallbackQuery({ text: ctx.t('delete-expired'), show_alert: true }));
    await quietly(ctx.editMessageReplyMarkup());
    return;
  }
  // Leave any open conversation first: its state is then saved as empty, i.e. not at all.
  await ctx.conversation.exitAll();
  const removed = eraseUser(ctx.deps.db, ctx.from.id);
  ctx.logger.info({ rows: removed }, 'user erased on request');
  await quietly(ctx.answerCallbackQuery());
  await quietly(ctx.editMessageText(ctx.t(removed > 0 ? 'delete-done' : 'delete-nothing')));
});

export { composer as privacyFeature };

import { Composer, InputFile, InputMediaBuilder } from 'grammy';
import type { ProgressWindow } from '../../domain/progress.js';
import { translatorOf, type BotContext } from '../context.js';
import { quietly } from '../conversations/ask.js';
import { describeError } from '../errors.js';
import { PROGRESS_BUTTON, progressCaption, progressKeyboard, progressOf, renderChart, tooFewNights } from '../messages/progress.js';
import { nightsWithWakesLine } from '../messages/night.js';
import { addDays } from '../../domain/dates.js';

/**
 * /progress: the chart of the last 14 nights (a button switches to 30 and back, editing the
 * same photo) with a few lines under it. Fewer than 3 nights get a kind word instead of an
 * empty chart. Installed ahead of the conversations, so it works while a question is open.
 */
const composer = new Composer<BotContext>();

type Built = { kind: 'chart'; png: Buffer; caption: string } | { kind: 'too-few'; text: string } | { kind: 'not-set-up' };

async function build(ctx: BotContext, windowDays: ProgressWindow): Promise<Built> {
  const { deps } = ctx;
  const profile = deps.users.get(ctx.from!.id);
  if (!profile?.onboardedAt) return { kind: 'not-set-up' };
  const t = translatorOf(ctx);
  const progress = progressOf(deps, profile, deps.now(), windowDays);
  if (!progress.enough) return { kind: 'too-few', text: tooFewNights(t, progress.logged) };
  const wakes = nightsWithWakesLine(t, deps.wakes.between(profile.id, addDays(progress.today, 1 - windowDays), progress.today));
  const caption = [progressCaption(t, progress.data), ...(wakes ? [wakes] : [])].join('\n');
  // Drawn in the chart worker pool: the event loop (everyone else's replies) never waits for it.
  return { kind: 'chart', png: await renderChart(t, progress.data), caption };
}

/** Builds, and on a rendering failure says so kindly (logged without any health data). */
async function buildOrApologise(ctx: BotContext, windowDays: ProgressWindow): Promise<Built | null> {
  try {
    return await build(ctx, windowDays);
  } catch (error) {
    ctx.logger.error({ err: describeError(error) }, 'progress chart failed');
    await ctx.reply(ctx.t('progress-rendering-failed'));
    return null;
  }
}

const CHART_FILE = 'steady-nights-progress.png';

/** A new chart photo, with the button that switches to the other window. */
async function sendChart(ctx: BotContext, chart: Extract<Built, { kind: 'chart' }>, windowDays: ProgressWindow): Promise<void> {
  await ctx.replyWithPhoto(new InputFile(chart.png, CHART_FILE), {
    caption: chart.caption,
    reply_markup: progressKeyboard(translatorOf(ctx), windowDays),
  });
}

composer.command('progress', async (ctx) => {
  const built = await buildOrApologise(ctx, 14);
  if (!built) return;
  if (built.kind === 'not-set-up') return void (await ctx.reply(ctx.t('needs-setup')));
  if (built.kind === 'too-few') return void (await ctx.reply(built.text));
  await ctx.replyWithChatAction('upload_photo').catch(() => undefined);
  await sendChart(ctx, built, 14);
});

composer.callbackQuery(/^pg:/, async (ctx) => {
  const match = PROGRESS_BUTTON.exec(ctx.callbackQuery.data);
  if (!match || !ctx.callbackQuery.message?.photo) {
    await quietly(ctx.answerCallbackQuery({ text: ctx.t('button-expired') }));
    return;
  }
  const windowDays = Number(match[1]) as ProgressWindow;
  const built = await buildOrApologise(ctx, windowDays);
  if (!built) return void (await quietly(ctx.answerCallbackQuery()));
  if (built.kind !== 'chart') {
    // Deleted meanwhile, or not enough nights any more: the old chart cannot be redrawn.
    await quietly(ctx.answerCallbackQuery({ text: ctx.t('button-expired') }));
    await quietly(ctx.editMessageReplyMarkup());
    return;
  }
  await quietly(ctx.answerCallbackQuery());
  try {
    await ctx.editMessageMedia(
      InputMediaBuilder.photo(new InputFile(built.png, CHART_FILE), { caption: built.caption }),
      { reply_markup: progressKeyboard(translatorOf(ctx), windowDays) },
    );
  } catch (error) {
    // Too old to edit, say: send it as a new photo instead.
    ctx.logger.debug({ err: describeError(error) }, 'progress chart edit failed; sending anew');
    await sendChart(ctx, built, windowDays);
  }
});

export { composer as progressFeature };

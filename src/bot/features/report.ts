import { Composer, InputFile } from 'grammy';
import type { ReportWindow } from '../../domain/report.js';
import { makeReport } from '../../report/make-report.js';
import { translatorOf, type BotContext } from '../context.js';
import { quietly } from '../conversations/ask.js';
import { REPORT_ASK_DATA, REPORT_CHOICE, reportChoice } from '../messages/report.js';
import { dateValue } from '../messages/translate.js';

/**
 * /report: a one-page PDF of the sleep diary to show a prescriber. It asks 14 or 28 nights, then
 * sends the file. The `Make a summary for a prescriber` button on support warnings asks the same.
 * Nothing is stored: the PDF is built in memory and sent. Installed ahead of the conversations,
 * so it works while a check-in question is open. (Groups never get here: group.ts answers every
 * command there with a link to a private chat.)
 */
const composer = new Composer<BotContext>();

function isSetUp(ctx: BotContext): boolean {
  return Boolean(ctx.deps.users.get(ctx.from!.id)?.onboardedAt);
}

async function askRange(ctx: BotContext): Promise<void> {
  if (!isSetUp(ctx)) return void (await ctx.reply(ctx.t('needs-setup')));
  const { text, keyboard } = reportChoice(translatorOf(ctx));
  await ctx.reply(text, { reply_markup: keyboard });
}

composer.command('report', askRange);

composer.callbackQuery(REPORT_ASK_DATA, async (ctx) => {
  await quietly(ctx.answerCallbackQuery());
  await askRange(ctx);
});

composer.callbackQuery(/^rp:/, async (ctx) => {
  const match = REPORT_CHOICE.exec(ctx.callbackQuery.data);
  if (!match) return void (await quietly(ctx.answerCallbackQuery({ text: ctx.t('button-expired') })));
  const windowDays = Number(match[1]) as ReportWindow;
  await quietly(ctx.answerCallbackQuery());
  // The buttons go, so one tap makes one PDF; the text says what is happening meanwhile.
  await quietly(ctx.editMessageText(ctx.t('report-making', { n: windowDays })));
  await sendReport(ctx, windowDays);
});

async function sendReport(ctx: BotContext, windowDays: ReportWindow): Promise<void> {
  const { deps } = ctx;
  const profile = deps.users.get(ctx.from!.id);
  if (!profile?.onboardedAt) return void (await ctx.reply(ctx.t('needs-setup')));
  const t = translatorOf(ctx);
  await quietly(ctx.replyWithChatAction('upload_document'));

  let outcome: Awaited<ReturnType<typeof makeReport>>;
  try {
    outcome = await makeReport(deps, profile, deps.now(), windowDays, t);
  } catch (error) {
    // Only the error's kind and where it happened: a message could echo an answer.
    ctx.logger.error({ err: redactedError(error), windowDays }, 'report rendering failed');
    await ctx.reply(ctx.t('report-failed'));
    return;
  }
  if (outcome.kind === 'too-few') {
    await ctx.reply(ctx.t('report-too-few', { logged: outcome.logged, n: windowDays }));
    return;
  }
  const range = (date: string) => ctx.t('report-date-short', { date: dateValue(date) });
  await ctx.replyWithDocument(new InputFile(outcome.bytes, outcome.filename), {
    caption: ctx.t('report-caption', { from: range(outcome.from), to: range(outcome.to) }),
  });
}

/** An error as it may be logged here: its class and stack frames, never its message. */
export function redactedError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return { type: error.name, stack: frames.slice(0, 8).map((line) => line.trim()) };
}

export { composer as reportFeature };

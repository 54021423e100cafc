// The baseline: a bare grammY bot on the same emulator, doing the same visible work as Steady
// Nights for /help (one reply) and a button tap (answer the callback, edit the message), with
// nothing else: no database, no i18n, no conversations. Plain JavaScript, so no loader runs.
import { Bot, InlineKeyboard } from 'grammy';

const bot = new Bot(process.env.BOT_TOKEN, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
bot.command('help', (ctx) => ctx.reply('If you are in crisis, call or text 988 now. Commands: /checkin /progress /settings /help'));
bot.command('start', (ctx) => ctx.reply('How many hours did you sleep?', { reply_markup: new InlineKeyboard().text('5', 'h:5').text('6', 'h:6') }));
bot.on('callback_query:data', async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText('How would you rate your sleep?', { reply_markup: new InlineKeyboard().text('Poor', 'q:2') });
});
process.once('SIGTERM', () => bot.stop().then(() => process.exit(0)));
process.once('SIGINT', () => bot.stop().then(() => process.exit(0)));
await bot.init();
await bot.api.deleteWebhook();
bot.start({ drop_pending_updates: false });

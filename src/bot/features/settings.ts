import { Composer } from 'grammy';
import { rescheduleUser } from '../../scheduler/reschedule.js';
import { translatorOf, type BotContext } from '../context.js';
import { quietly } from '../conversations/ask.js';
import { SETTINGS_EDIT } from '../conversations/settings-edit.js';
import { parseSettingsData, SETTINGS_PREFIX, settingsText, settingsView, storedCountry } from '../settings-view.js';

const composer = new Composer<BotContext>();

/**
 * /settings: one message that shows every setting with a button to change it. Changes that need
 * no answer (reminders on/off, language, country) happen on the tap: saved, rescheduled, told in
 * a toast and at the top of the same message, which is redrawn in place. Times, zone and date
 * open a short conversation (settings-edit) that ends by redrawing the message.
 *
 * Installed ahead of the conversations, so the settings message keeps working while a
 * question is open; only the edits that ask something wait for that question to be finished.
 */
composer.command('settings', async (ctx) => {
  const profile = ctx.deps.users.get(ctx.from!.id);
  if (!profile?.onboardedAt) {
    await ctx.reply(ctx.t('needs-setup'));
    return;
  }
  const view = settingsView(translatorOf(ctx), profile, ctx.deps.now());
  await ctx.reply(view.text, { reply_markup: view.keyboard });
});

composer.callbackQuery(new RegExp(`^${SETTINGS_PREFIX}:`), async (ctx, next) => {
  const action = parseSettingsData(ctx.callbackQuery.data);
  const message = ctx.callbackQuery.message;
  if (!action || !message) {
    await quietly(ctx.answerCallbackQuery({ text: ctx.t('button-expired') }));
    return;
  }
  const { deps } = ctx;
  const userId = ctx.from.id;
  const profile = deps.users.get(userId);
  if (!profile?.onboardedAt) {
    await quietly(ctx.answerCallbackQuery({ text: ctx.t('settings-gone'), show_alert: true }));
    await quietly(ctx.editMessageReplyMarkup());
    return;
  }
  const now = deps.now();

  if (action.kind === 'edit') {
    const active = Object.keys(ctx.conversation.active());
    if (active.some((name) => name !== SETTINGS_EDIT)) {
      await quietly(ctx.answerCallbackQuery({ text: ctx.t('settings-busy') }));
      return;
    }
    // A second edit button replaces an edit that is still waiting for its answer.
    if (active.includes(SETTINGS_EDIT)) await ctx.conversation.exit(SETTINGS_EDIT);
    // Entered by settingsEditFeature, past the point where the conversations are registered.
    await next();
    return;
  }

  if (action.kind === 'close') {
    await quietly(ctx.answerCallbackQuery());
    await quietly(ctx.editMessageText(`${settingsText(translatorOf(ctx), profile, now)}\n\n${ctx.t('settings-closed')}`));
    return;
  }

  let notice: string;
  if (action.kind === 'reminder') {
    deps.users.update(userId, action.which === 'morning' ? { morningEnabled: action.on } : { eveningEnabled: action.on }, now);
    rescheduleUser(deps, userId, now);
    notice = ctx.t(
      action.which === 'morning'
        ? action.on ? 'settings-done-morning-on' : 'settings-done-morning-off'
        : action.on ? 'settings-done-evening-on' : 'settings-done-evening-off',
    );
  } else if (action.kind === 'language') {
    deps.users.update(userId, { locale: action.locale }, now);
    // The negotiator reads the stored language, so everything from here on speaks the new one.
    await ctx.i18n.renegotiateLocale();
    notice = ctx.t('settings-done-language');
  } else {
    deps.users.update(userId, { country: storedCountry(action.country) }, now);
    notice = ctx.t('settings-done-country', { country: ctx.t(`settings-country-${action.country}`) });
  }
  await quietly(ctx.answerCallbackQuery({ text: notice }));
  const view = settingsView(translatorOf(ctx), deps.users.get(userId)!, now, notice);
  await quietly(ctx.editMessageText(view.text, { reply_markup: view.keyboard }));
});

/**
 * The second half of an edit button: installed after the conversations are registered (a
 * conversation can only be entered from there). By now no conversation is open (see above).
 */
const entry = new Composer<BotContext>();
entry.callbackQuery(new RegExp(`^${SETTINGS_PREFIX}:e:`), async (ctx) => {
  const action = parseSettingsData(ctx.callbackQuery.data);
  const message = ctx.callbackQuery.message;
  if (action?.kind !== 'edit' || !message) {
    await quietly(ctx.answerCallbackQuery({ text: ctx.t('button-expired') }));
    return;
  }
  await quietly(ctx.answerCallbackQuery());
  await ctx.conversation.enter(SETTINGS_EDIT, action.field, message.message_id);
});

export { composer as settingsFeature, entry as settingsEditFeature };

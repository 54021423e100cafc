import { localDateOf } from '../../domain/dates.js';
import { rescheduleUser } from '../../scheduler/reschedule.js';
import type { ProfilePatch, UserProfile } from '../../storage/users.js';
import { conversationNow, type AppConversation, type ConvContext } from '../context.js';
import type { Deps } from '../deps.js';
import { settingsView, type EditableField } from '../settings-view.js';
import { dateValue, type TranslateValue } from '../messages/translate.js';
import { zoneText } from '../messages/zone.js';
import { quietly } from './ask.js';
import { askDate, askTime, askTimeZone, EVENING_CHOICES, MORNING_CHOICES } from './onboarding.js';

export const SETTINGS_EDIT = 'settings-edit';

const EDITABLE: readonly string[] = ['morning', 'evening', 'zone', 'date'];

/**
 * One setting that needs an answer (a time, a zone, a date), asked with the same questions as
 * onboarding. The new value is saved and the reminders rescheduled in one step, confirmed in
 * words, and the settings message the user tapped is redrawn in place with the new value.
 * Entered from a settings button with the field and that message's id.
 */
export function createSettingsEdit(deps: Deps) {
  return async function settingsEdit(conversation: AppConversation, ctx: ConvContext, field: unknown, messageId: unknown): Promise<void> {
    const userId = ctx.from!.id;
    const chatId = ctx.chat!.id;
    const t = ctx.t.bind(ctx);
    const profile = await conversation.external(() => deps.users.get(userId));
    if (!profile?.onboardedAt || typeof field !== 'string' || !EDITABLE.includes(field)) {
      await ctx.reply(t('settings-gone'));
      return;
    }
    const now = await conversationNow(conversation, deps.now);

    let patch: ProfilePatch;
    let value: TranslateValue;
    let doneKey: 'morning' | 'evening' | 'zone' | 'lastdose' | 'quit';
    switch (field as EditableField) {
      case 'morning':
        value = await askTime(conversation, ctx, 'stm', 'morning', MORNING_CHOICES);
        patch = { morningTime: value };
        doneKey = 'morning';
        break;
      case 'evening':
        value = await askTime(conversation, ctx, 'ste', 'evening', EVENING_CHOICES);
        patch = { eveningTime: value };
        doneKey = 'evening';
        break;
      case 'zone': {
        const zone = await askTimeZone(conversation, ctx, 'stz');
        patch = { timeZone: zone };
        value = zoneText(t, zone, now);
        doneKey = 'zone';
        break;
      }
      case 'date': {
        const today = localDateOf(now, profile.timeZone ?? 'UTC');
        if (profile.status === 'stopped') {
          const date = await askDate(conversation, ctx, today, 'past', 'std');
          patch = { lastDoseDate: date };
          value = dateValue(date);
          doneKey = 'lastdose';
        } else {
          // A planning user moves the quit date; a user still using sets one and becomes "planning".
          const date = await askDate(conversation, ctx, today, 'future', 'stq');
          patch = { status: 'planning', quitDate: date };
          value = dateValue(date);
          doneKey = 'quit';
        }
        break;
      }
    }

    const updated: UserProfile | null = await conversation.external(() => {
      if (!deps.users.get(userId)) return null; // erased with /delete while the question was open
      const saved = deps.users.update(userId, patch, deps.now());
      rescheduleUser(deps, userId, deps.now());
      return saved;
    });
    if (!updated) {
      await ctx.reply(t('settings-gone'));
      return;
    }
    const notice = t(`settings-edit-${doneKey}-done`, { value });
    await ctx.reply(notice);
    if (typeof messageId === 'number') {
      const view = settingsView((key, vars) => t(key, vars), updated, now, notice);
      await quietly(ctx.api.editMessageText(chatId, messageId, view.text, { reply_markup: view.keyboard }));
    }
  };
}

import { addDays, localDateOf } from '../../domain/dates.js';
import { checkLastDoseDate, parseDateInput } from '../../domain/parse.js';
import type { LocalDate } from '../../domain/types.js';
import { conversationNow, type AppConversation, type ConvContext } from '../context.js';
import type { Deps } from '../deps.js';
import { dayLine, phaseOf } from '../messages/status.js';
import { ask, type TypedAnswer } from './ask.js';
import { dateValue } from '../messages/translate.js';

export const USED = 'used';

/**
 * /used, after using again: a kind confirmation, then the new last-dose date (today, yesterday,
 * or typed), and the day count restarts from it. Nothing is deleted: the relapse is recorded and
 * the earlier nights stay, counted as a previous attempt. Only for users who are counting days
 * (stopped, or planning with the quit date reached).
 */
export function createUsed(deps: Deps) {
  return async function used(conversation: AppConversation, ctx: ConvContext): Promise<void> {
    const userId = ctx.from!.id;
    const t = ctx.t.bind(ctx);
    const profile = await conversation.external(() => deps.users.get(userId));
    if (!profile?.onboardedAt) {
      await ctx.reply(t('needs-setup'));
      return;
    }
    const now = await conversationNow(conversation, deps.now);
    const today = localDateOf(now, profile.timeZone ?? 'UTC');
    const current = phaseOf(profile, now);
    if (current.day === null) {
      await ctx.reply(t('used-not-counting'));
      return;
    }

    const confirmed = await ask(conversation, ctx, {
      id: 'uc',
      text: t('used-confirm'),
      columns: 1,
      choices: [
        { label: t('used-confirm-yes'), code: 'y', value: true },
        { label: t('used-confirm-no'), code: 'n', value: false },
      ],
      expected: t('used-confirm-expected'),
    });
    if (!confirmed) {
      await ctx.reply(t('used-kept'));
      return;
    }

    const earliest = current.effectiveLastDose;
    const date = await ask<LocalDate>(conversation, ctx, {
      id: 'ud',
      text: t('used-date-question'),
      columns: 2,
      choices: [
        { label: t('date-today'), code: '0', value: today },
        { label: t('date-yesterday'), code: '-1', value: addDays(today, -1) },
      ].filter((choice) => earliest === null || choice.value >= earliest),
      parseText: (text): TypedAnswer<LocalDate> => {
        const parsed = parseDateInput(text, today);
        if (!parsed.ok) return { ok: false, message: t('date-format-unknown') };
        const verdict = checkLastDoseDate(parsed.value, today);
        if (verdict === 'future') return { ok: false, message: t('date-in-future') };
        if (verdict === 'too-old') return { ok: false, message: t('date-too-old') };
        if (earliest !== null && parsed.value < earliest) {
          return { ok: false, message: t('used-date-before-current', { date: dateValue(earliest) }) };
        }
        return { ok: true, value: parsed.value };
      },
      expected: t('used-date-expected'),
    });

    const result = await conversation.external(() => {
      if (!deps.users.get(userId)) return null;
      deps.relapses.record(userId, date, deps.now());
      const earlierNights = deps.checkins.nights(userId, '0000-01-01', date).length;
      return { profile: deps.users.get(userId)!, earlierNights };
    });
    if (!result) {
      await ctx.reply(t('settings-gone'));
      return;
    }
    const info = phaseOf(result.profile, now);
    await ctx.reply(
      [
        t('used-done', { date: dateValue(date) }),
        dayLine((key, vars) => t(key, vars), info, result.profile.quitDate),
        t('used-history-kept', { nights: result.earlierNights }),
      ].join('\n\n'),
    );
  };
}

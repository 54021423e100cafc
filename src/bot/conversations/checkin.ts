import { InlineKeyboard } from 'grammy';
import { addDays, localDateOf } from '../../domain/dates.js';
import { currentPhase } from '../../domain/phase.js';
import { evaluateThresholds } from '../../domain/thresholds.js';
import { selectTips } from '../../domain/tips.js';
import { parseAnxiety, parseHours } from '../../domain/parse.js';
import { CHECKIN_FLAGS, type CheckinFlag } from '../../domain/types.js';
import type { AnswerField } from '../../storage/checkins.js';
import { conversationNow, type AppConversation, type ConvContext } from '../context.js';
import type { Deps } from '../deps.js';
import { renderCheckinReply, type CheckinOutcome } from '../messages/checkin-reply.js';
import { crisisMessage } from '../messages/help.js';
import type { Translate } from '../messages/translate.js';
import { warningKeyboard } from '../messages/warning.js';
import { ask, callbackData, quietly, type Question, type TypedAnswer } from './ask.js';

export const CHECKIN = 'checkin';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The morning check-in: five one-tap questions about last night, dated by the morning's local
 * date. Every answer goes to the draft the moment it is given, and each question is asked only
 * while its answer is missing, so after a restart or a /cancel the check-in resumes at the next
 * unanswered question. Finishing moves the draft into the night's record in one transaction.
 */
export function createCheckin(deps: Deps) {
  return async function checkin(conversation: AppConversation, ctx: ConvContext): Promise<void> {
    const userId = ctx.from!.id;
    const t = ctx.t.bind(ctx);
    const now = await conversationNow(conversation, deps.now);
    const profile = await conversation.external(() => deps.users.get(userId));
    if (!profile?.onboardedAt) {
      await ctx.reply(t('needs-setup'));
      return;
    }
    const today = localDateOf(now, profile.timeZone ?? 'UTC');

    let draft = await conversation.external(() => {
      deps.checkins.settleStaleDraft(userId, today, now);
      return deps.checkins.draft(userId);
    });
    if (!draft) {
      const finished = await conversation.external(() => deps.checkins.night(userId, today)?.complete ?? false);
      if (finished) {
        const redo = await ask(conversation, ctx, {
          id: 'cr',
          text: t('checkin-already-done'),
          columns: 1,
          choices: [
            { label: t('checkin-redo-yes'), code: 'y', value: true },
            { label: t('checkin-redo-no'), code: 'n', value: false },
          ],
          expected: t('checkin-redo-expected'),
        });
        if (!redo) {
          await ctx.reply(t('checkin-kept'));
          return;
        }
      }
      draft = await conversation.external(() => deps.checkins.startDraft(userId, today, finished, deps.now()));
    } else if (draft.hours !== null || draft.quality !== null || draft.restlessness !== null || draft.anxiety !== null) {
      await ctx.reply(t('checkin-resume'));
    }

    const answer = async (field: AnswerField, question: Question<number>) => {
      const value = await ask(conversation, ctx, question);
      await conversation.external(() => deps.checkins.saveAnswer(userId, field, value, deps.now()));
    };

    if (draft.hours === null) {
      await answer('hours', {
        id: 'ch',
        text: t('checkin-q-hours'),
        columns: 5,
        choices: [...range(0, 8).map((h) => ({ label: String(h), code: String(h), value: h })), { label: '9+', code: '9', value: 9 }],
        parseText: numberAnswer(parseHours, t('checkin-hours-format'), t('checkin-hours-range')),
        expected: t('checkin-q-hours-expected'),
      });
    }
    if (draft.quality === null) {
      await answer('quality', {
        id: 'cq',
        text: t('checkin-q-quality'),
        columns: 3,
        choices: range(1, 5).map((q) => ({ label: t(`checkin-quality-${q}`), code: String(q), value: q })),
        parseText: numberAnswer(
          (text) => {
            const n = Number(text.trim());
            return Number.isInteger(n) && n >= 1 && n <= 5 ? { ok: true, value: n } : { ok: false, error: 'format' };
          },
          t('checkin-q-quality-expected'),
          t('checkin-q-quality-expected'),
        ),
        expected: t('checkin-q-quality-expected'),
      });
    }
    if (draft.restlessness === null) {
      await answer('restlessness', {
        id: 'cs',
        text: t('checkin-q-restless'),
        columns: 4,
        choices: range(0, 3).map((r) => ({ label: t(`checkin-restless-${r}`), code: String(r), value: r })),
        expected: t('checkin-q-restless-expected'),
      });
    }
    if (draft.anxiety === null) {
      await answer('anxiety', {
        id: 'ca',
        text: t('checkin-q-anxiety'),
        columns: 6,
        choices: range(0, 10).map((a) => ({ label: String(a), code: String(a), value: a })),
        parseText: numberAnswer(parseAnxiety, t('checkin-anxiety-format'), t('checkin-anxiety-range')),
        expected: t('checkin-q-anxiety-expected'),
      });
    }

    await askFlags(conversation, ctx, draft.flags, profile.country, deps);

    const outcome = await conversation.external(() => completeCheckin(deps, userId, deps.now()));
    const translate: Translate = (key, vars) => t(key, vars);
    await ctx.reply(renderCheckinReply(translate, outcome), {
      link_preview_options: { is_disabled: true },
      reply_markup: warningKeyboard(translate, outcome.thresholds),
    });
  };
}

function numberAnswer(
  parse: (text: string) => { ok: true; value: number } | { ok: false; error: 'format' | 'range' },
  formatMessage: string,
  rangeMessage: string,
) {
  return (text: string): TypedAnswer<number> => {
    const parsed = parse(text);
    if (parsed.ok) return parsed;
    return { ok: false, message: parsed.error === 'range' ? rangeMessage : formatMessage };
  };
}

/**
 * Question 5, several answers: each tap toggles a flag (saved at once) and redraws the buttons
 * in place; Done finishes. "Thoughts of hurting myself" sends the crisis resources the moment it
 * is tapped, before anything else.
 */
async function askFlags(
  conversation: AppConversation,
  ctx: ConvContext,
  initial: CheckinFlag[],
  country: string,
  deps: Deps,
): Promise<CheckinFlag[]> {
  const t = ctx.t.bind(ctx);
  const userId = ctx.from!.id;
  const id = 'cf';
  let selected = [...initial];
  const keyboard = () => {
    const kb = new InlineKeyboard();
    for (const flag of CHECKIN_FLAGS) {
      kb.text(`${selected.includes(flag) ? '☑️' : '▫️'} ${t(`checkin-flag-${flag}`)}`, callbackData(id, flag)).row();
    }
    return kb.text(`✅ ${t('checkin-flags-done')}`, callbackData(id, 'done'));
  };
  const summary = () =>
    selected.length ? selected.map((f) => t(`checkin-flag-${f}`)).join(', ') : t('checkin-flags-none');

  const prompt = await ctx.reply(t('checkin-q-flags'), { reply_markup: keyboard() });
  const promptIds = [prompt.message_id];
  const doneWords = new Set(['done', 'listo', 'ok', 'none', 'nada', 'no']);

  for (;;) {
    const update = await conversation.waitFor(['message', 'callback_query'], { next: true });
    const query = update.callbackQuery;
    if (query) {
      const messageId = query.message?.message_id;
      const data = query.data ?? '';
      const code = messageId !== undefined && promptIds.includes(messageId) && data.startsWith(`${id}:`) ? data.slice(id.length + 1) : null;
      if (code === 'done') {
        await quietly(update.answerCallbackQuery());
        await quietly(update.editMessageText(`${t('checkin-q-flags')}\n\n✓ ${summary()}`));
        return selected;
      }
      if (code !== null && (CHECKIN_FLAGS as readonly string[]).includes(code)) {
        const flag = code as CheckinFlag;
        const turningOn = !selected.includes(flag);
        selected = turningOn ? [...selected, flag] : selected.filter((f) => f !== flag);
        const snapshot = [...selected];
        await conversation.external(() => deps.checkins.saveFlags(userId, snapshot, deps.now()));
        await quietly(update.answerCallbackQuery());
        await quietly(update.editMessageReplyMarkup({ reply_markup: keyboard() }));
        if (turningOn && flag === 'self-harm') {
          await update.reply(crisisMessage((key, vars) => t(key, vars), country, { inConversation: true }), { link_preview_options: { is_disabled: true } });
        }
        continue;
      }
      await quietly(update.answerCallbackQuery({ text: t('button-expired') }));
      continue;
    }
    const text = update.message?.text?.trim().toLowerCase();
    if (text !== undefined && doneWords.has(text)) {
      for (const mid of promptIds) await quietly(ctx.api.editMessageReplyMarkup(prompt.chat.id, mid));
      return selected;
    }
    const again = await update.reply(
      text?.startsWith('/') ? `${t('conversation-command-busy')}\n\n${t('checkin-q-flags-expected')}` : t('checkin-q-flags-expected'),
      { reply_markup: keyboard() },
    );
    promptIds.push(again.message_id);
  }
}

/**
 * Finishes the draft: picks tonight's tips (not yesterday's), stores the night, then evaluates the
 * support thresholds on the stored history. Returns plain data, because conversations keep the
 * results of external calls and replay them.
 */
export function completeCheckin(deps: Deps, userId: number, now: Date): CheckinOutcome {
  const profile = deps.users.get(userId);
  const draft = deps.checkins.draft(userId);
  if (!profile || !draft) throw new Error('no check-in in progress');
  const date = draft.date;
  const info = currentPhase(
    { status: profile.status ?? 'using', lastDoseDate: profile.lastDoseDate, quitDate: profile.quitDate },
    date,
  );
  const earlier = deps.checkins.nights(userId, addDays(date, -13), addDays(date, -1));
  const previousTipIds = earlier.filter((n) => n.tipIds.length > 0).at(-1)?.tipIds ?? [];
  const tipIds = selectTips({ phase: info.phase, answers: draft, previousTipIds, seed: `${userId}:${date}` });
  const night = deps.checkins.complete(userId, tipIds, now);
  const history = [...earlier, night];
  const recent = Array.from({ length: 7 }, (_, i) => {
    const day = addDays(date, i - 6);
    return history.find((n) => n.date === day)?.hours ?? null;
  });
  return {
    night,
    day: info.day,
    phase: info.phase,
    tipIds,
    thresholds: evaluateThresholds({ history, today: date, day: info.day }),
    recentHours: recent,
    country: profile.country,
  };
}

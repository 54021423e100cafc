import { InlineKeyboard } from 'grammy';
import { addDays, localDateOf } from '../../domain/dates.js';
import { currentPhase } from '../../domain/phase.js';
import { evaluateThresholds } from '../../domain/thresholds.js';
import { selectTips } from '../../domain/tips.js';
import { parseAnxiety, parseHours, parseQuality, parseRestlessness } from '../../domain/parse.js';
import { CHECKIN_FLAGS, type CheckinFlag } from '../../domain/types.js';
import type { AnswerField } from '../../storage/checkins.js';
import type { UserProfile } from '../../storage/users.js';
import { conversationNow, type AppConversation, type ConvContext } from '../context.js';
import type { Deps } from '../deps.js';
import { checkinReplyKeyboard, renderCheckinReply, type CheckinOutcome } from '../messages/checkin-reply.js';
import { crisisMessage, flagCareReply } from '../messages/crisis.js';
import { recordResponse } from '../crisis/respond.js';
import { metrics } from '../../ops/metrics.js';
import { ask, callbackData, clearReprompts, quietly, reprompt, type Question, type TypedAnswer } from './ask.js';

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
        parseText: numberAnswer(parseQuality, t('checkin-quality-unclear'), t('checkin-quality-range')),
        expected: t('checkin-q-quality-expected'),
      });
    }
    if (draft.restlessness === null) {
      await answer('restlessness', {
        id: 'cs',
        text: t('checkin-q-restless'),
        columns: 4,
        choices: range(0, 3).map((r) => ({ label: t(`checkin-restless-${r}`), code: String(r), value: r })),
        parseText: numberAnswer(parseRestlessness, t('checkin-restless-unclear'), t('checkin-restless-range')),
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

    const { crisisShown } = await askFlags(conversation, ctx, draft.flags, profile.country, deps);

    const outcome = await conversation.external(() => completeCheckin(deps, userId, deps.now()));
    if (outcome.night.flags.includes('self-harm')) {
      // Care first: the crisis message once (already shown at the tap, or now if the flag was
      // set before a restart), and nothing cheerful, no tips, no second copy of the resources.
      if (crisisShown) {
        await ctx.reply(flagCareReply((key, vars) => t(key, vars)));
      } else {
        const message = crisisMessage((key, vars) => t(key, vars), outcome.country);
        await ctx.reply(message.text, { reply_markup: message.keyboard, link_preview_options: { is_disabled: true } });
        await conversation.external(() => recordResponse(deps, userId, 'crisis', 'flag', deps.now()));
      }
      return;
    }
    const tr = (key: string, vars?: Record<string, string | number | Date>) => t(key, vars);
    await ctx.reply(renderCheckinReply(tr, outcome), {
      reply_markup: checkinReplyKeyboard(tr, outcome),
      link_preview_options: { is_disabled: true },
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
 * in place; Done finishes. "Thoughts of hurting myself" sends the crisis message the moment it
 * is tapped, before anything else — once per check-in, however often it is toggled (its event,
 * recorded as it is sent, is what says so).
 *
 * Bounded state: a toggle is saved to the draft and then rewound out of the conversation's
 * state (`conversation.rewind` to a checkpoint taken before the wait), and junk is refused and
 * skipped, so however many taps or messages arrive, the stored state holds this question once.
 * The selection is therefore read back from the draft, not kept in a variable.
 */
async function askFlags(
  conversation: AppConversation,
  ctx: ConvContext,
  initial: CheckinFlag[],
  country: string,
  deps: Deps,
): Promise<{ flags: CheckinFlag[]; crisisShown: boolean }> {
  const t = ctx.t.bind(ctx);
  const userId = ctx.from!.id;
  const id = 'cf';
  const keyboard = (selected: readonly CheckinFlag[]) => {
    const kb = new InlineKeyboard();
    for (const flag of CHECKIN_FLAGS) {
      kb.text(`${selected.includes(flag) ? '☑️' : '▫️'} ${t(`checkin-flag-${flag}`)}`, callbackData(id, flag)).row();
    }
    return kb.text(`✅ ${t('checkin-flags-done')}`, callbackData(id, 'done'));
  };
  const summary = (selected: readonly CheckinFlag[]) =>
    selected.length ? selected.map((f) => t(`checkin-flag-${f}`)).join(', ') : t('checkin-flags-none');
  const savedFlags = () => deps.checkins.draft(userId)?.flags ?? [];

  const prompt = await ctx.reply(t('checkin-q-flags'), { reply_markup: keyboard(initial) });
  const chatId = prompt.chat.id;
  const doneWords = new Set(['done', 'listo', 'ok', 'none', 'nada', 'no']);
  /** `done`, a flag, or null: a tap on the prompt or a later re-prompt of it. */
  const tapped = (update: ConvContext): 'done' | CheckinFlag | null => {
    const messageId = update.callbackQuery?.message?.message_id;
    const data = update.callbackQuery?.data ?? '';
    if (messageId === undefined || messageId < prompt.message_id || !data.startsWith(`${id}:`)) return null;
    const code = data.slice(id.length + 1);
    return code === 'done' || (CHECKIN_FLAGS as readonly string[]).includes(code) ? (code as 'done' | CheckinFlag) : null;
  };
  const typedDone = (update: ConvContext) => doneWords.has(update.message?.text?.trim().toLowerCase() ?? '');

  const beforeTap = conversation.checkpoint();
  const update = await conversation
    .waitFor(['message', 'callback_query'], { next: true })
    .and((u) => tapped(u) !== null || typedDone(u), {
      otherwise: async (u) => {
        if (u.callbackQuery) return quietly(u.answerCallbackQuery({ text: t('button-expired') }));
        const text = u.message?.text;
        const expected = t('checkin-q-flags-expected');
        await reprompt(u, text?.startsWith('/') ? `${t('conversation-command-busy')}\n\n${expected}` : expected, keyboard(savedFlags()));
      },
    });
  const code = tapped(update);
  if (code !== null && code !== 'done') {
    // Live only: this branch is rewound out of the state below, so it is never replayed.
    const before = await conversation.external(savedFlags);
    const turningOn = !before.includes(code);
    const selected = turningOn ? [...before, code] : before.filter((f) => f !== code);
    await conversation.external(() => deps.checkins.saveFlags(userId, selected, deps.now()));
    await quietly(update.answerCallbackQuery());
    await quietly(update.editMessageReplyMarkup({ reply_markup: keyboard(selected) }));
    if (turningOn && code === 'self-harm' && !(await conversation.external(() => flagCrisisShown(deps, userId, deps.now())))) {
      const message = crisisMessage((key, vars) => t(key, vars), country, { inConversation: true });
      await update.reply(message.text, { reply_markup: message.keyboard, link_preview_options: { is_disabled: true } });
      await conversation.external(() => recordResponse(deps, userId, 'crisis', 'flag', deps.now()));
    }
    await conversation.rewind(beforeTap);
  }
  const selected = await conversation.external(savedFlags);
  await clearReprompts(conversation, ctx, chatId);
  if (code === 'done') {
    await quietly(update.answerCallbackQuery());
    const messageId = update.callbackQuery!.message!.message_id;
    if (messageId !== prompt.message_id) await quietly(ctx.api.editMessageReplyMarkup(chatId, prompt.message_id));
    await quietly(update.editMessageText(`${t('checkin-q-flags')}\n\n✓ ${summary(selected)}`));
  } else {
    await quietly(ctx.api.editMessageReplyMarkup(chatId, prompt.message_id));
  }
  const crisisShown = selected.includes('self-harm') && (await conversation.external(() => flagCrisisShown(deps, userId, deps.now())));
  return { flags: selected, crisisShown };
}

/** A check-in is done within hours: a flag response this recent belongs to this check-in. */
const FLAG_RESPONSE_WINDOW_MS = 6 * 60 * 60 * 1000;

/** Whether the flag's crisis message already went out for this check-in (its event says so). */
function flagCrisisShown(deps: Pick<Deps, 'crisisEvents'>, userId: number, now: Date): boolean {
  return deps.crisisEvents.list(userId).some((e) => e.source === 'flag' && now.getTime() - e.at.getTime() < FLAG_RESPONSE_WINDOW_MS);
}

/** One check-in reply gives this many tips (PRODUCT.md: one or two). */
const REPLY_TIP_COUNT = 2;

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
  const info = phaseOn(profile, date);
  const earlier = deps.checkins.nights(userId, addDays(date, -13), addDays(date, -1));
  const previousTipIds = earlier.filter((n) => n.tipIds.length > 0).at(-1)?.tipIds ?? [];
  const tipIds = selectTips({
    phase: info.phase,
    answers: draft,
    previousTipIds,
    seed: `${userId}:${date}`,
    count: REPLY_TIP_COUNT,
    // "For tonight": the night that ends on tomorrow's morning.
    tonight: info.day === null ? null : info.day + 1,
  });
  deps.checkins.complete(userId, tipIds, now);
  metrics.checkinsCompleted.inc();
  return checkinOutcome(deps, userId, date)!;
}

function phaseOn(profile: Pick<UserProfile, 'status' | 'lastDoseDate' | 'quitDate'>, date: string) {
  return currentPhase({ status: profile.status ?? 'using', lastDoseDate: profile.lastDoseDate, quitDate: profile.quitDate }, date);
}

/**
 * The reply's data for the completed night of `date`, from what is stored: used right after a
 * check-in and again whenever a button under the reply redraws it. Null when there is no such
 * completed night (erased, or the user is unknown).
 */
export function checkinOutcome(deps: Pick<Deps, 'users' | 'checkins' | 'wakes'>, userId: number, date: string): CheckinOutcome | null {
  const profile = deps.users.get(userId);
  const night = deps.checkins.night(userId, date);
  if (!profile || !night?.complete) return null;
  const info = phaseOn(profile, date);
  const history = [...deps.checkins.nights(userId, addDays(date, -13), addDays(date, -1)), night];
  const hoursOn = (day: string) => history.find((n) => n.date === day)?.hours ?? null;
  const week = (endAgo: number) => Array.from({ length: 7 }, (_, i) => hoursOn(addDays(date, i - 6 - endAgo)));
  return {
    night,
    day: info.day,
    phase: info.phase,
    tipIds: night.tipIds,
    thresholds: evaluateThresholds({ history, today: date, day: info.day }),
    recentHours: week(0),
    previousWeekHours: week(7),
    country: profile.country,
    wakes: deps.wakes.forNight(userId, date).map((wake) => wake.localTime),
  };
}

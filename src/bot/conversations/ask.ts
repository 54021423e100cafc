import { InlineKeyboard } from 'grammy';
import type { AppConversation, ConvContext } from '../context.js';
import { describeError } from '../errors.js';

/** One button of a question: `code` travels in callback data, so it must be short. */
export interface Choice<T> {
  label: string;
  code: string;
  value: T;
}

/** The outcome of a typed answer: a value, or the words that say what was wrong with it. */
export type TypedAnswer<T> = { ok: true; value: T } | { ok: false; message: string };

export interface Question<T> {
  /** Short id, the callback-data prefix; must not contain ':'. */
  id: string;
  text: string;
  choices: Choice<T>[];
  /** Buttons per row. */
  columns?: number;
  /** When typing is allowed, turns text into an answer or into a reason it was refused. */
  parseText?: (text: string) => TypedAnswer<T>;
  /** Said again, with the buttons, after anything that is not an answer. Names what is expected. */
  expected: string;
  /** Extra rows under the choices (e.g. a "Done" button for multi-select), handled by the caller. */
  extraRows?: Choice<T>[][];
  /** Keep the tapped button's label under the question, so the chat shows what was answered. */
  echoChoice?: boolean;
}

export const callbackData = (questionId: string, code: string) => `${questionId}:${code}`;

export function questionKeyboard<T>(q: Pick<Question<T>, 'id' | 'choices' | 'columns' | 'extraRows'>): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const columns = q.columns ?? 3;
  q.choices.forEach((choice, i) => {
    if (i > 0 && i % columns === 0) keyboard.row();
    keyboard.text(choice.label, callbackData(q.id, choice.code));
  });
  for (const row of q.extraRows ?? []) {
    keyboard.row();
    for (const choice of row) keyboard.text(choice.label, callbackData(q.id, choice.code));
  }
  return keyboard;
}

const normalise = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();

/** Typing a button's label (in any case, with or without accents) counts as tapping it. */
function labelMatch<T>(choices: Choice<T>[], text: string): Choice<T> | undefined {
  const typed = normalise(text);
  return choices.find((choice) => normalise(choice.label) === typed);
}

/** Telegram may refuse an edit (message too old, already edited): that must never break a question. */
export async function quietly(action: Promise<unknown>): Promise<void> {
  try {
    await action;
  } catch {
    /* the answer is what matters, not the cosmetic edit */
  }
}

/**
 * The newest re-prompt (with buttons) of the open question in each chat. It lives outside the
 * conversation's state on purpose: junk at an open question is answered and then forgotten
 * (the conversation skips the update, see `ask`), so nothing about it is kept for replay. This
 * is only used to take old re-prompts' buttons away; after a restart an old re-prompt's buttons
 * still answer the open question, or get the "old button" toast once it is closed.
 */
const lastReprompt = new Map<number, number>();

/**
 * Takes the buttons off the open question's re-prompts when it is answered. The registry read
 * is an `external`, so it happens once, live; the replay gets its recorded result.
 */
export async function clearReprompts(conversation: AppConversation, ctx: ConvContext, chatId: number): Promise<void> {
  const stale = await conversation.external(() => {
    const id = lastReprompt.get(chatId) ?? null;
    lastReprompt.delete(chatId);
    return id;
  });
  if (stale !== null) await quietly(ctx.api.editMessageReplyMarkup(chatId, stale));
}

/**
 * Sends a re-prompt with the question's buttons (taking them off the previous re-prompt), for
 * use in an `otherwise` handler. A failure to send is logged and the question stays open.
 */
export async function reprompt(ctx: ConvContext, text: string, keyboard: InlineKeyboard): Promise<void> {
  try {
    const again = await ctx.reply(text, { reply_markup: keyboard });
    const previous = lastReprompt.get(again.chat.id);
    lastReprompt.set(again.chat.id, again.message_id);
    if (previous !== undefined) await quietly(ctx.api.editMessageReplyMarkup(again.chat.id, previous));
  } catch (error) {
    ctx.logger.warn({ err: describeError(error) }, 'could not re-prompt an open question');
  }
}

/**
 * Asks one question inside a conversation and waits until it is answered, by a button of this
 * question or by acceptable typed text. Everything else gets a short re-prompt that names what
 * is expected, with the buttons again, and changes nothing:
 * - a button from an older message, or forged callback data → a toast saying the button is old;
 * - stickers, photos, commands, unparseable or out-of-range text → the re-prompt.
 * Updates that are neither messages nor button taps pass on to the rest of the bot.
 * /help, /cancel and crisis text are handled before conversations run, so they never reach here.
 *
 * Bounded state: anything that is not an answer is refused in `otherwise` and then skipped, so
 * the conversations plugin restores the state it had before that update (verified in
 * @grammyjs/conversations 2.1 `resumeConversation`: a skip resets the replay state to the
 * checkpoint taken before the update was supplied). The stored state holds the answered
 * questions only, however much junk arrives, and replaying it does not get slower.
 */
export async function ask<T>(conversation: AppConversation, ctx: ConvContext, q: Question<T>): Promise<T> {
  const keyboard = questionKeyboard(q);
  const prompt = await ctx.reply(q.text, { reply_markup: keyboard });
  const chatId = prompt.chat.id;
  const prefix = `${q.id}:`;
  const all = [...q.choices, ...(q.extraRows ?? []).flat()];

  /** A tap on this question's prompt or on one of its re-prompts (sent after the prompt). */
  const tappedChoice = (update: ConvContext): Choice<T> | undefined => {
    const query = update.callbackQuery;
    const messageId = query?.message?.message_id;
    if (!query || messageId === undefined || messageId < prompt.message_id) return undefined;
    const data = query.data ?? '';
    return data.startsWith(prefix) ? all.find((c) => c.code === data.slice(prefix.length)) : undefined;
  };
  const typedAnswer = (text: string): TypedAnswer<T> | undefined => {
    if (text.startsWith('/')) return undefined;
    const label = labelMatch(all, text);
    if (label) return { ok: true, value: label.value };
    return q.parseText?.(text);
  };
  const isAnswer = (update: ConvContext): boolean => {
    if (update.callbackQuery) return tappedChoice(update) !== undefined;
    const text = update.message?.text;
    return text !== undefined && typedAnswer(text)?.ok === true;
  };
  const refuse = async (update: ConvContext): Promise<void> => {
    if (update.callbackQuery) {
      await quietly(update.answerCallbackQuery({ text: update.t('button-expired') }));
      return;
    }
    const text = update.message?.text;
    let reason = q.expected;
    if (text !== undefined && text.startsWith('/')) reason = `${update.t('conversation-command-busy')}\n\n${q.expected}`;
    else if (text !== undefined) {
      const answer = typedAnswer(text);
      if (answer && !answer.ok) reason = `${answer.message}\n\n${q.expected}`;
    }
    await reprompt(update, reason, keyboard);
  };

  const update = await conversation
    .waitFor(['message', 'callback_query'], { next: true })
    .and(isAnswer, { otherwise: refuse });

  await clearReprompts(conversation, ctx, chatId);
  const choice = tappedChoice(update);
  if (choice) {
    await quietly(update.answerCallbackQuery());
    const original = update.callbackQuery!.message!.message_id === prompt.message_id ? q.text : q.expected;
    if (update.callbackQuery!.message!.message_id !== prompt.message_id) await quietly(ctx.api.editMessageReplyMarkup(chatId, prompt.message_id));
    await quietly(
      q.echoChoice === false
        ? update.editMessageReplyMarkup()
        : update.editMessageText(`${original}\n\n✓ ${choice.label}`),
    );
    return choice.value;
  }
  await quietly(ctx.api.editMessageReplyMarkup(chatId, prompt.message_id));
  const answer = typedAnswer(update.message!.text!)!;
  return (answer as { ok: true; value: T }).value;
}

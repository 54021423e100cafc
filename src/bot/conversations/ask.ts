import { InlineKeyboard } from 'grammy';
import type { AppConversation, ConvContext } from '../context.js';

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
 * Asks one question inside a conversation and waits until it is answered, by a button of this
 * question or by acceptable typed text. Everything else gets a short re-prompt that names what
 * is expected, with the buttons again, and changes nothing:
 * - a button from an older message, or forged callback data → a toast saying the button is old;
 * - stickers, photos, commands, unparseable or out-of-range text → the re-prompt.
 * Updates that are neither messages nor button taps pass on to the rest of the bot.
 * /help, /cancel and crisis text are handled before conversations run, so they never reach here.
 */
export async function ask<T>(conversation: AppConversation, ctx: ConvContext, q: Question<T>): Promise<T> {
  const keyboard = questionKeyboard(q);
  const prompt = await ctx.reply(q.text, { reply_markup: keyboard });
  const promptIds = [prompt.message_id];
  const prefix = `${q.id}:`;
  const all = [...q.choices, ...(q.extraRows ?? []).flat()];

  const clearOtherKeyboards = async (except?: number) => {
    for (const id of promptIds) {
      if (id !== except) await quietly(ctx.api.editMessageReplyMarkup(prompt.chat.id, id));
    }
  };

  for (;;) {
    const update = await conversation.waitFor(['message', 'callback_query'], { next: true });
    const query = update.callbackQuery;
    if (query) {
      const onPrompt = query.message !== undefined && promptIds.includes(query.message.message_id);
      const data = query.data ?? '';
      const choice = onPrompt && data.startsWith(prefix) ? all.find((c) => c.code === data.slice(prefix.length)) : undefined;
      if (!choice) {
        await quietly(update.answerCallbackQuery({ text: update.t('button-expired') }));
        continue;
      }
      await quietly(update.answerCallbackQuery());
      const tapped = query.message!.message_id;
      const original = tapped === prompt.message_id ? q.text : q.expected;
      await quietly(
        q.echoChoice === false
          ? update.editMessageReplyMarkup()
          : update.editMessageText(`${original}\n\n✓ ${choice.label}`),
      );
      await clearOtherKeyboards(tapped);
      return choice.value;
    }

    const text = update.message?.text;
    let reason = q.expected;
    if (text !== undefined && text.startsWith('/')) {
      reason = `${update.t('conversation-command-busy')}\n\n${q.expected}`;
    } else if (text !== undefined && labelMatch(all, text)) {
      await clearOtherKeyboards();
      return labelMatch(all, text)!.value;
    } else if (text !== undefined && q.parseText) {
      const answer = q.parseText(text);
      if (answer.ok) {
        await clearOtherKeyboards();
        return answer.value;
      }
      reason = `${answer.message}\n\n${q.expected}`;
    }
    const again = await update.reply(reason, { reply_markup: keyboard });
    promptIds.push(again.message_id);
  }
}

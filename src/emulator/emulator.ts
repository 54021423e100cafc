import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  BotCommand,
  CallbackQuery,
  Chat,
  ForceReply,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  PhotoSize,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  Update,
  User,
  UserFromGetMe,
} from 'grammy/types';
import { MalformedRequestError, parseRequest, type UploadedFile } from './request-params.js';
import { EntityParseError, formatText } from './telegram-format.js';

/**
 * A Telegram Bot API emulator for end-to-end tests.
 *
 * It is a real HTTP server on 127.0.0.1 speaking the Bot API wire protocol (`/bot<token>/<method>`,
 * JSON / urlencoded / multipart parameters, Telegram's `{ok, result}` envelope), so the bot under
 * test runs unmodified against it via `TELEGRAM_API_ROOT`. Tests play the Telegram side: simulated
 * users send messages and press buttons (each becomes an Update served by long polling), and the
 * test observes what the bot sent.
 *
 * Behaviour follows Telegram where bots commonly get it wrong: "message is not modified",
 * `editMessageText` without `reply_markup` removing the inline keyboard, parse_mode errors,
 * 64-byte callback_data, unanswered/invalid callback queries, 403 after the user blocked the bot,
 * one long poll at a time (409), 429 with retry_after.
 *
 * ## Waiting without races
 *
 * Every wait (`waitForMessage`, `waitForEdit`, `waitForCall`) searches history *and* the future,
 * starting after a cursor. So a reply that arrived before the wait started still counts, and
 * there is no window between "do something" and "start waiting":
 *
 * ```ts
 * emu.sendText(user, '/start');                            // moves the chat's cursor here
 * const welcome = await emu.waitForMessage(user.id);       // first bot message after it
 * const menu = await emu.waitForMessage(user.id);          // the one after `welcome`
 * emu.pressButton(user, menu, 'I agree');                   // moves the cursor again
 * const edit = await emu.waitForEdit(user.id, menu.messageId);
 * ```
 *
 * The default cursor is the later of (a) the last simulated user action in that chat and (b) the
 * last item the same kind of wait already returned there — consecutive waits walk down the chat
 * like a reader. Override it with `{ after: emu.mark() }` (only what happens from now on) or
 * `{ after: 0 }` (the whole history).
 */

export const TEST_BOT_TOKEN = '123456:TEST-token_abcdefghijklmnopqrstuvwxyz';
export const TEST_BOT_USERNAME = 'steady_nights_test_bot';

/** Decoded request parameters, whatever encoding the client used. */
export type Params = Record<string, unknown>;

export type ApiResponse =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: ResponseParameters };

export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** A simulated Telegram user. Its private chat with the bot has the same id. */
export interface FakeUser {
  id: number;
  firstName: string;
  lastName: string | undefined;
  username: string | undefined;
  /** `undefined` when created with `languageCode: null` (Telegram omits it for some clients). */
  languageCode: string | undefined;
}

/** A chat the simulated users can write in: a private chat or a group from `createGroup()`. */
export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title: string | undefined;
}

/** A file the bot sent. */
export interface SentFile {
  fileId: string;
  fileUniqueId: string;
  filename: string | undefined;
  /** The content type the upload declared (grammY declares `application/octet-stream`). */
  mimeType: string | undefined;
  /** The uploaded bytes; `undefined` when the bot re-sent a `file_id` or gave a URL. */
  bytes: Buffer | undefined;
  source: 'upload' | 'file_id' | 'url';
  /** The `file_id` or URL string when `source` is not `upload`. */
  reference: string | undefined;
}

/** One successful edit of a bot message, with the message's state after it. */
export interface MessageEdit {
  seq: number;
  at: number;
  method: string;
  text: string;
  entities: MessageEntity[];
  replyMarkup: ReplyMarkup | undefined;
  previousText: string;
  previousReplyMarkup: ReplyMarkup | undefined;
  /** The live message record (shows the latest state, which may be newer than this edit). */
  message: SentMessage;
}

/**
 * A message the bot sent. The record is live: edits and deletion update it in place, and every
 * edit is also kept in `edits`.
 */
export interface SentMessage {
  /** Position in the emulator's global event order; see `BotApiEmulator.mark()`. */
  seq: number;
  at: number;
  chatId: number;
  messageId: number;
  method: 'sendMessage' | 'sendDocument' | 'sendPhoto';
  /** What the user reads: the text, or the caption of a document/photo ('' if none), after parse_mode. */
  text: string;
  /** The text/caption exactly as the bot sent it (with HTML/Markdown markup). */
  rawText: string | undefined;
  parseMode: string | undefined;
  entities: MessageEntity[];
  /** The current markup: inline keyboards as well as reply keyboards, remove_keyboard, force_reply. */
  replyMarkup: ReplyMarkup | undefined;
  document: SentFile | undefined;
  photo: SentFile | undefined;
  replyToMessageId: number | undefined;
  edits: MessageEdit[];
  deleted: boolean;
  /** The request parameters of the send call. */
  params: Params;
  /** The message as Telegram would show it now (what the bot got back, updated by edits). */
  message: Message;
}

/** One HTTP request the bot made. */
export interface RecordedCall {
  seq: number;
  at: number;
  method: string;
  params: Params;
  files: UploadedFile[];
  /** The chat the call concerns (its `chat_id`, or the chat of an answered callback query). */
  chatId: number | undefined;
  /** HTTP status once answered; `pending` while e.g. a long poll hangs; `dropped` by `dropNext`. */
  status: number | 'pending' | 'dropped';
  response: ApiResponse | undefined;
}

export interface AnsweredCallback {
  seq: number;
  at: number;
  callbackQueryId: string;
  text: string | undefined;
  showAlert: boolean;
  url: string | undefined;
  /** The callback query that was answered. */
  query: CallbackQuery;
}

export interface Fault {
  error_code: number;
  /** Defaults to Telegram's wording for the code, e.g. "Too Many Requests: retry after 1". */
  description?: string;
  parameters?: ResponseParameters;
  /** How many matching calls fail (default 1). */
  times?: number;
  /** Only calls to this chat fail. */
  chatId?: number;
}

export interface WaitOptions {
  /** Default: the emulator's `defaultTimeoutMs` (5 s unless configured). */
  timeoutMs?: number;
  /**
   * Only consider events with a `seq` greater than this: a value from `emu.mark()`, the `seq` of a
   * message/call/update, or 0 for the whole history. Default: see the class doc ("cursor").
   */
  after?: number;
}

export interface EmulatorOptions {
  token?: string;
  /** Timeout for waits that do not pass `timeoutMs`. */
  defaultTimeoutMs?: number;
}

export interface InlineButtonInfo {
  text: string;
  callbackData: string | undefined;
  url: string | undefined;
  row: number;
  button: InlineKeyboardButton;
}

/** Flattens a message's inline keyboard, e.g. for `expect(inlineButtons(m).map(b => b.text))`. */
export function inlineButtons(source: SentMessage | Message | ReplyMarkup | undefined): InlineButtonInfo[] {
  const markup =
    source === undefined ? undefined
    : 'messageId' in source ? source.replyMarkup
    : 'message_id' in source ? source.reply_markup
    : source;
  if (!markup || !('inline_keyboard' in markup)) return [];
  return markup.inline_keyboard.flatMap((row, rowIndex) =>
    row.map((button) => ({
      text: button.text,
      callbackData: 'callback_data' in button ? button.callback_data : undefined,
      url: 'url' in button ? button.url : undefined,
      row: rowIndex,
      button,
    })),
  );
}

// ---------------------------------------------------------------- internals

/** A Bot API error the emulator answers with; handlers throw it. */
class TelegramError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }

  toResponse(): ApiResponse {
    return {
      ok: false,
      error_code: this.errorCode,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

const badRequest = (detail: string): TelegramError => new TelegramError(400, `Bad Request: ${detail}`);

const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
const QUERY_INVALID = 'query is too old and response timeout expired or query ID is invalid';

function defaultDescription(code: number, retryAfter: number | undefined): string {
  switch (code) {
    case 400: return 'Bad Request';
    case 401: return 'Unauthorized';
    case 403: return 'Forbidden: bot was blocked by the user';
    case 404: return 'Not Found';
    case 409: return 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';
    case 429: return retryAfter === undefined ? 'Too Many Requests' : `Too Many Requests: retry after ${retryAfter}`;
    case 500: return 'Internal Server Error';
    case 502: return 'Bad Gateway';
    case 503: return 'Service Unavailable';
    case 504: return 'Gateway Timeout';
    default: return `Error ${code}`;
  }
}

/** Update types delivered when the bot never asked for specific ones (Bot API default). */
const DEFAULT_EXCLUDED_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice',
  'upload_document', 'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);

/** Calls that a blocked user's chat refuses with 403. */
const BLOCKABLE = /^(send|edit|copy|forward)/;

/** The MIME type Telegram reports for an uploaded document, inferred from the file name. */
const MIME_BY_EXTENSION: Record<string, string> = {
  csv: 'text/csv', txt: 'text/plain', json: 'application/json', pdf: 'application/pdf',
  zip: 'application/zip', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', html: 'text/html',
};

interface ChatState {
  chat: Chat;
  nextMessageId: number;
  /** Every message in the chat by id, the bot's and the users'. */
  messages: Map<number, { from: 'bot'; record: SentMessage } | { from: 'user'; message: Message; deleted: boolean }>;
  sent: SentMessage[];
  blocked: boolean;
  /** seq of the last simulated user action here (the default wait cursor). */
  lastActionSeq: number;
  /** seq of the last message `waitForMessage` returned here. */
  lastReadSeq: number;
}

interface UserAction {
  seq: number;
  at: number;
  chatId: number;
  update: Update;
  summary: string;
}

interface PendingPoll {
  limit: number;
  done: boolean;
  timer: NodeJS.Timeout | undefined;
  finish: (outcome: Update[] | TelegramError) => void;
}

interface Waiter {
  check(): void;
  fail(error: Error): void;
}

interface HandlerContext {
  call: RecordedCall;
  files: Map<string, UploadedFile>;
  res: ServerResponse;
}

type Handler = (params: Params, ctx: HandlerContext) => unknown;

export class BotApiEmulator {
  readonly token: string;
  readonly apiRoot: string;
  readonly botUser: UserFromGetMe;
  readonly defaultTimeoutMs: number;

  /** Every update the simulated users produced, in order (delivered or not). */
  readonly updates: Update[] = [];
  readonly answeredCallbacks: AnsweredCallback[] = [];
  /** The `allowed_updates` of every getUpdates call that specified it, in order. */
  readonly requestedAllowedUpdates: string[][] = [];
  /** Bot commands by scope and language, from setMyCommands. Read with `commands()`. */
  private readonly commandSets = new Map<string, BotCommand[]>();
  /** Menu buttons set with setChatMenuButton; key `default` or the chat id. */
  readonly menuButtons = new Map<string, unknown>();
  /** Texts set with setMyDescription / setMyShortDescription / setMyName, keyed `<method>:<language>`. */
  readonly profile = new Map<string, string>();
  webhookUrl = '';

  private readonly server: Server;
  private readonly recordedCalls: RecordedCall[] = [];
  private seq = 0;
  private lastActionSeq = 0;
  private nextUpdateId = 700_000_001;
  private nextUserId = 100_000_001;
  private nextGroupNumber = 1;
  private fileCounter = 0;
  private callbackCounter = 0;
  /** Updates not yet confirmed with `offset`. */
  private queue: Update[] = [];
  private allowedUpdates: Set<string> | undefined;
  private poll: PendingPoll | undefined;
  private readonly chats = new Map<number, ChatState>();
  private readonly users = new Map<number, FakeUser>();
  private readonly actions: UserAction[] = [];
  private readonly callbackQueries = new Map<string, { query: CallbackQuery; chatId: number; answered: boolean }>();
  private readonly knownFiles = new Map<string, SentFile>();
  private readonly editCursors = new Map<string, number>();
  private readonly callCursors = new Map<string, number>();
  private readonly waiters = new Set<Waiter>();
  private faults: Array<Fault & { method: string; remaining: number }> = [];
  private drops: Array<{ method: string; remaining: number; processed: boolean }> = [];
  private limiter: { perSecond: number; retryAfter: number; methods: Set<string>; sentAt: number[] } | undefined;
  private holds: Array<{ method: string; remaining: number }> = [];
  private readonly heldRequests = new Set<IncomingMessage>();
  private malformed: Array<{ method: string; remaining: number }> = [];
  private isDown = false;
  private stopped = false;

  private constructor(server: Server, port: number, options: EmulatorOptions) {
    this.server = server;
    this.token = options.token ?? TEST_BOT_TOKEN;
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 5_000;
    this.botUser = {
      id: Number(this.token.split(':')[0]),
      is_bot: true,
      first_name: 'Steady Nights (test)',
      username: TEST_BOT_USERNAME,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    } as UserFromGetMe;
  }

  /** Starts the emulator on a free loopback port. */
  static async start(options: EmulatorOptions = {}): Promise<BotApiEmulator> {
    const server = createServer();
    // Never close idle keep-alive sockets from our side: grammY reuses them, and a server-side
    // idle close racing a new request shows up in the bot as a random ECONNRESET.
    server.keepAliveTimeout = 0;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const emulator = new BotApiEmulator(server, (server.address() as AddressInfo).port, options);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      emulator.onRequest(req, res).catch((error: unknown) => {
        console.error('[emulator] request handling failed', error);
        if (!res.headersSent) emulator.write(res, undefined, new TelegramError(500, 'Internal Server Error').toResponse());
      });
    });
    return emulator;
  }

  /** Answers a hanging long poll with `[]`, fails pending waits, closes every connection. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.poll?.finish([]);
    for (const waiter of [...this.waiters]) waiter.fail(new Error('The emulator was stopped while waiting.'));
    await new Promise((resolve) => setImmediate(resolve)); // let the poll's [] reach the socket
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ================================================================ simulated users

  createUser(options: { id?: number; firstName?: string; lastName?: string; username?: string; languageCode?: string | null } = {}): FakeUser {
    const id = options.id ?? this.nextUserId++;
    const user: FakeUser = {
      id,
      firstName: options.firstName ?? `Tester${id % 1000}`,
      lastName: options.lastName,
      username: options.username,
      languageCode: options.languageCode === null ? undefined : (options.languageCode ?? 'en'),
    };
    this.users.set(id, user);
    this.chatState(id, { id, type: 'private', first_name: user.firstName, ...(user.username ? { username: user.username } : {}) });
    return user;
  }

  createGroup(options: { title?: string; supergroup?: boolean } = {}): FakeChat {
    const n = this.nextGroupNumber++;
    const supergroup = options.supergroup ?? false;
    const id = supergroup ? -1_001_000_000_000 - n : -4_000_000_000 - n;
    const title = options.title ?? `Test group ${n}`;
    this.chatState(id, supergroup ? { id, type: 'supergroup', title } : { id, type: 'group', title });
    return { id, type: supergroup ? 'supergroup' : 'group', title };
  }

  /** The user sends `text`. A leading `/command` (or `/command@bot`) gets a bot_command entity. */
  sendText(user: FakeUser, text: string, chat?: FakeChat): Update {
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    const content: Partial<Message> = { text };
    if (command) content.entities = [{ type: 'bot_command', offset: 0, length: command[0].length }];
    return this.postUserMessage(user, content, chat, `text ${preview(text)}`);
  }

  sendSticker(user: FakeUser, options: { chat?: FakeChat; emoji?: string } = {}): Update {
    const n = ++this.fileCounter;
    const sticker = {
      file_id: `CAACAgIAAxk-emu-sticker-${n}`,
      file_unique_id: `AgAD-emu-${n}`,
      type: 'regular' as const,
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji: options.emoji ?? '😴',
      set_name: 'SleepySet',
    };
    return this.postUserMessage(user, { sticker }, options.chat, `sticker ${sticker.emoji}`);
  }

  sendPhoto(user: FakeUser, options: { chat?: FakeChat; caption?: string } = {}): Update {
    const n = ++this.fileCounter;
    const photo: PhotoSize[] = [90, 320, 800].map((size, i) => ({
      file_id: `AgACAgIAAxk-emu-photo-${n}-${i}`,
      file_unique_id: `AQAD-emu-${n}-${i}`,
      width: size,
      height: Math.round(size * 0.75),
      file_size: size * 60,
    }));
    const content: Partial<Message> = { photo };
    if (options.caption !== undefined) content.caption = options.caption;
    return this.postUserMessage(user, content, options.chat, 'photo');
  }

  /**
   * Any other kind of user message (voice, location, document, …): `content` is merged into a
   * realistic Message with message_id, date, from and chat.
   */
  sendUserMessage(user: FakeUser, content: Partial<Message>, chat?: FakeChat): Update {
    return this.postUserMessage(user, content, chat, `message ${preview(JSON.stringify(content))}`);
  }

  /**
   * The user presses an inline button on a bot message, found by its exact text, exact
   * callback_data, or (if unique) a case-insensitive part of its text. Uses the message's
   * *current* keyboard, like a real client. Throws, listing the buttons, when there is no match.
   */
  pressButton(user: FakeUser, message: SentMessage, textOrData: string): Update {
    const where = `message #${message.messageId} in chat ${message.chatId} (${preview(message.text)})`;
    if (message.deleted) throw new Error(`Can't press "${textOrData}": ${where} was deleted.`);
    const buttons = inlineButtons(message);
    if (buttons.length === 0) throw new Error(`Can't press "${textOrData}": ${where} has no inline keyboard.`);
    const needle = textOrData.toLowerCase();
    const partial = buttons.filter((b) => b.text.toLowerCase().includes(needle));
    const button =
      buttons.find((b) => b.text === textOrData) ??
      buttons.find((b) => b.callbackData === textOrData) ??
      (partial.length === 1 ? partial[0] : undefined);
    if (!button) {
      const why = partial.length > 1 ? 'is ambiguous' : 'matches no button';
      throw new Error(`"${textOrData}" ${why} on ${where}. Buttons: ${describeButtons(message.replyMarkup)}`);
    }
    if (button.callbackData === undefined) {
      throw new Error(`Button "${button.text}" on ${where} has no callback_data (it is ${JSON.stringify(button.button)}); pressing it sends no callback query.`);
    }
    return this.sendCallback(user, message, button.callbackData, `pressed [${button.text}]`);
  }

  /** A callback query with arbitrary (e.g. forged or stale) data on a bot message. */
  sendCallback(user: FakeUser, message: SentMessage, data: string, summary?: string): Update {
    const state = this.chatState(message.chatId);
    if (state.chat.type === 'private' && state.chat.id !== user.id) {
      throw new Error(`${userLabel(user)} can't see messages in the private chat of user ${state.chat.id}.`);
    }
    return this.queueCallback(user, message, data, summary ?? `sent callback ${preview(data)}`);
  }

  /** Registers a callback query by `actor` on `message` (so the bot can answer it) and delivers it. */
  private queueCallback(actor: FakeUser, message: SentMessage, data: string, label: string): Update {
    const id = `${actor.id}${String(++this.callbackCounter).padStart(6, '0')}`;
    const query: CallbackQuery = {
      id,
      from: this.telegramUser(actor),
      message: structuredClone(message.message) as CallbackQuery['message'],
      chat_instance: String(-(4_200_000_000_000 + Math.abs(message.chatId))),
      data,
    };
    this.callbackQueries.set(id, { query, chatId: message.chatId, answered: false });
    return this.enqueue({ callback_query: query }, message.chatId, `${userLabel(actor)} ${label} on #${message.messageId}`);
  }

  /** From now on, sends to this user's chat answer 403 "Forbidden: bot was blocked by the user". */
  blockBot(user: FakeUser): Update {
    this.chatFor(user).blocked = true;
    return this.enqueueMemberChange(user, 'member', 'kicked');
  }

  /**
   * Blocks the bot without the `my_chat_member` update (Telegram does not always deliver one, and
   * never to a bot that was down): the bot learns of it only from a 403 on its next send.
   */
  blockBotQuietly(user: FakeUser): void {
    this.chatFor(user).blocked = true;
  }

  unblockBot(user: FakeUser): Update {
    this.chatFor(user).blocked = false;
    return this.enqueueMemberChange(user, 'kicked', 'member');
  }

  // ================================================================ observation

  /** Every request the bot made, in order. */
  get calls(): readonly RecordedCall[] {
    return this.recordedCalls;
  }

  /** The bot's messages to a chat, oldest first (deleted ones included, flagged `deleted`). */
  sent(chatId: number): SentMessage[] {
    return [...(this.chats.get(chatId)?.sent ?? [])];
  }

  lastSent(chatId: number): SentMessage | undefined {
    return this.chats.get(chatId)?.sent.at(-1);
  }

  /** Every message the bot sent to any chat, in order. */
  allSent(): SentMessage[] {
    return [...this.chats.values()].flatMap((c) => c.sent).sort((a, b) => a.seq - b.seq);
  }

  /** The current position in the global event order, for `{ after: emu.mark() }`. */
  mark(): number {
    return this.seq;
  }

  /** Commands from setMyCommands for a scope (default `{type:'default'}`) and language (default ''). */
  commands(options: { scope?: object; languageCode?: string } = {}): BotCommand[] | undefined {
    return this.commandSets.get(commandKey(options.scope, options.languageCode));
  }

  /** Unconfirmed updates (not yet acknowledged with a higher getUpdates `offset`). */
  pendingUpdates(): Update[] {
    return [...this.queue];
  }

  /**
   * Resolves with the first bot message to `chatId` after the cursor that matches `predicate`
   * (evaluated on the message's current state). See the class doc for the cursor.
   */
  waitForMessage(chatId: number, predicate?: (m: SentMessage) => boolean, options: WaitOptions = {}): Promise<SentMessage> {
    const state = this.chatState(chatId);
    const after = options.after ?? Math.max(state.lastActionSeq, state.lastReadSeq);
    return this.waitFor({
      timeoutMs: options.timeoutMs,
      find: () => state.sent.find((m) => m.seq > after && (predicate?.(m) ?? true)),
      onFound: (m) => {
        state.lastReadSeq = Math.max(state.lastReadSeq, m.seq);
      },
      describe: () => {
        const skipped = state.sent.filter((m) => m.seq <= after).length;
        return [
          `waitForMessage: no message to chat ${chatId}${predicate ? ` matching ${predicate.toString()}` : ''}`,
          `(searched after seq ${after}${skipped ? `; ${skipped} earlier message(s) were not considered — pass { after: 0 } to search the whole chat` : ''})`,
          this.chatTimeline(chatId),
        ].join('\n');
      },
    });
  }

  /** Resolves with the first edit of that message after the cursor whose result matches `predicate`. */
  waitForEdit(chatId: number, messageId: number, predicate?: (edit: MessageEdit) => boolean, options: WaitOptions = {}): Promise<MessageEdit> {
    const state = this.chatState(chatId);
    const key = `${chatId}:${messageId}`;
    const after = options.after ?? Math.max(state.lastActionSeq, this.editCursors.get(key) ?? 0);
    return this.waitFor({
      timeoutMs: options.timeoutMs,
      find: () => {
        const entry = state.messages.get(messageId);
        if (entry?.from !== 'bot') return undefined;
        return entry.record.edits.find((e) => e.seq > after && (predicate?.(e) ?? true));
      },
      onFound: (edit) => {
        this.editCursors.set(key, Math.max(this.editCursors.get(key) ?? 0, edit.seq));
      },
      describe: () =>
        [
          `waitForEdit: no edit of message #${messageId} in chat ${chatId} after seq ${after}${predicate ? ` matching ${predicate.toString()}` : ''}`,
          this.chatTimeline(chatId),
        ].join('\n'),
    });
  }

  /**
   * Resolves with the first `method` call after the cursor matching `predicate`. getUpdates calls
   * match on arrival (a long poll may hang for its whole timeout); every other call once answered,
   * so `status` and `response` are set. Default cursor: the later of the last simulated user
   * action (any chat) and the last call this method's waits returned.
   */
  waitForCall(method: string, predicate?: (call: RecordedCall) => boolean, options: WaitOptions = {}): Promise<RecordedCall> {
    const after = options.after ?? Math.max(this.lastActionSeq, this.callCursors.get(method) ?? 0);
    return this.waitFor({
      timeoutMs: options.timeoutMs,
      find: () =>
        this.recordedCalls.find(
          (c) =>
            c.method === method &&
            c.seq > after &&
            (c.status !== 'pending' || method === 'getUpdates') &&
            (predicate?.(c) ?? true),
        ),
      onFound: (call) => {
        this.callCursors.set(method, Math.max(this.callCursors.get(method) ?? 0, call.seq));
      },
      describe: () => {
        const recent = this.recordedCalls.filter((c) => c.method !== 'getUpdates' || method === 'getUpdates').slice(-12);
        return [
          `waitForCall: no ${method} call after seq ${after}${predicate ? ` matching ${predicate.toString()}` : ''}`,
          `Last calls:`,
          ...(recent.length ? recent.map((c) => `  ${describeCall(c)}`) : ['  (none)']),
        ].join('\n');
      },
    });
  }

  /** Resolves once the bot answered the callback query of `update` (from pressButton/sendCallback). */
  waitForCallbackAnswer(update: Update | string, options: Omit<WaitOptions, 'after'> = {}): Promise<AnsweredCallback> {
    const id = typeof update === 'string' ? update : update.callback_query?.id;
    if (id === undefined) throw new Error('waitForCallbackAnswer needs a callback_query update or its id.');
    const chatId = this.callbackQueries.get(id)?.chatId;
    return this.waitFor({
      timeoutMs: options.timeoutMs,
      find: () => this.answeredCallbacks.find((a) => a.callbackQueryId === id),
      describe: () =>
        [`waitForCallbackAnswer: callback query ${id} was never answered`, chatId === undefined ? '' : this.chatTimeline(chatId)].join('\n'),
    });
  }

  // ================================================================ fault injection

  /** The next `times` (default 1) calls of `method` (optionally: to `chatId`) fail with `fault`. */
  failNext(method: string, fault: Fault): void {
    this.faults.push({ ...fault, method, remaining: fault.times ?? 1 });
  }

  /**
   * The next `times` calls of `method` get their connection destroyed without an answer (the
   * client sees a network error). With `processed: true` the call takes effect first (the message
   * *is* sent; only the response is lost), which is how duplicate sends happen in real life.
   */
  dropNext(method: string, times = 1, options: { processed?: boolean } = {}): void {
    this.drops.push({ method, remaining: times, processed: options.processed ?? false });
  }

  /**
   * Answers 429 with `retry_after` to calls beyond `perSecond` successful ones in any rolling
   * second. `methods` defaults to sendMessage. Pass `null` to switch it off.
   */
  rateLimit(options: { perSecond: number; retryAfter: number; methods?: string[] } | null): void {
    this.limiter = options
      ? { perSecond: options.perSecond, retryAfter: options.retryAfter, methods: new Set(options.methods ?? ['sendMessage']), sentAt: [] }
      : undefined;
  }

  /** Removes pending faults, drops, holds, malformed answers and the rate limit. */
  clearFaults(): void {
    this.faults = [];
    this.drops = [];
    this.holds = [];
    this.malformed = [];
    this.limiter = undefined;
  }

  /**
   * What a second poller on the same token does: the long poll hanging now ends with 409
   * Conflict, and so do the next `times - 1` getUpdates calls.
   */
  conflictPolling(times = 1): void {
    let remaining = times;
    if (this.poll) {
      this.poll.finish(new TelegramError(409, defaultDescription(409, undefined)));
      remaining--;
    }
    if (remaining > 0) this.failNext('getUpdates', { error_code: 409, times: remaining });
  }

  /**
   * The next `times` calls of `method` are recorded and then never answered: the connection is
   * held open (a hung proxy, a black-holed network) until `releaseHeld()`, `down()` or `stop()`.
   */
  holdNext(method: string, times = 1): void {
    this.holds.push({ method, remaining: times });
  }

  /** Cuts every held connection (the client sees a network error). */
  releaseHeld(): void {
    for (const req of this.heldRequests) req.socket.destroy();
    this.heldRequests.clear();
  }

  /** The next `times` calls of `method` get HTTP 200 with a body that is not JSON (a proxy's error page). */
  malformNext(method: string, times = 1): void {
    this.malformed.push({ method, remaining: times });
  }

  /** The next `times` calls of `method` take effect, then the connection is reset before the answer. */
  acceptThenReset(method: string, times = 1): void {
    this.dropNext(method, times, { processed: true });
  }

  /**
   * Telegram becomes unreachable: every open connection (the long poll, held and idle ones) is
   * cut, and every new request is cut on arrival, until `up()`.
   */
  down(): void {
    this.isDown = true;
    this.heldRequests.clear();
    this.server.closeAllConnections();
  }

  up(): void {
    this.isDown = false;
  }

  /**
   * Puts a raw update in the queue, for what the simulated users cannot produce: a message
   * without \`from\`, a callback from someone else. `chatId` is the chat whose wait cursor moves.
   */
  injectUpdate(content: Omit<Update, 'update_id'>, chatId: number, summary = 'raw update'): Update {
    return this.enqueue(content, chatId, summary);
  }

  /**
   * A callback query by `actor` on a message in someone else's private chat: what a forged or
   * replayed callback looks like. Registered, so the bot can answer it.
   */
  sendForeignCallback(actor: FakeUser, message: SentMessage, data: string): Update {
    return this.queueCallback(actor, message, data, `sent a foreign callback ${preview(data)}`);
  }

  // ================================================================ HTTP

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.isDown) {
      req.socket.destroy();
      return;
    }
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', this.apiRoot);
    const route = /^\/bot([^/]*)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (!route || (req.method !== 'GET' && req.method !== 'POST')) {
      this.write(res, undefined, new TelegramError(404, 'Not Found').toResponse());
      return;
    }
    const [, token, method] = route as unknown as [string, string, string];

    let parsed: ReturnType<typeof parseRequest>;
    try {
      parsed = parseRequest(req.headers['content-type'], body, url.searchParams);
    } catch (error) {
      if (!(error instanceof MalformedRequestError)) throw error;
      this.write(res, undefined, badRequest(error.message).toResponse());
      return;
    }
    const params = parsed.params;
    const call: RecordedCall = {
      seq: ++this.seq,
      at: Date.now(),
      method,
      params,
      files: [...parsed.files.values()],
      chatId: chatIdOf(params) ?? this.callbackQueries.get(String(params.callback_query_id))?.chatId,
      status: 'pending',
      response: undefined,
    };
    this.recordedCalls.push(call);
    this.notify();

    if (token !== this.token) {
      this.write(res, call, new TelegramError(401, 'Unauthorized').toResponse());
      return;
    }
    if (this.take(this.holds, (h) => h.method === method)) {
      this.heldRequests.add(req);
      req.socket.once('close', () => this.heldRequests.delete(req));
      return;
    }
    const drop = this.take(this.drops, (d) => d.method === method);
    if (drop && !drop.processed) {
      this.destroy(req, call);
      return;
    }
    const response = await this.execute(call, parsed.files, res);
    if (drop) this.destroy(req, call);
    else if (this.take(this.malformed, (m) => m.method === method)) {
      call.status = 200;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>502 Bad Gateway</body></html');
      this.notify();
    } else this.write(res, call, response);
  }

  /** Applies injected faults, blocking and rate limits, then runs the method. */
  private async execute(call: RecordedCall, files: Map<string, UploadedFile>, res: ServerResponse): Promise<ApiResponse> {
    const { method, params, chatId } = call;
    const fault = this.take(this.faults, (f) => f.method === method && (f.chatId === undefined || f.chatId === chatId));
    if (fault) {
      const retryAfter = fault.parameters?.retry_after;
      return new TelegramError(fault.error_code, fault.description ?? defaultDescription(fault.error_code, retryAfter), fault.parameters).toResponse();
    }
    if (chatId !== undefined && BLOCKABLE.test(method) && this.chats.get(chatId)?.blocked) {
      return new TelegramError(403, 'Forbidden: bot was blocked by the user').toResponse();
    }
    const limited = this.checkRateLimit(method);
    if (limited) return limited.toResponse();

    const handler = this.handlers[method];
    if (!handler) return new TelegramError(404, 'Not Found').toResponse();
    try {
      return { ok: true, result: await handler(params, { call, files, res }) };
    } catch (error) {
      if (error instanceof TelegramError) return error.toResponse();
      throw error;
    }
  }

  private checkRateLimit(method: string): TelegramError | undefined {
    const limiter = this.limiter;
    if (!limiter?.methods.has(method)) return undefined;
    const now = Date.now();
    limiter.sentAt = limiter.sentAt.filter((t) => now - t < 1000);
    if (limiter.sentAt.length >= limiter.perSecond) {
      return new TelegramError(429, `Too Many Requests: retry after ${limiter.retryAfter}`, { retry_after: limiter.retryAfter });
    }
    limiter.sentAt.push(now);
    return undefined;
  }

  private write(res: ServerResponse, call: RecordedCall | undefined, response: ApiResponse): void {
    const status = response.ok ? 200 : response.error_code;
    if (call) {
      call.status = status;
      call.response = response;
    }
    if (!res.destroyed && !res.headersSent) {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(response));
    }
    this.notify();
  }

  private destroy(req: IncomingMessage, call: RecordedCall): void {
    call.status = 'dropped';
    req.socket.destroy();
    this.notify();
  }

  /** Consumes one use of the first matching rule in `list`. */
  private take<T extends { remaining: number }>(list: T[], matches: (rule: T) => boolean): T | undefined {
    const rule = list.find((r) => r.remaining > 0 && matches(r));
    if (rule) rule.remaining--;
    return rule;
  }

  // ================================================================ Bot API methods

  private readonly handlers: Record<string, Handler> = {
    getMe: () => this.botUser,
    logOut: () => true,
    close: () => true,
    getUpdates: (p, ctx) => this.getUpdates(p, ctx),
    setWebhook: (p) => {
      this.webhookUrl = typeof p.url === 'string' ? p.url : '';
      if (p.drop_pending_updates === true) this.queue = [];
      return true;
    },
    deleteWebhook: (p) => {
      this.webhookUrl = '';
      if (p.drop_pending_updates === true) this.queue = [];
      return true;
    },
    getWebhookInfo: () => ({
      url: this.webhookUrl,
      has_custom_certificate: false,
      pending_update_count: this.queue.length,
      ...(this.allowedUpdates ? { allowed_updates: [...this.allowedUpdates] } : {}),
    }),
    setMyCommands: (p) => {
      const commands = Array.isArray(p.commands) ? (p.commands as BotCommand[]) : undefined;
      if (!commands) throw badRequest('parameter "commands" is required');
      for (const c of commands) {
        if (typeof c.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw badRequest('BOT_COMMAND_INVALID');
        if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) {
          throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
        }
      }
      this.commandSets.set(commandKey(p.scope, p.language_code), commands);
      return true;
    },
    getMyCommands: (p) => this.commandSets.get(commandKey(p.scope, p.language_code)) ?? [],
    deleteMyCommands: (p) => this.commandSets.delete(commandKey(p.scope, p.language_code)) || true,
    setChatMenuButton: (p) => {
      this.menuButtons.set(p.chat_id === undefined ? 'default' : String(p.chat_id), p.menu_button ?? { type: 'default' });
      return true;
    },
    getChatMenuButton: (p) => this.menuButtons.get(p.chat_id === undefined ? 'default' : String(p.chat_id)) ?? { type: 'commands' },
    setMyDescription: (p) => this.setProfileText('description', p.description, p.language_code),
    setMyShortDescription: (p) => this.setProfileText('short_description', p.short_description, p.language_code),
    setMyName: (p) => this.setProfileText('name', p.name, p.language_code),
    sendMessage: (p) => this.sendMessage(p),
    sendDocument: (p, ctx) => this.sendFile('document', p, ctx.files),
    sendPhoto: (p, ctx) => this.sendFile('photo', p, ctx.files),
    editMessageText: (p) => this.editMessage('editMessageText', p),
    editMessageCaption: (p) => this.editMessage('editMessageCaption', p),
    editMessageReplyMarkup: (p) => this.editMessage('editMessageReplyMarkup', p),
    editMessageMedia: (p, ctx) => this.editMessageMedia(p, ctx.files),
    deleteMessage: (p) => this.deleteMessage(requireChatId(p), requireInt(p, 'message_id')),
    deleteMessages: (p) => {
      const chatId = requireChatId(p);
      const ids = Array.isArray(p.message_ids) ? p.message_ids : [];
      for (const id of ids) if (typeof id === 'number') this.deleteMessage(chatId, id, { ignoreMissing: true });
      return true;
    },
    answerCallbackQuery: (p, ctx) => this.answerCallbackQuery(p, ctx.call),
    sendChatAction: (p) => {
      requireChatId(p);
      if (typeof p.action !== 'string' || !CHAT_ACTIONS.has(p.action)) throw badRequest('wrong parameter action in request');
      return true;
    },
  };

  private getUpdates(p: Params, ctx: HandlerContext): Update[] | Promise<Update[]> {
    if (this.webhookUrl) {
      throw new TelegramError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const offset = optionalInt(p, 'offset');
    const limit = Math.min(100, Math.max(1, optionalInt(p, 'limit') ?? 100));
    const timeout = Math.max(0, optionalInt(p, 'timeout') ?? 0);
    if (Array.isArray(p.allowed_updates)) {
      const requested = p.allowed_updates.map(String);
      this.requestedAllowedUpdates.push(requested);
      // An empty list means "the default set"; omitting the field keeps the previous setting.
      this.allowedUpdates = requested.length ? new Set(requested) : undefined;
    }
    if (offset !== undefined) {
      this.queue = offset < 0 ? this.queue.slice(offset) : this.queue.filter((u) => u.update_id >= offset);
    }

    // Telegram serves one long poll at a time: a new one ends the previous with 409.
    this.poll?.finish(new TelegramError(409, defaultDescription(409, undefined)));
    const ready = this.deliverable(limit);
    if (ready.length > 0 || timeout === 0) return ready;

    return new Promise<Update[]>((resolve, reject) => {
      const poll: PendingPoll = {
        limit,
        done: false,
        timer: undefined,
        finish: (outcome) => {
          if (poll.done) return;
          poll.done = true;
          clearTimeout(poll.timer);
          if (this.poll === poll) this.poll = undefined;
          if (outcome instanceof TelegramError) reject(outcome);
          else resolve(outcome);
        },
      };
      poll.timer = setTimeout(() => poll.finish([]), timeout * 1000);
      // grammY aborts its poll on bot.stop(); forget it so it can't swallow the next update.
      ctx.res.once('close', () => poll.finish([]));
      this.poll = poll;
    });
  }

  /** Unconfirmed updates the bot asked for, up to `limit`; others are dropped like Telegram does. */
  private deliverable(limit: number): Update[] {
    this.queue = this.queue.filter((update) => {
      const type = Object.keys(update).find((k) => k !== 'update_id') ?? '';
      return this.allowedUpdates ? this.allowedUpdates.has(type) : !DEFAULT_EXCLUDED_UPDATES.has(type);
    });
    return this.queue.slice(0, limit);
  }

  private sendMessage(p: Params): Message {
    const chatId = requireChatId(p);
    if (typeof p.text !== 'string' || p.text === '') throw badRequest('message text is empty');
    const formatted = this.format(p.text, p.parse_mode, p.entities);
    if (formatted.text.trim() === '') throw badRequest('message text is empty');
    if (formatted.text.length > 4096) throw badRequest('message is too long');
    return this.storeBotMessage(chatId, 'sendMessage', p, { ...formatted, rawText: p.text }).message;
  }

  private sendFile(kind: 'document' | 'photo', p: Params, files: Map<string, UploadedFile>): Message {
    const chatId = requireChatId(p);
    const file = this.resolveInputFile(kind, p[kind], files);
    let caption = { text: '', entities: [] as MessageEntity[] };
    if (typeof p.caption === 'string' && p.caption !== '') {
      caption = this.format(p.caption, p.parse_mode, p.caption_entities);
      if (caption.text.length > 1024) throw badRequest('message caption is too long');
    }
    return this.storeBotMessage(chatId, kind === 'document' ? 'sendDocument' : 'sendPhoto', p, {
      ...caption,
      rawText: typeof p.caption === 'string' ? p.caption : undefined,
      [kind]: file,
    }).message;
  }

  /** Resolves a document/photo parameter: `attach://<part>`, a direct file part, a URL or a file_id. */
  private resolveInputFile(kind: string, value: unknown, files: Map<string, UploadedFile>): SentFile {
    const attached = typeof value === 'string' && value.startsWith('attach://');
    const upload = attached ? files.get(value.slice('attach://'.length)) : files.get(kind);
    if (attached && !upload) throw badRequest(`file ${value} not found in the request`);
    if (upload) {
      if (upload.bytes.length === 0) throw badRequest('file must be non-empty');
      const n = ++this.fileCounter;
      const file: SentFile = {
        fileId: `${kind === 'photo' ? 'AgAC' : 'BQAC'}AgIAAxk-emu-${kind}-${n}`,
        fileUniqueId: `AgAD-emu-${n}`,
        filename: upload.filename,
        mimeType: upload.mimeType,
        bytes: upload.bytes,
        source: 'upload',
        reference: undefined,
      };
      this.knownFiles.set(file.fileId, file);
      return file;
    }
    if (typeof value !== 'string' || value === '') throw badRequest(`there is no ${kind} in the request`);
    if (/^https?:\/\//.test(value)) {
      const n = ++this.fileCounter;
      return { fileId: `BQAC-emu-url-${n}`, fileUniqueId: `AgAD-emu-${n}`, filename: value.split('/').pop(), mimeType: undefined, bytes: undefined, source: 'url', reference: value };
    }
    const known = this.knownFiles.get(value) ?? this.userFile(value);
    if (!known) throw badRequest('wrong file identifier/HTTP URL specified');
    return { ...known, bytes: undefined, source: 'file_id', reference: value };
  }

  /** A file a simulated user sent (photos, stickers), so the bot may re-send it by file_id. */
  private userFile(fileId: string): SentFile | undefined {
    if (!fileId.includes('-emu-')) return undefined;
    return { fileId, fileUniqueId: fileId, filename: undefined, mimeType: undefined, bytes: undefined, source: 'file_id', reference: fileId };
  }

  /** The bot's own message that an edit names; Telegram's errors for anything else. */
  private editableRecord(p: Params) {
    if (p.inline_message_id !== undefined) throw badRequest('inline messages are not supported by the emulator');
    const chatId = requireChatId(p);
    const messageId = requireInt(p, 'message_id');
    const entry = this.chats.get(chatId)?.messages.get(messageId);
    if (!entry || (entry.from === 'bot' ? entry.record.deleted : entry.deleted)) throw badRequest('message to edit not found');
    if (entry.from === 'user') throw badRequest("message can't be edited");
    return entry.record;
  }

  /** Replaces a photo/document message's file and caption (InputMediaPhoto/Document, `attach://` uploads). */
  private editMessageMedia(p: Params, files: Map<string, UploadedFile>): Message {
    const record = this.editableRecord(p);
    const media = (typeof p.media === 'string' ? JSON.parse(p.media) : p.media) as Record<string, unknown> | undefined;
    if (!media || (media.type !== 'photo' && media.type !== 'document')) throw badRequest('media type is not supported');
    if ((media.type === 'photo') !== (record.photo !== undefined)) throw badRequest("message media can't be changed to that type");
    const file = this.resolveInputFile(media.type, media.media, files);
    const caption = typeof media.caption === 'string' ? media.caption : '';
    const next = { ...this.format(caption, media.parse_mode, media.caption_entities), rawText: caption || undefined };
    if (next.text.length > 1024) throw badRequest('message caption is too long');
    if (media.type === 'photo') record.photo = file;
    else record.document = file;
    return this.applyEdit(record, 'editMessageMedia', next, this.validateMarkup(p.reply_markup, true));
  }

  private editMessage(method: 'editMessageText' | 'editMessageCaption' | 'editMessageReplyMarkup', p: Params): Message {
    const record = this.editableRecord(p);
    // Bot API: "it is currently only possible to edit messages without reply_markup or with inline keyboards".
    if (record.replyMarkup && !('inline_keyboard' in record.replyMarkup)) throw badRequest("message can't be edited");

    const hasMedia = record.document !== undefined || record.photo !== undefined;
    let next: { text: string; entities: MessageEntity[]; rawText: string | undefined } = {
      text: record.text,
      entities: record.entities,
      rawText: record.rawText,
    };
    if (method === 'editMessageText') {
      if (hasMedia) throw badRequest('there is no text in the message to edit');
      if (typeof p.text !== 'string' || p.text === '') throw badRequest('message text is empty');
      next = { ...this.format(p.text, p.parse_mode, p.entities), rawText: p.text };
      if (next.text.length > 4096) throw badRequest('message is too long');
    } else if (method === 'editMessageCaption') {
      if (!hasMedia) throw badRequest('there is no caption in the message to edit');
      const caption = typeof p.caption === 'string' ? p.caption : '';
      next = { ...this.format(caption, p.parse_mode, p.caption_entities), rawText: caption || undefined };
    }
    // Like Telegram, an edit without reply_markup removes the inline keyboard.
    const markup = this.validateMarkup(p.reply_markup, true);
    if (next.text === record.text && stableJson(next.entities) === stableJson(record.entities) && stableJson(markup) === stableJson(record.replyMarkup)) {
      throw badRequest(NOT_MODIFIED);
    }

    return this.applyEdit(record, method, next, markup);
  }

  /** Records an edit of a bot message: new text (or caption) and markup, kept in its edit history. */
  private applyEdit(
    record: SentMessage,
    method: string,
    next: { text: string; entities: MessageEntity[]; rawText: string | undefined },
    markup: ReplyMarkup | undefined,
  ): Message {
    const edit: MessageEdit = {
      seq: ++this.seq,
      at: Date.now(),
      method,
      text: next.text,
      entities: next.entities,
      replyMarkup: markup,
      previousText: record.text,
      previousReplyMarkup: record.replyMarkup,
      message: record,
    };
    record.text = next.text;
    record.entities = next.entities;
    record.rawText = next.rawText;
    record.replyMarkup = markup;
    record.edits.push(edit);
    record.message = this.toTelegramMessage(record);
    this.notify();
    return record.message;
  }

  private deleteMessage(chatId: number, messageId: number, options: { ignoreMissing?: boolean } = {}): true {
    const entry = this.chats.get(chatId)?.messages.get(messageId);
    const alreadyDeleted = entry && (entry.from === 'bot' ? entry.record.deleted : entry.deleted);
    if (!entry || alreadyDeleted) {
      if (options.ignoreMissing) return true;
      throw badRequest('message to delete not found');
    }
    if (entry.from === 'bot') entry.record.deleted = true;
    else entry.deleted = true;
    this.notify();
    return true;
  }

  private answerCallbackQuery(p: Params, call: RecordedCall): true {
    const id = typeof p.callback_query_id === 'string' ? p.callback_query_id : String(p.callback_query_id ?? '');
    const known = this.callbackQueries.get(id);
    if (!known || known.answered) throw badRequest(QUERY_INVALID);
    known.answered = true;
    this.answeredCallbacks.push({
      seq: call.seq,
      at: call.at,
      callbackQueryId: id,
      text: typeof p.text === 'string' ? p.text : undefined,
      showAlert: p.show_alert === true,
      url: typeof p.url === 'string' ? p.url : undefined,
      query: known.query,
    });
    return true;
  }

  private setProfileText(field: string, value: unknown, languageCode: unknown): true {
    this.profile.set(`${field}:${typeof languageCode === 'string' ? languageCode : ''}`, typeof value === 'string' ? value : '');
    return true;
  }

  // ================================================================ message bookkeeping

  private format(raw: string, parseMode: unknown, entities: unknown): { text: string; entities: MessageEntity[] } {
    try {
      return formatText(raw, typeof parseMode === 'string' ? parseMode : undefined, Array.isArray(entities) ? (entities as MessageEntity[]) : undefined);
    } catch (error) {
      if (error instanceof EntityParseError) throw badRequest(`can't parse entities: ${error.message}`);
      throw error;
    }
  }

  /** Checks reply_markup like Telegram does for the mistakes bots actually make. */
  private validateMarkup(value: unknown, inlineOnly: boolean): ReplyMarkup | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object') throw badRequest("can't parse reply keyboard markup JSON object");
    if ('inline_keyboard' in value) {
      const rows = (value as { inline_keyboard: unknown }).inline_keyboard;
      if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
      for (const button of (rows as unknown[][]).flat()) {
        if (typeof button !== 'object' || button === null || typeof (button as { text?: unknown }).text !== 'string') {
          throw badRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
        }
        const actions = Object.keys(button).filter((k) => k !== 'text' && k !== 'style' && k !== 'icon_custom_emoji_id');
        if (actions.length === 0) throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        const data = (button as { callback_data?: unknown }).callback_data;
        if (data !== undefined && (typeof data !== 'string' || Buffer.byteLength(data) < 1 || Buffer.byteLength(data) > 64)) {
          throw badRequest('BUTTON_DATA_INVALID');
        }
      }
      return value as InlineKeyboardMarkup;
    }
    if (inlineOnly) throw badRequest('inline keyboard expected');
    if ('keyboard' in value || 'remove_keyboard' in value || 'force_reply' in value) return value as ReplyMarkup;
    throw badRequest("can't parse reply keyboard markup JSON object");
  }

  private storeBotMessage(
    chatId: number,
    method: SentMessage['method'],
    params: Params,
    content: { text: string; entities: MessageEntity[]; rawText: string | undefined; document?: SentFile; photo?: SentFile },
  ): SentMessage {
    const replyMarkup = this.validateMarkup(params.reply_markup, false);
    const state = this.chatState(chatId);
    const replyParameters = params.reply_parameters as { message_id?: unknown } | undefined;
    const replyTo = replyParameters?.message_id ?? params.reply_to_message_id;
    const record: SentMessage = {
      seq: ++this.seq,
      at: Date.now(),
      chatId,
      messageId: state.nextMessageId++,
      method,
      text: content.text,
      rawText: content.rawText,
      parseMode: typeof params.parse_mode === 'string' ? params.parse_mode : undefined,
      entities: content.entities,
      replyMarkup,
      document: content.document,
      photo: content.photo,
      replyToMessageId: typeof replyTo === 'number' ? replyTo : undefined,
      edits: [],
      deleted: false,
      params,
      message: undefined as unknown as Message,
    };
    record.message = this.toTelegramMessage(record);
    state.sent.push(record);
    state.messages.set(record.messageId, { from: 'bot', record });
    this.notify();
    return record;
  }

  /** The Message object Telegram returns for (and shows in callback queries of) a bot message. */
  private toTelegramMessage(record: SentMessage): Message {
    const message: Message = {
      message_id: record.messageId,
      from: this.botUser,
      chat: this.chatState(record.chatId).chat,
      date: Math.floor(record.at / 1000),
    };
    const lastEdit = record.edits.at(-1);
    if (lastEdit) message.edit_date = Math.floor(lastEdit.at / 1000);
    const entities = record.entities.length > 0 ? record.entities : undefined;
    const media = record.document ?? record.photo;
    if (media) {
      if (record.document) {
        const extension = record.document.filename?.split('.').pop()?.toLowerCase() ?? '';
        message.document = {
          file_id: media.fileId,
          file_unique_id: media.fileUniqueId,
          ...(media.filename ? { file_name: media.filename } : {}),
          mime_type: MIME_BY_EXTENSION[extension] ?? media.mimeType ?? 'application/octet-stream',
          ...(media.bytes ? { file_size: media.bytes.length } : {}),
        };
      } else {
        message.photo = [320, 800].map((size, i) => ({
          file_id: `${media.fileId}-${i}`,
          file_unique_id: `${media.fileUniqueId}-${i}`,
          width: size,
          height: Math.round(size * 0.75),
        }));
      }
      if (record.text) message.caption = record.text;
      if (entities) message.caption_entities = entities;
    } else {
      message.text = record.text;
      if (entities) message.entities = entities;
    }
    if (record.replyMarkup && 'inline_keyboard' in record.replyMarkup) message.reply_markup = record.replyMarkup;
    return message;
  }

  /** The state of a chat, created on first use; `chat` (from createUser/createGroup) replaces a placeholder. */
  private chatState(chatId: number, chat?: Chat): ChatState {
    let state = this.chats.get(chatId);
    if (state && chat) state.chat = chat;
    if (!state) {
      state = {
        // Unknown chats still work (Telegram lets bots write to users who started them).
        chat: chat ?? (chatId > 0 ? { id: chatId, type: 'private', first_name: `User ${chatId}` } : { id: chatId, type: 'group', title: `Chat ${chatId}` }),
        nextMessageId: 1,
        messages: new Map(),
        sent: [],
        blocked: false,
        lastActionSeq: 0,
        lastReadSeq: 0,
      };
      this.chats.set(chatId, state);
    }
    return state;
  }

  private chatFor(user: FakeUser, chat?: FakeChat): ChatState {
    if (!this.users.has(user.id)) this.users.set(user.id, user);
    const state = this.chatState(chat?.id ?? user.id);
    if (!chat && state.chat.type !== 'private') throw new Error(`Chat ${user.id} is not a private chat.`);
    return state;
  }

  private telegramUser(user: FakeUser): User {
    return {
      id: user.id,
      is_bot: false,
      first_name: user.firstName,
      ...(user.lastName ? { last_name: user.lastName } : {}),
      ...(user.username ? { username: user.username } : {}),
      ...(user.languageCode ? { language_code: user.languageCode } : {}),
    };
  }

  private postUserMessage(user: FakeUser, content: Partial<Message>, chat: FakeChat | undefined, summary: string): Update {
    const state = this.chatFor(user, chat);
    const message = {
      message_id: state.nextMessageId++,
      from: this.telegramUser(user),
      chat: state.chat,
      date: nowSeconds(),
      ...content,
    } as Message;
    state.messages.set(message.message_id, { from: 'user', message, deleted: false });
    return this.enqueue({ message } as Omit<Update, 'update_id'>, state.chat.id, `${userLabel(user)} sent ${summary}`);
  }

  private enqueueMemberChange(user: FakeUser, from: 'member' | 'kicked', to: 'member' | 'kicked'): Update {
    const member = (status: 'member' | 'kicked') =>
      status === 'kicked' ? { status, user: this.botUser, until_date: 0 } : { status, user: this.botUser };
    const state = this.chatFor(user);
    return this.enqueue(
      {
        my_chat_member: {
          chat: state.chat,
          from: this.telegramUser(user),
          date: nowSeconds(),
          old_chat_member: member(from),
          new_chat_member: member(to),
        },
      },
      user.id,
      `${userLabel(user)} ${to === 'kicked' ? 'blocked' : 'unblocked'} the bot`,
    );
  }

  /** Adds an update to the queue, moves the chat's wait cursor to it and wakes the long poll. */
  private enqueue(content: Omit<Update, 'update_id'>, chatId: number, summary: string): Update {
    if (this.stopped) throw new Error('The emulator is stopped.');
    const update = { update_id: this.nextUpdateId++, ...content } as Update;
    const seq = ++this.seq;
    this.queue.push(update);
    this.updates.push(update);
    this.actions.push({ seq, at: Date.now(), chatId, update, summary });
    this.chatState(chatId).lastActionSeq = seq;
    this.lastActionSeq = seq;
    if (this.poll) {
      const ready = this.deliverable(this.poll.limit);
      if (ready.length > 0) this.poll.finish(ready);
    }
    this.notify();
    return update;
  }

  // ================================================================ waiting

  private waitFor<T>(spec: {
    find: () => T | undefined;
    onFound?: (found: T) => void;
    describe: () => string;
    timeoutMs: number | undefined;
  }): Promise<T> {
    const timeoutMs = spec.timeoutMs ?? this.defaultTimeoutMs;
    // Created now so the stack trace points at the test line that waited.
    const timeoutError = new Error('timeout');
    return new Promise<T>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter: Waiter = {
        check: () => {
          let found: T | undefined;
          try {
            found = spec.find();
          } catch (error) {
            finish();
            reject(error as Error);
            return;
          }
          if (found === undefined) return;
          finish();
          spec.onFound?.(found);
          resolve(found);
        },
        fail: (error) => {
          finish();
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        finish();
        timeoutError.message = `Timed out after ${timeoutMs} ms. ${spec.describe()}`;
        reject(timeoutError);
      }, timeoutMs);
      if (this.stopped) {
        waiter.fail(new Error('The emulator is stopped.'));
        return;
      }
      this.waiters.add(waiter);
      waiter.check();
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  /** The recent user actions and bot calls in a chat, for timeout errors. */
  private chatTimeline(chatId: number, limit = 15): string {
    const lines = [
      ...this.actions.filter((a) => a.chatId === chatId).map((a) => ({ seq: a.seq, text: `user  ${a.summary}` })),
      ...this.recordedCalls.filter((c) => c.chatId === chatId).map((c) => ({ seq: c.seq, text: `bot   ${describeCall(c)}` })),
    ]
      .sort((a, b) => a.seq - b.seq)
      .slice(-limit)
      .map((l) => `  seq ${String(l.seq).padStart(4)}  ${l.text}`);
    return [`Recent activity in chat ${chatId} (oldest first):`, ...(lines.length ? lines : ['  (nothing yet)'])].join('\n');
  }
}

// ---------------------------------------------------------------- helpers

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function chatIdOf(params: Params): number | undefined {
  return typeof params.chat_id === 'number' ? params.chat_id : undefined;
}

function requireChatId(params: Params): number {
  const chatId = chatIdOf(params);
  if (chatId === undefined) throw badRequest(params.chat_id === undefined ? 'chat_id is empty' : 'chat not found');
  return chatId;
}

function requireInt(params: Params, name: string): number {
  const value = optionalInt(params, name);
  if (value === undefined) throw badRequest(`${name} is empty`);
  return value;
}

function optionalInt(params: Params, name: string): number | undefined {
  const value = params[name];
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

function commandKey(scope: unknown, languageCode: unknown): string {
  return `${stableJson(scope ?? { type: 'default' })}|${typeof languageCode === 'string' ? languageCode : ''}`;
}

/** JSON with sorted keys, so equal objects compare equal regardless of key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  ) ?? 'undefined';
}

function preview(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}

function userLabel(user: FakeUser): string {
  return `${user.firstName} (${user.id})`;
}

function describeButtons(markup: ReplyMarkup | undefined): string {
  if (!markup || !('inline_keyboard' in markup)) return '(none)';
  return markup.inline_keyboard
    .map((row) => `[${row.map((b) => ('callback_data' in b ? `${b.text} → ${b.callback_data}` : b.text)).join(' | ')}]`)
    .join(' ');
}

function describeCall(call: RecordedCall): string {
  const { method, params, response } = call;
  const status = typeof call.status === 'number' ? String(call.status) : call.status;
  let detail = '';
  if (response?.ok) {
    const result = response.result as Partial<Message> | undefined;
    if (result && typeof result === 'object' && 'message_id' in result) {
      const text = result.text ?? result.caption ?? (result.document ? `[document ${result.document.file_name ?? ''}]` : '');
      const buttons = result.reply_markup ? ` ${describeButtons(result.reply_markup)}` : '';
      detail = ` #${result.message_id} ${preview(text)}${buttons}`;
    } else if (method === 'answerCallbackQuery' && typeof params.text === 'string') {
      detail = ` text ${preview(params.text)}`;
    }
  } else if (response) {
    const sentText = typeof params.text === 'string' ? ` (text ${preview(params.text, 40)})` : '';
    detail = ` ${response.description}${sentText}`;
  }
  return `${method} → ${status}${detail}`;
}

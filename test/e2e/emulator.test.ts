import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Api, Bot, GrammyError, HttpError, InlineKeyboard, InputFile } from 'grammy';
import { run } from '@grammyjs/runner';
import type { Update } from 'grammy/types';
import { BotApiEmulator, inlineButtons, TEST_BOT_USERNAME } from '../../src/emulator/emulator.js';
import { REPO_ROOT } from '../support/bot-process.js';
import { setupE2E } from '../support/fixtures.js';

/**
 * Tests of the e2e harness itself, driven by grammY in-process (and, for the process harness, by
 * a tiny stand-in bot script), so the harness is trustworthy before the real bot exists.
 */

let emu: BotApiEmulator;
let api: Api;
const cleanups: Array<() => Promise<unknown>> = [];

beforeEach(async () => {
  emu = await BotApiEmulator.start({ defaultTimeoutMs: 3_000 });
  api = new Api(emu.token, { apiRoot: emu.apiRoot });
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await emu.stop();
});

/** Starts a grammY bot long-polling the emulator; stopped after the test. */
function runBot(register: (bot: Bot) => void): { bot: Bot; errors: unknown[] } {
  const bot = new Bot(emu.token, { client: { apiRoot: emu.apiRoot } });
  const errors: unknown[] = [];
  bot.catch((err) => {
    errors.push(err.error);
  });
  register(bot);
  const running = bot.start();
  running.catch((error: unknown) => errors.push(error));
  cleanups.push(async () => {
    if (bot.isRunning()) await bot.stop();
    await running.catch(() => undefined);
  });
  return { bot, errors };
}

/** Resolves with the error a promise rejects with; fails the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

describe('Bot API surface', () => {
  it('getMe returns the test bot, with the id taken from the token', async () => {
    const me = await api.getMe();
    expect(me).toMatchObject({ id: 123456, is_bot: true, username: TEST_BOT_USERNAME });
  });

  it('answers 401 for a wrong token and 404 for an unknown method, in Telegram’s envelope', async () => {
    const wrong = new Api('999:WRONG-token_abcdefghijklmnopqrstuvwxyz', { apiRoot: emu.apiRoot });
    const error = await rejection(wrong.getMe());
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(401);
    expect((error as GrammyError).description).toBe('Unauthorized');

    const res = await fetch(`${emu.apiRoot}/bot${emu.token}/sendTelepathy`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
  });

  it('reads parameters from the query string and urlencoded bodies, decoding JSON fields', async () => {
    const user = emu.createUser();
    const markup = JSON.stringify({ inline_keyboard: [[{ text: 'Yes', callback_data: 'y' }]] });
    const res = await fetch(`${emu.apiRoot}/bot${emu.token}/sendMessage?chat_id=${user.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ text: '42', reply_markup: markup }),
    });
    const body = (await res.json()) as { ok: boolean; result: { text: string; chat: { id: number } } };
    expect(body.ok).toBe(true);
    expect(body.result.text).toBe('42'); // stays a string although it looks like a number
    expect(body.result.chat.id).toBe(user.id);
    expect(emu.lastSent(user.id)?.replyMarkup).toEqual(JSON.parse(markup));
  });

  it('stores commands per scope and language and rejects invalid command names', async () => {
    await api.setMyCommands([{ command: 'start', description: 'Begin' }]);
    await api.setMyCommands([{ command: 'start', description: 'Начать' }], { language_code: 'ru' });
    await api.setMyCommands([{ command: 'help', description: 'Help' }], { scope: { type: 'all_group_chats' } });

    expect(await api.getMyCommands({ language_code: 'ru' })).toEqual([{ command: 'start', description: 'Начать' }]);
    expect(emu.commands()).toEqual([{ command: 'start', description: 'Begin' }]);
    expect(emu.commands({ scope: { type: 'all_group_chats' } })).toEqual([{ command: 'help', description: 'Help' }]);
    const error = await rejection(api.setMyCommands([{ command: 'Start', description: 'x' }]));
    expect((error as GrammyError).description).toBe('Bad Request: BOT_COMMAND_INVALID');
  });

  it('rejects callback_data over 64 bytes like Telegram', async () => {
    const user = emu.createUser();
    const keyboard = new InlineKeyboard().text('Too long', 'x'.repeat(65));
    const error = await rejection(api.sendMessage(user.id, 'Hi', { reply_markup: keyboard }));
    expect((error as GrammyError).description).toBe('Bad Request: BUTTON_DATA_INVALID');
    expect(emu.sent(user.id)).toHaveLength(0);
  });

  it('applies parse_mode: users see plain text, malformed markup is a 400', async () => {
    const user = emu.createUser();
    await api.sendMessage(user.id, '<b>Sleep</b> &amp; rest', { parse_mode: 'HTML' });
    const html = emu.lastSent(user.id)!;
    expect(html.text).toBe('Sleep & rest');
    expect(html.rawText).toBe('<b>Sleep</b> &amp; rest');
    expect(html.entities).toEqual([{ type: 'bold', offset: 0, length: 5 }]);

    const broken = await rejection(api.sendMessage(user.id, 'Hi <Anna>', { parse_mode: 'HTML' }));
    expect((broken as GrammyError).description).toBe(
      'Bad Request: can\'t parse entities: Unsupported start tag "anna" at byte offset 3',
    );
    const unescaped = await rejection(api.sendMessage(user.id, 'Night 3. *Well done*', { parse_mode: 'MarkdownV2' }));
    expect((unescaped as GrammyError).description).toContain("Character '.' is reserved");
    await api.sendMessage(user.id, 'Night 3\\. *Well done*', { parse_mode: 'MarkdownV2' });
    expect(emu.lastSent(user.id)?.text).toBe('Night 3. Well done');
  });
});

describe('long polling', () => {
  it('delivers a text to a grammY handler, records the reply, and turns a button press into a callback query', async () => {
    const seen: string[] = [];
    const { errors } = runBot((bot) => {
      bot.on('message:text', async (ctx) => {
        seen.push(`text:${ctx.message.text}`);
        await ctx.reply('Do you agree?', { reply_markup: new InlineKeyboard().text('✅ I agree', 'agree').text('Not now', 'later') });
      });
      bot.on('callback_query:data', async (ctx) => {
        seen.push(`callback:${ctx.callbackQuery.data}:${ctx.callbackQuery.message?.message_id}`);
        await ctx.answerCallbackQuery({ text: 'Thanks!' });
      });
    });
    const user = emu.createUser({ firstName: 'Ann', languageCode: 'en' });

    emu.sendText(user, 'hello');
    const question = await emu.waitForMessage(user.id, (m) => m.text.includes('agree'));
    expect(seen).toEqual(['text:hello']);
    expect(question.message.from?.username).toBe(TEST_BOT_USERNAME);
    expect(inlineButtons(question).map((b) => [b.text, b.callbackData])).toEqual([
      ['✅ I agree', 'agree'],
      ['Not now', 'later'],
    ]);
    expect(emu.sent(user.id)).toEqual([question]);

    const press = emu.pressButton(user, question, 'I agree'); // unique part of the text
    const answer = await emu.waitForCallbackAnswer(press);
    expect(answer.text).toBe('Thanks!');
    expect(seen).toEqual(['text:hello', `callback:agree:${question.messageId}`]);
    expect(press.callback_query).toMatchObject({ data: 'agree', from: { id: user.id }, chat_instance: expect.any(String) });
    expect(errors).toEqual([]);
  });

  it('marks commands with a bot_command entity, also /cmd@bot in groups', async () => {
    const replies: string[] = [];
    const { errors } = runBot((bot) => {
      bot.command('help', async (ctx) => {
        replies.push(ctx.chat.type);
        await ctx.reply('Help is here');
      });
    });
    const user = emu.createUser();
    const group = emu.createGroup({ title: 'Sleep club' });

    const update = emu.sendText(user, '/help@steady_nights_test_bot', group);
    expect(update.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 28 }]);
    expect(update.message?.chat).toMatchObject({ id: group.id, type: 'group', title: 'Sleep club' });
    await emu.waitForMessage(group.id, (m) => m.text === 'Help is here');

    emu.sendText(user, '/help');
    await emu.waitForMessage(user.id, (m) => m.text === 'Help is here');
    expect(replies).toEqual(['group', 'private']);
    expect(emu.sent(user.id)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('works with @grammyjs/runner, which the bot uses, through stop()', async () => {
    const bot = new Bot(emu.token, { client: { apiRoot: emu.apiRoot } });
    bot.on('message:text', (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    const handle = run(bot);
    cleanups.push(async () => {
      if (handle.isRunning()) await handle.stop();
    });
    const users = [emu.createUser(), emu.createUser(), emu.createUser()];
    for (const user of users) emu.sendText(user, `hi from ${user.id}`);
    for (const user of users) expect((await emu.waitForMessage(user.id)).text).toBe(`echo: hi from ${user.id}`);

    await handle.stop();
    expect(emu.calls.filter((c) => c.method === 'getUpdates' && c.status === 409)).toEqual([]);
  });

  it('holds a poll until its timeout and answers [] ; offset confirms updates', async () => {
    const started = Date.now();
    expect(await api.getUpdates({ timeout: 1 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);

    const user = emu.createUser();
    const first = emu.sendText(user, 'one');
    const second = emu.sendText(user, 'two');
    expect(second.update_id).toBe(first.update_id + 1);

    // Unconfirmed updates are delivered again until a higher offset confirms them.
    expect((await api.getUpdates()).map((u) => u.update_id)).toEqual([first.update_id, second.update_id]);
    expect((await api.getUpdates({ limit: 1 })).map((u) => u.update_id)).toEqual([first.update_id]);
    expect((await api.getUpdates({ offset: second.update_id })).map((u) => u.update_id)).toEqual([second.update_id]);
    expect(await api.getUpdates({ offset: second.update_id + 1 })).toEqual([]);
    expect(emu.pendingUpdates()).toEqual([]);
  });

  it('wakes a hanging poll as soon as an update arrives', async () => {
    const user = emu.createUser();
    const poll = api.getUpdates({ timeout: 10 });
    await emu.waitForCall('getUpdates');
    const started = Date.now();
    const update = emu.sendText(user, 'wake up');
    expect(await poll).toEqual([update]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('records allowed_updates and withholds update types the bot did not ask for', async () => {
    const user = emu.createUser();
    emu.sendText(user, 'a message');
    const callbackOnly = await api.getUpdates({ allowed_updates: ['callback_query'] });
    expect(callbackOnly).toEqual([]);
    expect(emu.requestedAllowedUpdates).toEqual([['callback_query']]);
    expect(emu.calls.at(-1)?.params.allowed_updates).toEqual(['callback_query']);

    // Omitting allowed_updates keeps the previous setting; [] restores the default.
    emu.sendText(user, 'another');
    expect(await api.getUpdates()).toEqual([]);
    const third = emu.sendText(user, 'third');
    expect(await api.getUpdates({ allowed_updates: [] })).toEqual([third]);
  });

  it('ends an older hanging poll with 409 when a second one arrives, and stop() ends polls', async () => {
    const older = rejection(api.getUpdates({ timeout: 10 }));
    await emu.waitForCall('getUpdates');
    const newer = api.getUpdates({ timeout: 10 });
    const conflict = (await older) as GrammyError;
    expect(conflict.error_code).toBe(409);
    expect(conflict.description).toContain('terminated by other getUpdates request');

    await emu.waitForCall('getUpdates'); // the newer poll
    await emu.stop();
    expect(await newer).toEqual([]);
  });
});

describe('editing and deleting', () => {
  it('edits text, records the history, removes the keyboard when reply_markup is omitted, and refuses no-op edits', async () => {
    const user = emu.createUser();
    const keyboard = new InlineKeyboard().text('Good', 'good');
    const sent = await api.sendMessage(user.id, 'How did you sleep?', { reply_markup: keyboard });
    const record = emu.lastSent(user.id)!;

    await api.editMessageReplyMarkup(user.id, sent.message_id, { reply_markup: new InlineKeyboard().text('Bad', 'bad') });
    expect(record.text).toBe('How did you sleep?');
    expect(inlineButtons(record).map((b) => b.text)).toEqual(['Bad']);

    await api.editMessageText(user.id, sent.message_id, 'Thanks for sharing');
    const edit = await emu.waitForEdit(user.id, sent.message_id, (e) => e.text === 'Thanks for sharing');
    expect(edit.previousText).toBe('How did you sleep?');
    expect(record.text).toBe('Thanks for sharing');
    expect(record.replyMarkup).toBeUndefined(); // Telegram drops the keyboard on a text edit without reply_markup
    expect(record.edits.map((e) => e.method)).toEqual(['editMessageReplyMarkup', 'editMessageText']);
    expect(record.message.edit_date).toBeTypeOf('number');

    const error = await rejection(api.editMessageText(user.id, sent.message_id, 'Thanks for sharing'));
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(400);
    expect((error as GrammyError).description).toBe(
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
    expect(record.edits).toHaveLength(2);
  });

  it('deletes messages; editing or deleting them again is a 400', async () => {
    const user = emu.createUser();
    const sent = await api.sendMessage(user.id, 'Temporary');
    expect(await api.deleteMessage(user.id, sent.message_id)).toBe(true);
    expect(emu.lastSent(user.id)?.deleted).toBe(true);
    expect(((await rejection(api.deleteMessage(user.id, sent.message_id))) as GrammyError).description).toBe(
      'Bad Request: message to delete not found',
    );
    expect(((await rejection(api.editMessageText(user.id, sent.message_id, 'x'))) as GrammyError).description).toBe(
      'Bad Request: message to edit not found',
    );
  });

  it('numbers messages per chat, shared between the user and the bot', async () => {
    const anna = emu.createUser();
    const ben = emu.createUser();
    emu.sendText(anna, 'hi'); // message 1 in Anna's chat
    const toAnna = await api.sendMessage(anna.id, 'Hello Anna');
    const toBen = await api.sendMessage(ben.id, 'Hello Ben');
    expect([toAnna.message_id, toBen.message_id]).toEqual([2, 1]);
  });
});

describe('files', () => {
  it('stores the filename, bytes and caption of a multipart sendDocument, with JSON fields decoded', async () => {
    const user = emu.createUser();
    const bytes = Buffer.from('a,b\n1,2\n');
    const result = await api.sendDocument(user.id, new InputFile(bytes, 'export.csv'), {
      caption: 'Your <b>export</b>',
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard().text('Delete my data', 'delete'),
    });
    const record = emu.lastSent(user.id)!;
    expect(record.method).toBe('sendDocument');
    expect(record.document?.filename).toBe('export.csv');
    expect(record.document?.bytes?.equals(bytes)).toBe(true);
    expect(record.text).toBe('Your export');
    expect(inlineButtons(record).map((b) => b.callbackData)).toEqual(['delete']);
    expect(result.document).toMatchObject({ file_name: 'export.csv', mime_type: 'text/csv', file_size: bytes.length });
    expect(emu.calls.at(-1)?.files[0]?.filename).toBe('export.csv');
  });

  it('stores sendPhoto uploads and accepts re-sending by file_id', async () => {
    const user = emu.createUser();
    const sent = await api.sendPhoto(user.id, new InputFile(Buffer.from([0xff, 0xd8, 0xff]), 'moon.jpg'));
    const record = emu.lastSent(user.id)!;
    expect(record.photo).toMatchObject({ filename: 'moon.jpg', source: 'upload' });
    expect(record.photo?.bytes).toEqual(Buffer.from([0xff, 0xd8, 0xff]));

    await api.sendDocument(user.id, record.photo!.fileId);
    expect(emu.lastSent(user.id)?.document).toMatchObject({ source: 'file_id', reference: record.photo!.fileId });
    expect(sent.photo?.length).toBeGreaterThan(0);
    const unknown = await rejection(api.sendDocument(user.id, 'no-such-file-id'));
    expect((unknown as GrammyError).description).toBe('Bad Request: wrong file identifier/HTTP URL specified');
  });
});

describe('fault injection', () => {
  it('failNext answers 429 with retry_after once, then calls succeed again', async () => {
    const user = emu.createUser();
    emu.failNext('sendMessage', { error_code: 429, parameters: { retry_after: 1 } });
    const error = await rejection(api.sendMessage(user.id, 'Good night'));
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(429);
    expect((error as GrammyError).parameters.retry_after).toBe(1);
    expect((error as GrammyError).description).toBe('Too Many Requests: retry after 1');
    expect(emu.calls.at(-1)?.status).toBe(429);
    expect(emu.sent(user.id)).toHaveLength(0);

    await api.sendMessage(user.id, 'Good night');
    expect(emu.sent(user.id).map((m) => m.text)).toEqual(['Good night']);
  });

  it('failNext can target one chat, e.g. a 502 for a single user', async () => {
    const anna = emu.createUser();
    const ben = emu.createUser();
    emu.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway', chatId: ben.id, times: 2 });
    await api.sendMessage(anna.id, 'fine');
    for (let i = 0; i < 2; i++) {
      const error = (await rejection(api.sendMessage(ben.id, 'fails'))) as GrammyError;
      expect([error.error_code, error.description]).toEqual([502, 'Bad Gateway']);
    }
    await api.sendMessage(ben.id, 'works again');
    expect(emu.sent(ben.id).map((m) => m.text)).toEqual(['works again']);
  });

  it('answers 403 after blockBot and delivers my_chat_member updates', async () => {
    const user = emu.createUser();
    const blocked = emu.blockBot(user);
    expect(blocked.my_chat_member?.new_chat_member.status).toBe('kicked');

    const error = (await rejection(api.sendMessage(user.id, 'Are you there?'))) as GrammyError;
    expect([error.error_code, error.description]).toEqual([403, 'Forbidden: bot was blocked by the user']);
    expect(((await rejection(api.sendChatAction(user.id, 'typing'))) as GrammyError).error_code).toBe(403);

    emu.unblockBot(user);
    await api.sendMessage(user.id, 'Welcome back');
    expect((await api.getUpdates()).map((u) => u.my_chat_member?.new_chat_member.status)).toEqual(['kicked', 'member']);
  });

  it('dropNext destroys the connection (HttpError); with processed the message is sent anyway', async () => {
    const user = emu.createUser();
    emu.dropNext('sendMessage');
    const error = await rejection(api.sendMessage(user.id, 'lost'));
    expect(error).toBeInstanceOf(HttpError);
    expect(emu.calls.at(-1)?.status).toBe('dropped');
    expect(emu.sent(user.id)).toHaveLength(0);

    emu.dropNext('sendMessage', 1, { processed: true });
    expect(await rejection(api.sendMessage(user.id, 'sent but unacknowledged'))).toBeInstanceOf(HttpError);
    expect(emu.sent(user.id).map((m) => m.text)).toEqual(['sent but unacknowledged']);

    await api.sendMessage(user.id, 'fine');
    expect(emu.sent(user.id)).toHaveLength(2);
  });

  it('rateLimit answers 429 above the rate in a rolling second', async () => {
    const user = emu.createUser();
    emu.rateLimit({ perSecond: 3, retryAfter: 1 });
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => api.sendMessage(user.id, `msg ${n}`)));
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(rejected.map((r) => (r.reason as GrammyError).parameters.retry_after)).toEqual([1, 1]);

    await new Promise((resolve) => setTimeout(resolve, 1_050));
    await api.sendMessage(user.id, 'after the window');
    expect(emu.sent(user.id)).toHaveLength(4);
  });
});

describe('simulated users and waiting', () => {
  it('finds a message that arrived before the wait started, and consecutive waits walk forward', async () => {
    const user = emu.createUser();
    emu.sendText(user, '/start');
    await api.sendMessage(user.id, 'Welcome');
    await api.sendMessage(user.id, 'Pick a language');

    expect((await emu.waitForMessage(user.id)).text).toBe('Welcome');
    expect((await emu.waitForMessage(user.id)).text).toBe('Pick a language');

    // A new user action moves the cursor: the unread tip sent before it is skipped.
    await api.sendMessage(user.id, 'Tip of the day');
    emu.sendText(user, 'English');
    const next = emu.waitForMessage(user.id);
    await api.sendMessage(user.id, 'Saved');
    expect((await next).text).toBe('Saved');
    expect((await emu.waitForMessage(user.id, (m) => m.text === 'Tip of the day', { after: 0 })).messageId).toBe(4);

    // `after: emu.mark()` ignores everything that already happened.
    const mark = emu.mark();
    const later = emu.waitForMessage(user.id, undefined, { after: mark });
    await api.sendMessage(user.id, 'Later');
    expect((await later).text).toBe('Later');
  });

  it('explains a timeout with the chat’s recent activity, including failed calls', async () => {
    const user = emu.createUser({ firstName: 'Ann' });
    emu.sendText(user, '/start');
    await api.sendMessage(user.id, 'Welcome!', { reply_markup: new InlineKeyboard().text('Go', 'go') });
    await rejection(api.sendMessage(user.id, '<oops>', { parse_mode: 'HTML' }));

    const error = (await rejection(
      emu.waitForMessage(user.id, (m) => m.text.includes('Goodbye'), { timeoutMs: 100 }),
    )) as Error;
    expect(error.message).toContain('Timed out after 100 ms');
    expect(error.message).toMatch(/matching .*m\.text\.includes\(["']Goodbye["']\)/);
    expect(error.message).toContain('Ann');
    expect(error.message).toContain('"/start"');
    expect(error.message).toContain('sendMessage → 200 #2 "Welcome!" [Go → go]');
    expect(error.message).toContain("sendMessage → 400 Bad Request: can't parse entities");
  });

  it('pressButton explains what is there when the button is missing; sendCallback forges data', async () => {
    const user = emu.createUser();
    await api.sendMessage(user.id, 'Choose', {
      reply_markup: new InlineKeyboard().text('Yes', 'yes').text('Yes please', 'yes2').row().url('Help', 'https://example.org'),
    });
    const message = await emu.waitForMessage(user.id);
    expect(() => emu.pressButton(user, message, 'Maybe')).toThrow(
      '"Maybe" matches no button on message #1 in chat ' + user.id + ' ("Choose"). Buttons: [Yes → yes | Yes please → yes2] [Help]',
    );
    expect(() => emu.pressButton(user, message, 'yes p')).not.toThrow();
    expect(() => emu.pressButton(user, message, 'Help')).toThrow('has no callback_data');
    expect(() => emu.pressButton(emu.createUser(), message, 'Yes')).toThrow("can't see messages");

    const forged = emu.sendCallback(user, message, 'admin:wipe');
    expect(forged.callback_query?.data).toBe('admin:wipe');
    await api.answerCallbackQuery(forged.callback_query!.id);
    const twice = (await rejection(api.answerCallbackQuery(forged.callback_query!.id))) as GrammyError;
    expect(twice.description).toBe('Bad Request: query is too old and response timeout expired or query ID is invalid');
    expect(emu.answeredCallbacks.map((a) => a.query.data)).toEqual(['admin:wipe']);
  });

  it('simulates stickers and photos as realistic messages', async () => {
    const user = emu.createUser({ languageCode: 'ru' });
    const sticker: Update = emu.sendSticker(user);
    const photo: Update = emu.sendPhoto(user, { caption: 'my sleep chart' });
    expect(sticker.message).toMatchObject({ message_id: 1, from: { id: user.id, language_code: 'ru' }, sticker: { emoji: '😴' } });
    expect(photo.message).toMatchObject({ message_id: 2, caption: 'my sleep chart' });
    expect(photo.message?.photo?.length).toBe(3);
    expect(await api.getUpdates()).toEqual([sticker, photo]);
  });
});

describe('bot process harness (with a stand-in bot script)', () => {
  /** A minimal grammY bot with the same contract as dist/main.js (env vars, SIGTERM). */
  const STAND_IN_BOT = `
    import { createRequire } from 'node:module';
    import { appendFileSync } from 'node:fs';
    const require = createRequire(${JSON.stringify(join(REPO_ROOT, 'package.json'))});
    const { Bot } = require('grammy');
    if (process.env.CRASH_ON_START) { console.error('boom: cannot open database'); process.exit(3); }
    appendFileSync(process.env.DATABASE_PATH, 'start\\n');
    const bot = new Bot(process.env.BOT_TOKEN, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
    bot.on('message:text', (ctx) => ctx.reply('pong: ' + ctx.message.text + ' (' + process.env.TZ + ')'));
    process.once('SIGTERM', async () => { console.log('shutting down'); await bot.stop(); process.exit(0); });
    bot.start({ onStart: () => console.log(JSON.stringify({ level: 30, msg: 'polling' })) });
  `;
  let dir: string;
  let entry: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'harness-test-'));
    entry = join(dir, 'stand-in-bot.mjs');
    await writeFile(entry, STAND_IN_BOT);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('starts the bot, talks to it, restarts it on the same database, and leaves no process behind', async () => {
    const e = await setupE2E({ entry });
    cleanups.push(() => e.teardown());
    const user = e.emu.createUser();

    e.emu.sendText(user, 'ping');
    expect((await e.emu.waitForMessage(user.id)).text).toBe('pong: ping (UTC)');
    await e.bot.waitForLog('"msg":"polling"');

    const firstPid = e.bot.pid;
    await e.restart();
    expect(e.bot.pid).not.toBe(firstPid);
    e.emu.sendText(user, 'again');
    expect((await e.emu.waitForMessage(user.id)).text).toBe('pong: again (UTC)');
    expect(await readFile(e.dbPath, 'utf8')).toBe('start\nstart\n');

    const bot = e.bot;
    await e.teardown();
    expect(bot.exitInfo).toEqual({ code: 0, signal: null });
    expect(bot.logs).toContain('shutting down');
    expect(() => process.kill(bot.pid, 0)).toThrow();
  });

  it('rejects with the bot’s output when it exits before polling', async () => {
    const error = (await rejection(setupE2E({ entry, env: { CRASH_ON_START: '1' } }))) as Error;
    expect(error.message).toContain('exited (code 3');
    expect(error.message).toContain('boom: cannot open database');
  });
});

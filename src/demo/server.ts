import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, rmSync } from 'node:fs';
import { extname } from 'node:path';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { BotApiEmulator, inlineButtons, type FakeUser, type SentFile, type SentMessage } from '../emulator/emulator.js';
import { BotRunner, REPO_ROOT } from './bot-runner.js';

/**
 * `npm run demo`: the Bot API emulator, the real bot process against it, and a chat page that
 * shows one private chat the way Telegram does. The page is plain HTML/CSS/JS (src/demo/page),
 * served as it is; it polls /api/state and posts what the person types or taps.
 */

export interface DemoOptions {
  /** 0 picks a free port. Always bound to 127.0.0.1. */
  port?: number;
  dbPath: string;
  /** Delete the demo database first (default true): the emulator's chat history starts empty too. */
  fresh?: boolean;
  botLogLevel?: string;
  onBotLog?: (line: string) => void;
}

export interface Demo {
  url: string;
  emulator: BotApiEmulator;
  bot: BotRunner;
  stop(): Promise<void>;
}

interface DemoUser {
  key: string;
  label: string;
  user: FakeUser;
  /** What the person typed, with the emulator's event order, to interleave with the bot's messages. */
  typed: Array<{ seq: number; text: string; at: number }>;
}

const PAGE_DIR = `${REPO_ROOT}src/demo/page/`;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export type ClockTarget = 'morning' | 'winddown' | 'night';

export async function startDemo(options: DemoOptions): Promise<Demo> {
  if (options.fresh ?? true) for (const suffix of ['', '-wal', '-shm']) rmSync(`${options.dbPath}${suffix}`, { force: true });
  const emulator = await BotApiEmulator.start({ defaultTimeoutMs: 30_000 });
  const users = new Map<string, DemoUser>(
    [
      { key: 'en', label: 'Alex (English)', user: emulator.createUser({ id: 1001, firstName: 'Alex', languageCode: 'en' }) },
      { key: 'es', label: 'Lucía (Español)', user: emulator.createUser({ id: 1002, firstName: 'Lucía', languageCode: 'es' }) },
    ].map((u) => [u.key, { ...u, typed: [] }]),
  );
  const bot = new BotRunner({
    emulator,
    dbPath: options.dbPath,
    ...(options.botLogLevel ? { logLevel: options.botLogLevel } : {}),
    ...(options.onBotLog ? { onLog: options.onBotLog } : {}),
  });
  await bot.start();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) json(res, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const demoUser = users.get(url.searchParams.get('user') ?? 'en');
    if (req.method === 'GET' && !url.pathname.startsWith('/api/')) return servePage(url.pathname, res);
    if (!demoUser) return json(res, 404, { error: 'no such demo user' });
    const chatId = demoUser.user.id;

    if (req.method === 'GET' && url.pathname === '/api/state') {
      return json(res, 200, {
        users: [...users.values()].map((u) => ({ key: u.key, label: u.label })),
        botName: emulator.botUser.first_name.replace(' (test)', ''),
        clock: bot.now().toISOString(),
        zone: profileOf(options.dbPath, chatId)?.timeZone ?? null,
        restarting: bot.busy,
        messages: chatView(demoUser),
        toasts: emulator.answeredCallbacks
          .filter((a) => a.query.from.id === chatId && a.text)
          .map((a) => ({ seq: a.seq, text: a.text, alert: a.showAlert })),
        commands: (emulator.commands({ languageCode: demoUser.user.languageCode }) ?? emulator.commands() ?? []).map((c) => ({ command: c.command, description: c.description })),
      });
    }
    if (req.method === 'GET' && url.pathname.startsWith('/api/file/')) {
      const [, , , messageId, which] = url.pathname.split('/');
      const message = emulator.sent(chatId).find((m) => m.messageId === Number(messageId));
      const file = which === 'photo' ? message?.photo : message?.document;
      const bytes = file && bytesOf(file);
      if (!bytes) return json(res, 404, { error: 'no such file' });
      const name = file.filename ?? (which === 'photo' ? 'photo.png' : 'file');
      res.writeHead(200, {
        'content-type': which === 'photo' ? 'image/png' : typeFor(name),
        'content-disposition': `inline; filename="${name.replace(/"/g, '')}"`,
        'cache-control': 'no-store',
      });
      return void res.end(bytes);
    }
    if (req.method === 'POST') {
      const body = (await readJson(req)) as Record<string, unknown>;
      if (bot.busy) return json(res, 409, { error: 'The bot is restarting on its new clock; try again in a moment.' });
      if (url.pathname === '/api/send' && typeof body.text === 'string' && body.text.trim()) {
        const text = body.text.slice(0, 4096);
        emulator.sendText(demoUser.user, text);
        demoUser.typed.push({ seq: emulator.mark(), text, at: Date.now() });
        return json(res, 200, { ok: true });
      }
      if (url.pathname === '/api/press' && typeof body.data === 'string') {
        const message = emulator.sent(chatId).find((m) => m.messageId === Number(body.messageId));
        if (!message || message.deleted) return json(res, 404, { error: 'That message is gone.' });
        if (!inlineButtons(message).some((b) => b.callbackData === body.data)) return json(res, 409, { error: 'That button is no longer there.' });
        emulator.sendCallback(demoUser.user, message, body.data);
        return json(res, 200, { ok: true });
      }
      if (url.pathname === '/api/clock' && typeof body.to === 'string') {
        const target = clockTarget(options.dbPath, chatId, body.to as ClockTarget, bot.now());
        if ('error' in target) return json(res, 409, target);
        void bot.jumpTo(target.at).catch((error: unknown) => process.stderr.write(`[demo] restart failed: ${String(error)}\n`));
        return json(res, 200, { ok: true, clock: target.at.toISOString() });
      }
    }
    json(res, 404, { error: 'not found' });
  }

  function chatView(demoUser: DemoUser) {
    const bubbles: Array<Record<string, unknown> & { seq: number }> = demoUser.typed.map((t) => ({
      id: `u${t.seq}`,
      seq: t.seq,
      from: 'user',
      text: t.text,
      at: bot.clockAt(t.at).getTime(),
    }));
    for (const m of emulator.sent(demoUser.user.id)) {
      if (m.deleted) continue;
      bubbles.push(botBubble(m, demoUser.key));
    }
    return bubbles.sort((a, b) => a.seq - b.seq);
  }

  function botBubble(m: SentMessage, userKey: string) {
    const file = (which: 'photo' | 'document', f: SentFile | undefined) =>
      f ? { url: `/api/file/${m.messageId}/${which}?user=${userKey}&v=${m.edits.length}`, name: f.filename ?? null } : null;
    const rows: Array<Array<{ text: string; data?: string; url?: string }>> = [];
    for (const b of inlineButtons(m)) {
      (rows[b.row] ??= []).push({ text: b.text, ...(b.callbackData !== undefined ? { data: b.callbackData } : {}), ...(b.url ? { url: b.url } : {}) });
    }
    return {
      id: `b${m.messageId}`,
      messageId: m.messageId,
      seq: m.seq,
      from: 'bot',
      text: m.text,
      at: bot.clockAt(m.at).getTime(),
      edited: m.edits.length > 0,
      photo: file('photo', m.photo),
      document: file('document', m.document),
      buttons: rows.filter(Boolean),
    };
  }

  function bytesOf(file: SentFile): Buffer | undefined {
    if (file.bytes) return file.bytes;
    // A photo re-sent by file_id: find the upload it refers to.
    for (const m of emulator.allSent()) {
      for (const f of [m.photo, m.document]) {
        if (f && f.fileId === file.reference && f.bytes) return f.bytes;
      }
    }
    return undefined;
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    url,
    emulator,
    bot,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bot.stop();
      await emulator.stop();
    },
  };
}

function servePage(pathname: string, res: ServerResponse): void {
  const name = pathname === '/' ? 'index.html' : pathname.slice(1);
  if (!/^[a-z0-9-]+\.(html|css|js|svg)$/.test(name)) return json(res, 404, { error: 'not found' });
  try {
    const body = readFileSync(`${PAGE_DIR}${name}`);
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(name)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  } catch {
    json(res, 404, { error: 'not found' });
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let raw = '';
  for await (const chunk of req) {
    raw += String(chunk);
    if (raw.length > 64_000) throw new Error('request too large');
  }
  try {
    return raw ? JSON.parse(raw) : {};
  } catch {
    return {};
  }
}

function typeFor(name: string): string {
  return name.endsWith('.csv') ? 'text/csv; charset=utf-8' : name.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream';
}

/** The user's zone and schedule rows, read from the demo database (the bot keeps running: WAL). */
function profileOf(dbPath: string, userId: number): { timeZone: string | null; due: Map<string, Date> } | undefined {
  let db: Database.Database | undefined;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
    const user = db.prepare('SELECT time_zone FROM users WHERE id = ?').get(userId) as { time_zone: string | null } | undefined;
    if (!user) return undefined;
    const rows = db.prepare('SELECT kind, next_due_at FROM schedules WHERE user_id = ?').all(userId) as Array<{ kind: string; next_due_at: string }>;
    return { timeZone: user.time_zone, due: new Map(rows.map((r) => [r.kind, new Date(r.next_due_at)])) };
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}

/**
 * Where a clock button moves the bot: one second past the user's next morning prompt or
 * wind-down (as the scheduler has it in SQLite), or the next 03:00 in the user's zone.
 */
export function clockTarget(dbPath: string, userId: number, to: ClockTarget, now: Date): { at: Date } | { error: string } {
  const profile = profileOf(dbPath, userId);
  if (!profile?.timeZone) return { error: 'Finish onboarding first (send /start): the bot needs your time zone.' };
  if (to === 'night') {
    let at = DateTime.fromJSDate(now, { zone: profile.timeZone }).set({ hour: 3, minute: 0, second: 0, millisecond: 0 });
    if (at.toMillis() <= now.getTime()) at = at.plus({ days: 1 });
    return { at: at.toJSDate() };
  }
  const kind = to === 'morning' ? 'morning' : 'evening';
  const due = profile.due.get(kind);
  if (!due) return { error: `No ${to === 'morning' ? 'morning prompt' : 'wind-down'} is scheduled (is it turned off in /settings?).` };
  return { at: new Date(Math.max(due.getTime(), now.getTime()) + 1_000) };
}

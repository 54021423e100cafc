/**
 * Benchmark for issue 11, finding 2: how long the bot takes to answer at an open question after
 * 1 junk message and after 100, and how big the stored conversation state is. Timings belong
 * here, not in tests. Run after `npm run build`:  npx tsx scripts/bench-junk.ts
 */
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotApiEmulator, type FakeUser } from '../src/emulator/emulator.js';
import { startBot } from '../test/support/bot-process.js';

const JUNK = 'x'.repeat(4096);

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-junk-'));
  const dbPath = join(dir, 'bot.sqlite');
  const emu = await BotApiEmulator.start({ defaultTimeoutMs: 30_000 });
  const bot = await startBot({ apiRoot: emu.apiRoot, token: emu.token, dbPath, env: { LOG_LEVEL: 'warn' } });
  try {
    await bot.waitUntilPolling(emu);
    const user = emu.createUser();
    emu.sendText(user, '/start');
    emu.pressButton(user, await emu.waitForMessage(user.id, (m) => m.text.includes('not medical care')), "Yes, that's okay");
    emu.pressButton(user, await emu.waitForMessage(user.id, (m) => m.text.includes('Where are you right now?')), "I've stopped");
    await emu.waitForMessage(user.id, (m) => m.text.includes('time zone'));

    /** Median time from a junk message to its re-prompt, over `samples` messages. */
    const replyMs = async (samples: number) => {
      const times: number[] = [];
      for (let i = 0; i < samples; i++) {
        const started = performance.now();
        emu.sendText(user, JUNK);
        await emu.waitForMessage(user.id);
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    };
    const stateBytes = () => {
      const db = new Database(dbPath, { readonly: true });
      try {
        return db.prepare('SELECT length(value) FROM conversation_state WHERE user_id = ?').pluck().get(user.id) as number;
      } finally {
        db.close();
      }
    };
    const afterOne = await replyMs(9);
    await replyMs(91);
    const afterHundred = await replyMs(9);
    const answerStarted = performance.now();
    emu.sendText(user as FakeUser, 'Chicago');
    await emu.waitForMessage(user.id, (m) => m.text.includes('last dose'));
    const answerMs = performance.now() - answerStarted;
    console.log(JSON.stringify({
      median_reply_ms_after_1_to_9_junk: Math.round(afterOne),
      median_reply_ms_after_100_to_109_junk: Math.round(afterHundred),
      ratio: Number((afterHundred / afterOne).toFixed(2)),
      answer_ms_after_109_junk: Math.round(answerMs),
      state_bytes_after_answer: stateBytes(),
    }));
  } finally {
    await bot.stop();
    await emu.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();

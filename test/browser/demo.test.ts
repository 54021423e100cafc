/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startDemo, type Demo } from '../../src/demo/server.js';
import { localDateOf, addDays } from '../../src/domain/dates.js';
import { seedNight } from '../support/seed.js';

/**
 * `npm run demo` in a real browser: Debian's chromium, driven by puppeteer-core, clicking and
 * typing on the chat page while the real bot process answers through the emulator.
 * SCREENSHOT=docs/demo.png also saves the page as the README's screenshot.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let dir: string;
let demo: Demo;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does.`);
  dir = await mkdtemp(join(tmpdir(), 'steady-nights-demo-'));
  demo = await startDemo({ port: 0, dbPath: join(dir, 'demo.sqlite'), botLogLevel: 'warn' });
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 820 });
  await page.goto(demo.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Waits for a bot message containing `text`; returns its bubble's text. */
async function botSays(text: string, timeout = 20_000): Promise<string> {
  const handle = await page.waitForFunction(
    (needle) => [...document.querySelectorAll('.row.bot .text')].map((el) => el.textContent ?? '').find((t) => t.includes(needle)),
    { timeout, polling: 200 },
    text,
  );
  return (await handle.jsonValue()) as string;
}

/** Clicks the newest inline button labelled `label` (as a person would: a real click). */
async function tap(label: string): Promise<void> {
  const button = await page.waitForFunction(
    (wanted) => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>('.keyboard button')].reverse();
      return buttons.find((b) => b.textContent === wanted) ?? buttons.find((b) => b.textContent?.includes(wanted));
    },
    { timeout: 20_000, polling: 200 },
    label,
  );
  await (button.asElement() as import('puppeteer-core').ElementHandle<HTMLButtonElement>).click();
}

async function type(text: string): Promise<void> {
  await page.click('#text');
  await page.type('#text', text);
  await page.keyboard.press('Enter');
}

describe('the demo chat page', () => {
  it('onboards, jumps to the morning prompt, checks in from it, and shows /progress with its chart', async () => {
    await type('/start');
    await botSays('not medical care');
    await tap("Yes, that's okay");
    await botSays('Where are you right now?');
    await tap("I've stopped");
    await botSays('time zone');
    await type('Chicago');
    await botSays('last dose');
    await tap('3 days ago');
    await botSays('What time should I ask');
    await type('7:30');
    await botSays('wind-down');
    await tap('22:30');
    expect(await botSays("You're all set")).toContain('Chicago');
    // The tapped answer stays; its keyboard is gone (edited in place).
    expect(await page.$$eval('.row.bot', (rows) => rows.filter((r) => r.textContent?.includes('time zone') && r.querySelector('.keyboard')).length)).toBe(0);

    // The bot's clock moves to the next 07:30 in Chicago by a click; the prompt arrives by itself.
    await page.click('[data-jump="morning"]');
    await botSays('☀️ Good morning', 45_000);
    await page.waitForFunction(() => document.querySelector('#clock')?.textContent?.includes('07:30'), { timeout: 10_000 });

    await tap('Start check-in');
    await botSays('how many hours');
    await tap('6');
    await botSays('rate your sleep');
    await tap('Poor');
    await botSays('How restless');
    await tap('Moderate');
    await botSays('How anxious');
    await tap('5');
    await botSays('Any of these today?');
    await tap('Done');
    await botSays('🌱 Saved.');

    // Four earlier nights, so /progress has a chart to draw.
    const today = localDateOf(demo.bot.now(), 'America/Chicago');
    for (let i = 1; i <= 4; i++) seedNight(join(dir, 'demo.sqlite'), 1001, { date: addDays(today, -i), hours: 3 + i });
    await type('/progress');
    const chart = await page.waitForSelector('.row.bot .bubble img', { timeout: 30_000 });
    await page.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 300, { timeout: 10_000 }, chart);
    // The chart opens as a real PNG.
    const src = await chart!.evaluate((img) => (img as HTMLImageElement).src);
    const res = await fetch(src);
    expect(res.headers.get('content-type')).toBe('image/png');

    // /export arrives as a document that opens as the CSV.
    await type('/export');
    const doc = await page.waitForSelector('.row.bot a.doc', { timeout: 20_000 });
    const csv = await fetch(await doc!.evaluate((a) => (a as HTMLAnchorElement).href));
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toMatch(/^\uFEFF?date,/);

    if (process.env.SCREENSHOT) {
      mkdirSync(join(process.env.SCREENSHOT, '..'), { recursive: true });
      // The chart and its summary fill the view; the export below them is scrolled out.
      await page.evaluate(() => document.querySelector('.row.bot .bubble img')!.closest('.row')!.scrollIntoView({ block: 'end' }));
      await page.screenshot({ path: process.env.SCREENSHOT });
    }
  }, 240_000);

  it('switches to the Spanish user, who is answered in Spanish, and back to the English chat', async () => {
    await page.select('#user', 'es');
    await page.waitForFunction(() => !document.querySelector('.row.bot'), { timeout: 5_000 });
    await type('/start');
    expect(await botSays('Hola, soy Steady Nights')).not.toContain('not medical care');
    await tap('Sí, está bien');
    await botSays('?');
    expect(await page.$$eval('.row.bot .text', (els) => els.map((e) => e.textContent).join('\n'))).not.toMatch(/\b(the|you|your)\b/);
    await page.select('#user', 'en');
    await botSays('🌱 Saved.');
  }, 120_000);
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR } from '../../src/bot/i18n.js';
import { NUMBER_SOURCES } from '../../src/content/facts.js';

/**
 * Every number in every message of both locales has a source (issue 13): an article sentence,
 * a line of PRODUCT.md, a setting of the code, or — only where listed — a typing example.
 * Placeables (`{ $day }`, `{ NUMBER($avg) }`) and plural selectors (`[one]`, `[0]`) are not
 * text and are left out; "0,5" is read as 0.5.
 */
interface Found {
  locale: string;
  key: string;
  number: string;
}

function numbersInLocales(): Found[] {
  const found: Found[] = [];
  for (const locale of readdirSync(LOCALES_DIR)) {
    for (const file of readdirSync(join(LOCALES_DIR, locale))) {
      let key = '';
      for (const raw of readFileSync(join(LOCALES_DIR, locale, file), 'utf8').split('\n')) {
        if (raw.startsWith('#')) continue;
        const head = /^([a-z][a-z0-9-]*) =/.exec(raw);
        if (head) key = head[1]!;
        const text = (head ? raw.slice(head[0].length) : raw)
          .replace(/^\s*\*?\[[^\]]*\]/, '') // a plural/select variant's name
          .replace(/\{[^{}]*\{[^{}]*\}[^{}]*\}|\{[^{}]*\}/g, ''); // placeables, one level of nesting
        for (const n of text.match(/\d+(?:[.,]\d+)?/g) ?? []) found.push({ locale, key, number: n.replace(',', '.') });
      }
    }
  }
  return found;
}

function allowed({ key, number }: Found): boolean {
  return NUMBER_SOURCES.some((s) => s.numbers.includes(number) && (!('keys' in s) || s.keys === undefined || s.keys.includes(key)));
}

/** The shared folder with PRODUCT.md and seeds/: `../shared` from the project, or higher up. */
function sharedDir(): string | null {
  for (let dir = resolve('.'); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'shared');
    if (existsSync(join(candidate, 'PRODUCT.md')) && existsSync(join(candidate, 'seeds'))) return candidate;
  }
  return null;
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('numbers in the locales', () => {
  const found = numbersInLocales();

  it('finds the numbers (the scanner works)', () => {
    const keys = new Set(found.map((f) => `${f.locale}:${f.key}:${f.number}`));
    expect(keys.has('en:tip-cool-dark-room:18')).toBe(true);
    expect(keys.has('es:tip-melatonin-low-dose:0.5')).toBe(true);
    // Placeables are not numbers: "Night { $day }" holds none.
    expect(found.some((f) => f.key === 'checkin-summary-night')).toBe(false);
  });

  it('refuses a number without a source (the check can fail)', () => {
    expect(allowed({ locale: 'en', key: 'progress-phase-usual', number: '4' })).toBe(false);
    expect(allowed({ locale: 'en', key: 'tip-cool-dark-room', number: '18' })).toBe(true);
    expect(allowed({ locale: 'en', key: 'tip-cool-dark-room', number: '20' })).toBe(false);
  });

  it('every number in both locales has a source in src/content/facts.ts', () => {
    const unsourced = found.filter((f) => !allowed(f)).map((f) => `${f.locale}/${f.key}: ${f.number}`);
    expect([...new Set(unsourced)]).toEqual([]);
  });

  it('no invented hours per phase: no "N–M h" range anywhere', () => {
    for (const locale of readdirSync(LOCALES_DIR)) {
      for (const file of readdirSync(join(LOCALES_DIR, locale))) {
        expect(readFileSync(join(LOCALES_DIR, locale, file), 'utf8'), `${locale}/${file}`).not.toMatch(/\d\s*[–-]\s*\d+(?:[.,]\d+)?\s*h\b/);
      }
    }
  });
});

describe('the sources themselves', () => {
  const shared = sharedDir();

  it('each entry vouches only for numbers its own quote holds', () => {
    for (const s of NUMBER_SOURCES) {
      if (s.from === 'article' || s.from === 'product') {
        const inQuote = new Set((s.quote.match(/\d+(?:\.\d+)?/g) ?? []).map(String));
        for (const n of s.numbers) expect(inQuote.has(n), `${n} in "${s.quote}"`).toBe(true);
      }
      if (s.from === 'setting') for (const n of s.numbers) expect(String(s.value), s.name).toBe(n);
      if (s.from === 'example') expect(s.keys.length).toBeGreaterThan(0);
    }
  });

  it.skipIf(shared === null)('each quote is word for word in the articles or PRODUCT.md', () => {
    const seeds = readdirSync(join(shared!, 'seeds'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => squash(readFileSync(join(shared!, 'seeds', f), 'utf8')))
      .join('\n');
    const product = squash(readFileSync(join(shared!, 'PRODUCT.md'), 'utf8'));
    for (const s of NUMBER_SOURCES) {
      if (s.from === 'article') expect(seeds.includes(squash(s.quote)), s.quote).toBe(true);
      if (s.from === 'product') expect(product.includes(squash(s.quote)), s.quote).toBe(true);
    }
  });
});

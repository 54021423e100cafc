import { readFileSync } from 'node:fs';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { TIPS } from '../../src/content/tips.js';
import { THRESHOLD_IDS } from '../../src/domain/thresholds.js';
import { PHASE_IDS } from '../../src/domain/types.js';

const LANGS = ['en', 'es'] as const;
type Lang = (typeof LANGS)[number];
const FILES = ['tips', 'phases', 'support'] as const;
type File = (typeof FILES)[number];

const read = (lang: Lang, file: File): string =>
  readFileSync(new URL(`../../locales/${lang}/${file}.ftl`, import.meta.url), 'utf8');

/**
 * @fluent/bundle's parser never throws: an entry it cannot parse is silently dropped. So
 * "no parse errors" is checked three ways: every line is a comment, blank, a message start
 * or an indented continuation; every `id =` line in the text ends up as a parsed message;
 * and adding the resource to a bundle reports nothing (e.g. no duplicate ids).
 */
function load(lang: Lang, file: File): { bundle: FluentBundle; ids: string[]; source: string } {
  const source = read(lang, file);
  const resource = new FluentResource(source);
  const bundle = new FluentBundle(lang, { useIsolating: false });
  const errors = bundle.addResource(resource);
  expect(errors, `${lang}/${file}.ftl`).toEqual([]);
  const ids = resource.body.map((entry) => entry.id);
  return { bundle, ids, source };
}

function format(bundle: FluentBundle, id: string, args: Record<string, string> = {}): string {
  const message = bundle.getMessage(id);
  if (!message?.value) throw new Error(`missing value for ${id}`);
  const errors: Error[] = [];
  const text = bundle.formatPattern(message.value, args, errors);
  expect(errors, id).toEqual([]);
  return text;
}

const expectedKeys: Record<File, string[]> = {
  tips: TIPS.map((t) => `tip-${t.id}`),
  phases: PHASE_IDS.flatMap((p) => [`phase-${p}-name`, `phase-${p}-expect`]),
  support: [
    ...THRESHOLD_IDS.map((id) => `sign-${id}`),
    'warning-support-title',
    'warning-urgent-title',
    'warning-support-do',
    'warning-urgent-do',
    'warning-signal-not-failure',
    'warning-prescriber',
    'warning-findtreatment',
    'warning-samhsa',
    'warning-help-pointer',
  ],
};

describe.each(FILES)('locales/*/%s.ftl', (file) => {
  it.each(LANGS)('%s parses cleanly', (lang) => {
    const { ids, source } = load(lang, file);
    const lines = source.split('\n');
    lines.forEach((line, i) => {
      expect(line, `${lang}/${file}.ftl:${i + 1}`).toMatch(/^(?:$|#.*|[a-z][a-z0-9-]* = ?.*|[a-z][a-z0-9-]* =$| {4}\S.*)$/);
    });
    const declared = lines.flatMap((line) => /^([a-z][a-z0-9-]*) =/.exec(line)?.[1] ?? []);
    expect(ids).toEqual(declared);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has identical keys in en and es', () => {
    expect(load('es', file).ids.sort()).toEqual(load('en', file).ids.sort());
  });

  it.each(LANGS)('%s has exactly the keys the code needs', (lang) => {
    expect(load(lang, file).ids.sort()).toEqual([...expectedKeys[file]].sort());
  });

  it.each(LANGS)('%s formats every message without errors', (lang) => {
    const { bundle, ids } = load(lang, file);
    for (const id of ids) {
      const text = format(bundle, id, { signs: '• SIGN-A\n• SIGN-B', url: 'URL', phone: 'PHONE' });
      expect(text.trim().length, id).toBeGreaterThan(0);
      expect(text, id).not.toMatch(/[{}]/);
    }
  });
});

describe('tips.ftl', () => {
  it.each(LANGS)('%s: every tip id has a short text (one or two sentences, phone-sized)', (lang) => {
    const { bundle } = load(lang, 'tips');
    for (const t of TIPS) {
      const text = format(bundle, `tip-${t.id}`);
      expect(text, t.id).not.toContain('\n');
      expect(text.length, t.id).toBeLessThanOrEqual(200);
      expect(text.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '').length, t.id).toBeLessThanOrEqual(2);
    }
  });

  it('keeps the facts exact in both languages', () => {
    const en = load('en', 'tips').bundle;
    const es = load('es', 'tips').bundle;
    const facts: Array<readonly [id: string, en: string[], es: string[]]> = [
      ['antihistamine-bridge', ['diphenhydramine', 'doxylamine', '3–5 nights', 'week', 'pharmacist'], ['difenhidramina', 'doxilamina', '3–5 noches', 'semana', 'farmacia']],
      ['melatonin-low-dose', ['0.5–1 mg', '1 hour', 'not a sedative', 'pharmacist'], ['0,5–1 mg', '1 hora', 'no es un sedante', 'farmacia']],
      ['cool-dark-room', ['18–19 °C', '65–67 °F', 'Blackout'], ['18–19 °C', '65–67 °F', 'opacas']],
      ['no-screens', ['60 minutes'], ['60 minutos']],
      ['exercise-timing', ['Morning or early afternoon', '3 hours'], ['mañana', 'primera hora de la tarde', '3 horas']],
      ['work-flexibility', ['days 3–7'], ['días 3–7']],
      ['recovery-takes-months', ['3–6 months'], ['3 a 6 meses']],
      ['prescriber', ['2 weeks', 'benzodiazepines'], ['2 semanas', 'benzodiacepinas']],
      ['expect-hard-nights', ['days 2–5'], ['días 2–5']],
      ['avoid-alcohol-cannabis', ['Alcohol', 'cannabis'], ['alcohol', 'cannabis']],
      ['vivid-dreams', ['REM'], ['REM']],
    ];
    for (const [id, enFacts, esFacts] of facts) {
      const enText = format(en, `tip-${id}`);
      const esText = format(es, `tip-${id}`);
      for (const fact of enFacts) expect(enText, `en ${id}`).toContain(fact);
      for (const fact of esFacts) expect(esText, `es ${id}`).toContain(fact);
    }
  });
});

describe('phases.ftl', () => {
  it.each(LANGS)('%s: a short name and 2–3 short lines of what to expect per phase', (lang) => {
    const { bundle } = load(lang, 'phases');
    for (const phase of PHASE_IDS) {
      const name = format(bundle, `phase-${phase}-name`);
      expect(name, phase).not.toContain('\n');
      expect(name.length, phase).toBeLessThanOrEqual(20);
      const lines = format(bundle, `phase-${phase}-expect`).split('\n');
      expect(lines.length, phase).toBeGreaterThanOrEqual(2);
      expect(lines.length, phase).toBeLessThanOrEqual(3);
      for (const line of lines) expect(line.length, `${phase}: ${line}`).toBeLessThanOrEqual(110);
    }
  });

  it('uses the short names Peak / Pico', () => {
    expect(format(load('en', 'phases').bundle, 'phase-peak-name')).toBe('Peak');
    expect(format(load('es', 'phases').bundle, 'phase-peak-name')).toBe('Pico');
  });

  it('keeps the long-term recovery range exact', () => {
    expect(format(load('en', 'phases').bundle, 'phase-long-term-expect')).toContain('3–6 months');
    expect(format(load('es', 'phases').bundle, 'phase-long-term-expect')).toContain('3 a 6 meses');
  });
});

describe('support.ftl', () => {
  it.each(LANGS)('%s: both warning titles insert the list of signs', (lang) => {
    const { bundle } = load(lang, 'support');
    for (const id of ['warning-support-title', 'warning-urgent-title']) {
      const text = format(bundle, id, { signs: '• SIGN-A\n• SIGN-B', url: 'URL', phone: 'PHONE' });
      expect(text, id).toContain('• SIGN-A\n• SIGN-B');
    }
  });

  it('keeps the resource facts exact in both languages', () => {
    for (const lang of LANGS) {
      const { bundle } = load(lang, 'support');
      // The number and the address come from src/content/resources.ts, never from a locale.
      expect(format(bundle, 'warning-samhsa', { phone: 'PHONE' })).toContain('PHONE');
      expect(format(bundle, 'warning-samhsa', { phone: 'PHONE' })).toMatch(/24\/7/);
      expect(format(bundle, 'warning-findtreatment', { url: 'URL' })).toContain('URL');
      expect(format(bundle, 'warning-help-pointer')).toContain('/help');
    }
    const en = load('en', 'support').bundle;
    expect(format(en, 'warning-prescriber')).toMatch(/trazodone.*hydroxyzine/);
    expect(format(en, 'warning-prescriber')).toContain('prescription');
    expect(format(en, 'warning-prescriber')).toContain('benzodiazepines');
    expect(format(en, 'warning-findtreatment', { url: 'URL' })).toContain('telehealth');
    expect(format(en, 'warning-samhsa', { phone: 'PHONE' })).toMatch(/free/i);
    expect(format(en, 'warning-samhsa', { phone: 'PHONE' })).toMatch(/confidential/i);
    expect(format(en, 'warning-urgent-title', { signs: '-' })).toMatch(/reach out.*today/i);
    const es = load('es', 'support').bundle;
    expect(format(es, 'warning-prescriber')).toMatch(/trazodona.*hidroxicina/);
    expect(format(es, 'warning-prescriber')).toContain('receta');
    expect(format(es, 'warning-prescriber')).toContain('benzodiacepinas');
    expect(format(es, 'warning-findtreatment', { url: 'URL' })).toContain('telemedicina');
    expect(format(es, 'warning-samhsa', { phone: 'PHONE' })).toMatch(/gratuita/i);
    expect(format(es, 'warning-samhsa', { phone: 'PHONE' })).toMatch(/confidencial/i);
    expect(format(es, 'warning-urgent-title', { signs: '-' })).toMatch(/hoy/);
  });
});

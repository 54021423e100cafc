import { describe, expect, it } from 'vitest';
import { assessText, type CrisisLevel } from '../../src/domain/crisis/index.js';
import {
  ALL_KINDS,
  CRISIS_KINDS,
  expectedLevel,
  isHit,
  loadCorpus,
  type CorpusMessage,
} from '../crisis-corpus/corpus.js';

/**
 * Runs the whole labelled corpus (test/crisis-corpus/*.txt) through assessText and holds the
 * engine to recall ≥ 0.95 per kind and precision ≥ 0.90 per level and per crisis family.
 * What counts as a hit is defined in corpus.ts. The figures are printed for the README.
 */
const RECALL_FLOOR = 0.95;
const PRECISION_FLOOR = 0.9;

interface Scored extends CorpusMessage {
  level: CrisisLevel;
  family: string | null;
  hit: boolean;
}

const corpus = loadCorpus();
const scored: Scored[] = corpus.map((m) => {
  const { level, family } = assessText(m.text);
  return { ...m, level, family, hit: isHit(m.kind, level) };
});

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

/** Predicted `level`, and was it right? Crisis is strict: only crisis kinds count as right. */
function precisionOf(level: CrisisLevel, rows: readonly Scored[]): { n: number; value: number } {
  const predicted = rows.filter((r) => r.level === level);
  const right = predicted.filter((r) => {
    const truth = expectedLevel(r.kind);
    if (level === 'concern') return truth === 'concern' || truth === 'crisis';
    return truth === level;
  });
  return { n: predicted.length, value: ratio(right.length, predicted.length) };
}

function table(): string {
  const lines = ['kind              n   recall   (en / es)'];
  for (const kind of ALL_KINDS) {
    const rows = scored.filter((r) => r.kind === kind);
    const per = (lang: string) => {
      const l = rows.filter((r) => r.language === lang);
      return `${l.filter((r) => r.hit).length}/${l.length}`;
    };
    lines.push(
      `${kind.padEnd(16)} ${String(rows.length).padStart(3)}   ${ratio(rows.filter((r) => r.hit).length, rows.length).toFixed(3)}   (${per('en')} / ${per('es')})`,
    );
  }
  lines.push('', 'level      recall   precision (n predicted)');
  for (const level of ['crisis', 'concern', 'other', 'none'] as const) {
    const truth = scored.filter((r) => expectedLevel(r.kind) === level);
    const precision = precisionOf(level, scored);
    lines.push(
      `${level.padEnd(9)}  ${ratio(truth.filter((r) => r.hit).length, truth.length).toFixed(3)}    ${precision.value.toFixed(3)} (${precision.n})`,
    );
  }
  for (const lang of ['en', 'es'] as const) {
    const rows = scored.filter((r) => r.language === lang);
    const crisis = rows.filter((r) => expectedLevel(r.kind) === 'crisis');
    lines.push(
      `${lang}: ${rows.length} messages; crisis recall ${ratio(crisis.filter((r) => r.hit).length, crisis.length).toFixed(3)}, crisis precision ${precisionOf('crisis', rows).value.toFixed(3)}`,
    );
  }
  return lines.join('\n');
}

describe('crisis corpus', () => {
  it('is big enough, in both languages, with every kind represented', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(600);
    const english = corpus.filter((m) => m.language === 'en').length / corpus.length;
    expect(english).toBeGreaterThan(0.5);
    expect(english).toBeLessThan(0.6);
    for (const kind of ALL_KINDS) {
      for (const lang of ['en', 'es'] as const) {
        expect(corpus.filter((m) => m.kind === kind && m.language === lang).length, `${kind}/${lang}`).toBeGreaterThanOrEqual(5);
      }
    }
    const texts = corpus.map((m) => m.text.toLowerCase());
    expect(new Set(texts).size, 'duplicate messages').toBe(texts.length);
  });

  it('prints the figures', () => {
    console.log(`\n${table()}\n`);
    expect(scored.length).toBe(corpus.length);
  });

  it.each(ALL_KINDS)(`recall of %s is at least ${RECALL_FLOOR}`, (kind) => {
    const rows = scored.filter((r) => r.kind === kind);
    const misses = rows.filter((r) => !r.hit).map((r) => `${r.language}:${r.line} → ${r.level}: ${r.text}`);
    expect(ratio(rows.length - misses.length, rows.length), misses.join('\n')).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });

  it.each(['crisis', 'concern', 'other', 'none'] as const)(`precision of level %s is at least ${PRECISION_FLOOR}`, (level) => {
    const wrong = scored
      .filter((r) => r.level === level && !isHit(r.kind, level) && !(level === 'concern' && expectedLevel(r.kind) === 'crisis'))
      .map((r) => `${r.language}:${r.line} ${r.kind}: ${r.text}`);
    expect(precisionOf(level, scored).value, wrong.join('\n')).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  });

  it.each([...CRISIS_KINDS])(`when the engine names family %s at level crisis, it is a crisis at least ${PRECISION_FLOOR} of the time`, (family) => {
    const predicted = scored.filter((r) => r.level === 'crisis' && r.family === family);
    const right = predicted.filter((r) => expectedLevel(r.kind) === 'crisis');
    expect(ratio(right.length, predicted.length)).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  });
});

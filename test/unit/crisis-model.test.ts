import { describe, expect, it } from 'vitest';
import { readRules } from '../../src/domain/crisis/assess.js';
import { featuresOf } from '../../src/domain/crisis/classifier.js';
import { decide, readWith, THRESHOLDS, type ModelReading } from '../../src/domain/crisis/decide.js';
import { assessText } from '../../src/domain/crisis/index.js';
import { modelData } from '../../src/domain/crisis/model-file.js';
import { corpusDigest, readCorpus, readLabelledFiles } from '../../scripts/crisis/data.js';
import { TRAINING, train } from '../../scripts/crisis/train-lib.js';
import { CRISIS_KINDS, isHit } from '../crisis-corpus/corpus.js';

/**
 * The classifier half of crisis detection (README "Crisis detection"): the shipped model is
 * the one the corpus trains, features fold spelling the way the rules do, the decision table
 * does what the README says, and two figures on text the model never saw stay where they were
 * measured. All deterministic: seeded training, no clock.
 */

describe('shipped model', () => {
  it('was trained on the corpus as it is now (run `npm run crisis:train` after editing it)', () => {
    expect(modelData().corpusSha256).toBe(corpusDigest());
  });
});

describe('features', () => {
  const share = (a: string, b: string) => {
    const fa = new Set(featuresOf(a).filter((f) => f.startsWith('c:')));
    const fb = featuresOf(b).filter((f) => f.startsWith('c:'));
    return fb.filter((f) => fa.has(f)).length / new Set([...fa, ...fb]).size;
  };

  it.each([
    ['SUICIDAAAL', 'suicidal'],
    ['quiéro morír', 'quiero morir'],
    ['kiero bibir', 'quiero vivir'],
  ])('"%s" and "%s" have the same word features', (a, b) => {
    expect(featuresOf(a).filter((f) => f.startsWith('w:')).sort()).toEqual(featuresOf(b).filter((f) => f.startsWith('w:')).sort());
  });

  it.each([
    ['suicdal', 'suicidal', 0.25],
    ['matarme', 'matarce', 0.3],
    ['pastilas', 'pastillas', 0.5],
  ])('a typo "%s" keeps most character n-grams of "%s"', (typo, word, floor) => {
    expect(share(typo, word)).toBeGreaterThan(floor);
  });

  it('marks the words a negation reaches, inside its clause only', () => {
    const features = featuresOf('no tengo pensamientos suicidas. quiero dormir');
    expect(features).toContain('n:pensamientos');
    expect(features).toContain('n:suisidas');
    expect(features).not.toContain('n:kiero');
  });

  it('reads emoji as words, and keeps character n-grams to real spelling ("tranquila" is not "kil")', () => {
    expect(featuresOf('💊💊💊🥃')).toEqual(expect.arrayContaining(['w:💊', 'w:🥃', 'b:💊 💊']));
    expect(featuresOf('quiero vivir tranquila')).not.toContain('c:kil');
  });
});

describe('decide: how the rules and the classifier combine', () => {
  const rules = (level: 'crisis' | 'concern' | 'other' | 'none', family: string | null = null, quieted = false) =>
    ({ level, family, quieted }) as ReturnType<typeof readRules>;
  const model = (p: Partial<ModelReading>): ModelReading => ({
    crisis: 0, concern: 0, other: 0, none: 1, family: 'passive-wish', words: 12, sentenceCrisis: p.crisis ?? 0, ...p,
  });
  it.each([
    { name: 'a rule crisis the classifier also sees', r: rules('crisis', 'intent'), m: model({ crisis: 0.6, none: 0.4 }), level: 'crisis' },
    { name: 'a rule crisis the classifier barely sees', r: rules('crisis', 'intent'), m: model({ crisis: 0.01, none: 0.99 }), level: 'crisis' },
    { name: 'an intent rule in a message the classifier is sure is harmless', r: rules('crisis', 'intent'), m: model({ crisis: 0.0001, none: 0.9999 }), level: 'none' },
    { name: '…unless one sentence of it reads as a crisis', r: rules('crisis', 'intent'), m: model({ crisis: 0.0001, none: 0.9999, sentenceCrisis: 0.8 }), level: 'crisis' },
    { name: '…and never for self-harm, passive wishes, burden or hopelessness', r: rules('crisis', 'self-harm'), m: model({ crisis: 0.0001 }), level: 'crisis' },
    { name: '…nor when the classifier reads someone else at risk', r: rules('crisis', 'plan-means'), m: model({ crisis: 0.0001, other: 0.9, none: 0.0999 }), level: 'crisis' },
    { name: 'the classifier alone, sure enough', r: rules('none'), m: model({ crisis: 0.8, none: 0.2 }), level: 'crisis' },
    { name: 'the classifier alone, not sure enough', r: rules('none'), m: model({ crisis: 0.6, none: 0.4 }), level: 'none' },
    { name: 'the classifier alone on a short message needs more', r: rules('none'), m: model({ crisis: 0.8, none: 0.2, words: 4 }), level: 'none' },
    { name: 'the classifier alone on one or two words: only the rules decide', r: rules('none'), m: model({ crisis: 0.99, none: 0.01, words: 2 }), level: 'none' },
    { name: 'a phrase the rules explained away holds the classifier back', r: rules('none', null, true), m: model({ crisis: 0.99, none: 0.01 }), level: 'none' },
    { name: 'a general question the rules read as news, sure classifier', r: rules('none', null, true), m: model({ concern: 0.95, none: 0.05 }), level: 'concern' },
    { name: 'distress read by the rules', r: rules('concern', 'distress'), m: model({}), level: 'concern' },
    { name: 'distress read by the classifier', r: rules('none'), m: model({ concern: 0.7, none: 0.3 }), level: 'concern' },
    { name: 'someone else at risk, by the rules', r: rules('other', 'other-at-risk'), m: model({}), level: 'other' },
    { name: 'someone else at risk, by the classifier', r: rules('none'), m: model({ other: 0.7, none: 0.3 }), level: 'other' },
    { name: 'nothing at all', r: rules('none'), m: model({}), level: 'none' },
  ] as const)('$name → $level', ({ r, m, level }) => {
    expect(decide(r, m, THRESHOLDS).level).toBe(level);
  });
});

describe('on text the model never saw', () => {
  it('everyday messages to the bot (held out) are almost never read as a crisis', () => {
    const held = readLabelledFiles(['en', 'es'].map((l) => new URL(`../crisis-corpus/held-out/everyday-${l}.txt`, import.meta.url).pathname));
    expect(held.length).toBeGreaterThan(200);
    const alarms = held.filter((m) => assessText(m.text).level === 'crisis').map((m) => m.text);
    // Measured 2 of 216 when this test was written; more than 3 % means the model got worse.
    expect(alarms.length / held.length, alarms.join('\n')).toBeLessThanOrEqual(0.03);
  });

  it('leave-one-batch-out on three fresh batches: crisis recall and precision stay where they were measured', () => {
    const corpus = readCorpus();
    const crisisKinds = new Set<string>(CRISIS_KINDS);
    let tp = 0;
    let pos = 0;
    let fp = 0;
    for (const batch of [31, 38, 47]) {
      const model = train(corpus.filter((m) => m.batch !== batch), { ...TRAINING, seeds: 1 });
      for (const m of corpus.filter((x) => x.batch === batch)) {
        const level = decide(readRules(m.text), readWith(model, m.text)).level;
        if (crisisKinds.has(m.kind)) {
          pos++;
          if (level === 'crisis') tp++;
        } else if (level === 'crisis' && !isHit(m.kind, level)) fp++;
      }
    }
    expect(pos).toBeGreaterThan(250);
    expect(tp / pos).toBeGreaterThanOrEqual(0.88);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});

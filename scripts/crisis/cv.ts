/**
 * Leave-one-batch-out: for each batch in the range, train on every other batch, then run the
 * shipped decision (rules + classifier, decide.ts) on the one left out. Batches from 30 on
 * were written after the rules last changed, so there the figure is honest for both readers.
 * `tsx scripts/crisis/cv.ts [--batches=30-39] [--epochs=5 --neg=1.5 --l2=1e-5 --min=2]
 *   [--crisis=0.5 --confirm=0.02 --override=0.9]`
 */
import { readRules } from '../../src/domain/crisis/assess.js';
import { decide, readWith, THRESHOLDS, type Thresholds } from '../../src/domain/crisis/decide.js';
import type { CrisisLevel } from '../../src/domain/crisis/index.js';
import { CRISIS_KINDS, isHit } from '../../test/crisis-corpus/corpus.js';
import { readCorpus, readLabelledFiles } from './data.js';
import { TRAINING, train, type TrainOptions } from './train-lib.js';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const num = (name: string, fallback: number) => (args[name] === undefined ? fallback : Number(args[name]));
const [from, to] = (args.batches ?? '30-39').split('-').map(Number) as [number, number];
const neg = num('neg', TRAINING.kindWeight?.['none-ordinary'] ?? 1);
const options: TrainOptions = {
  ...TRAINING,
  epochs: num('epochs', TRAINING.epochs),
  l2: num('l2', TRAINING.l2),
  minCount: num('min', TRAINING.minCount),
  seeds: num('seeds', TRAINING.seeds ?? 1),
  kindWeight: Object.fromEntries(['none-idiom', 'none-negation', 'none-news', 'none-past', 'none-ordinary', 'none-other-past'].map((k) => [k, neg])),
};
const thresholds: Thresholds = {
  ...THRESHOLDS,
  crisis: num('crisis', THRESHOLDS.crisis),
  ruleConfirm: num('confirm', THRESHOLDS.ruleConfirm),
  minWords: num('minwords', THRESHOLDS.minWords),
  shortWords: num('shortwords', THRESHOLDS.shortWords),
  shortCrisis: num('shortcrisis', THRESHOLDS.shortCrisis),
  concern: num('concern', THRESHOLDS.concern),
  overrideQuieted: num('override', THRESHOLDS.overrideQuieted),
};
const crisisKinds = new Set<string>(CRISIS_KINDS);
const corpus = readCorpus();
const rows: Array<{ kind: string; rules: CrisisLevel; level: CrisisLevel; family: string | null }> = [];
for (let b = from; b <= to; b++) {
  const test = corpus.filter((m) => m.batch === b);
  if (test.length === 0) continue;
  const model = train(corpus.filter((m) => m.batch !== b), options);
  for (const m of test) {
    const rules = readRules(m.text);
    rows.push({ kind: m.kind, rules: rules.level, level: decide(rules, readWith(model, m.text), thresholds).level, family: rules.family });
  }
}
const pos = rows.filter((r) => crisisKinds.has(r.kind));
const none = rows.filter((r) => r.kind.startsWith('none'));
const show = (name: string, pick: (r: (typeof rows)[number]) => CrisisLevel) => {
  const tp = pos.filter((r) => pick(r) === 'crisis').length;
  const fp = none.filter((r) => pick(r) === 'crisis').length;
  const recall = tp / pos.length;
  const fa = fp / none.length;
  const mixed = (219 * recall) / (219 * recall + 240 * fa);
  const asked = none.filter((r) => pick(r) === 'concern').length / none.length;
  const right = rows.filter((r) => isHit(r.kind, pick(r))).length / rows.length;
  console.log(
    `${name.padEnd(8)} crisis recall ${recall.toFixed(3)}  crisis on none-* ${fa.toFixed(3)}  precision ${(tp / (tp + fp)).toFixed(3)} (at 219:240 ${mixed.toFixed(3)})  concern on none-* ${asked.toFixed(3)}  every kind right ${right.toFixed(3)}`,
  );
};
console.log(`batches ${from}-${to} (${rows.length} messages), epochs ${options.epochs}, neg ${neg}, l2 ${options.l2}, min ${options.minCount}, thresholds ${JSON.stringify(thresholds)}`);
show('rules', (r) => r.rules);
show('shipped', (r) => r.level);
if (process.argv.includes('--downgrades')) {
  const tally = new Map<string, [number, number]>();
  for (const r of rows) {
    if (r.rules !== 'crisis' || r.level === 'crisis') continue;
    const v = tally.get(r.family ?? '?') ?? [0, 0];
    v[r.kind.startsWith('none') ? 1 : 0]++;
    tally.set(r.family ?? '?', v);
  }
  for (const [family, [real, none]] of tally) console.log(`downgraded ${family}: ${real} not none, ${none} none`);
  const kinds = new Map<string, number>();
  for (const r of rows) if (r.rules === 'crisis' && r.level !== 'crisis' && !r.kind.startsWith('none')) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
  console.log([...kinds].map(([k, n]) => `${k} ${n}`).join(', '));
}

// --heldout=a-en.txt,a-es.txt: files outside the corpus, scored by a model trained on all of it.
if (args.heldout) {
  const model = train(corpus, options);
  const held = readLabelledFiles(args.heldout.split(','));
  const levels = held.map((m) => ({ kind: m.kind, level: decide(readRules(m.text), readWith(model, m.text), thresholds).level }));
  const wrong = levels.filter((r) => !isHit(r.kind, r.level));
  console.log(`held out: ${held.length} messages, ${wrong.length} wrong (${wrong.filter((r) => r.level === 'crisis').length} read as a crisis)`);
}

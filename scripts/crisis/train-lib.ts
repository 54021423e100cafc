/**
 * Training for the crisis classifier (src/domain/crisis/classifier.ts): softmax regression
 * over the corpus kinds, AdaGrad with L2, seeded shuffling so the same corpus always gives
 * the same model. Offline only: the bot loads the trained weights, never this file.
 */
import { featuresOf, softmaxInPlace, type LinearModel } from '../../src/domain/crisis/classifier.js';

export interface Example {
  kind: string;
  text: string;
}

export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  /** Features seen in fewer messages than this are dropped. */
  minCount: number;
  seed: number;
  /** Runs averaged (each with its own shuffling seed). */
  seeds?: number;
  /** Extra weight on each example of these kinds (e.g. hard negatives). */
  kindWeight?: Record<string, number>;
}

export const DEFAULT_OPTIONS: TrainOptions = { epochs: 30, rate: 0.3, l2: 1e-5, minCount: 2, seed: 7 };

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function train(examples: readonly Example[], options: TrainOptions = DEFAULT_OPTIONS): LinearModel {
  const seeds = options.seeds ?? 1;
  if (seeds <= 1) return trainOnce(examples, options);
  // Averaging the weights of runs that saw the examples in different orders: one linear
  // model, with less of any single run's luck on rare n-grams.
  const runs = Array.from({ length: seeds }, (_, i) => trainOnce(examples, { ...options, seed: options.seed + i * 101 }));
  const first = runs[0] as LinearModel;
  const weights = new Float32Array(first.weights.length);
  const bias = new Float32Array(first.bias.length);
  for (const run of runs) {
    for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] as number) + (run.weights[i] as number) / seeds;
    for (let c = 0; c < bias.length; c++) bias[c] = (bias[c] as number) + (run.bias[c] as number) / seeds;
  }
  return { classes: first.classes, index: first.index, weights, bias };
}

function trainOnce(examples: readonly Example[], options: TrainOptions): LinearModel {
  const classes = [...new Set(examples.map((e) => e.kind))].sort();
  const classOf = new Map(classes.map((c, i) => [c, i]));
  const featureLists = examples.map((e) => featuresOf(e.text));
  const counts = new Map<string, number>();
  for (const list of featureLists) for (const f of list) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocab = [...counts.entries()].filter(([, n]) => n >= options.minCount).map(([f]) => f).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const k = classes.length;
  const weights = new Float32Array(vocab.length * k);
  const bias = new Float32Array(k);
  const gradSq = new Float32Array(vocab.length * k).fill(1e-8);
  const biasSq = new Float32Array(k).fill(1e-8);
  const rows = featureLists.map((list) => list.map((f) => index.get(f)).filter((r): r is number => r !== undefined));
  const random = mulberry32(options.seed);
  const order = examples.map((_, i) => i);
  const scores = new Float64Array(k);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const n of order) {
      const example = examples[n] as Example;
      const target = classOf.get(example.kind) as number;
      const sampleWeight = options.kindWeight?.[example.kind] ?? 1;
      const features = rows[n] as number[];
      for (let c = 0; c < k; c++) scores[c] = bias[c] as number;
      for (const row of features) for (let c = 0; c < k; c++) scores[c] = (scores[c] as number) + (weights[row * k + c] as number);
      softmaxInPlace(scores);
      for (let c = 0; c < k; c++) {
        const g = sampleWeight * ((scores[c] as number) - (c === target ? 1 : 0));
        biasSq[c] = (biasSq[c] as number) + g * g;
        bias[c] = (bias[c] as number) - (options.rate * g) / Math.sqrt(biasSq[c] as number);
        for (const row of features) {
          const at = row * k + c;
          const w = weights[at] as number;
          const gw = g + options.l2 * w;
          gradSq[at] = (gradSq[at] as number) + gw * gw;
          weights[at] = w - (options.rate * gw) / Math.sqrt(gradSq[at] as number);
        }
      }
    }
  }
  return { classes, index, weights, bias };
}

/** The options the shipped model is trained with (chosen by leave-one-batch-out, README). */
export const TRAINING: TrainOptions = {
  ...DEFAULT_OPTIONS,
  epochs: 5,
  seeds: 5,
  kindWeight: Object.fromEntries(['none-idiom', 'none-negation', 'none-news', 'none-past', 'none-ordinary', 'none-other-past'].map((k) => [k, 2])),
};

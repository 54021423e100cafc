/**
 * A linear classifier trained on the labelled corpus (test/crisis-corpus), read beside the
 * rules: the rules are the floor, the classifier catches what people write that no rule names.
 *
 * Pure and synchronous: the model is data (model.json, written by `npm run crisis:train`),
 * features are words, word pairs, words after a negation and character n-grams of each word,
 * all on the same folded spelling the rules use (accents off, letters squeezed, Spanish b/v,
 * s/z/c, k/qu folded). Character n-grams are what lets "suicdal", "matarme" and "matarce"
 * share most of their evidence without listing each form.
 */
import { FILLERS, fold, plainWord, SHORT_FORMS, squeeze } from './normalise.js';

/** Negation words: the next few words of the same clause are read as negated. */
const NEGATORS: ReadonlySet<string> = new Set(
  ['no', 'not', 'never', 'dont', 'didnt', 'doesnt', 'wont', 'cant', 'isnt', 'arent', 'wasnt', 'aint', 'nor', 'without',
    'sin', 'nunca', 'ni', 'jamas', 'tampoco', 'nada', 'nobody', 'nadie', 'ningun', 'ninguna', 'ninguno'].map((w) => fold(plainWord(w))),
);
const NEGATION_REACH = 4;
const MAX_CHARS = 4096;

/** A word in the two spellings the features use. */
export interface Word {
  /** Folded as the rules fold it ("kiero" = "quiero", "bibir" = "vivir"): word features. */
  key: string;
  /**
   * Only lower-cased, accent-free and squeezed: character n-grams. Folding here would make
   * Spanish "tranquila" ("trankila") share "kil" with English "kill".
   */
  plain: string;
}

/** Words per clause, as the rules' normaliser spells them. */
export function clausesOf(text: string): Word[][] {
  const source = (text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '');
  const clauses: Word[][] = [];
  for (const part of source.split(/[.,;:!?¿¡()\n\r]+|\s[-–—]+\s/)) {
    // Emoji are words here: "💊💊💊🥃" or "🔪🩸" can be the whole message.
    const raw = part.match(/[\p{L}\p{N}]+|\p{Extended_Pictographic}/gu);
    if (!raw) continue;
    const words = raw
      .flatMap((w) => (SHORT_FORMS.get(squeeze(w)) ?? w).split(' '))
      .map((w) => ({ key: fold(squeeze(w)), plain: squeeze(w) }))
      .filter((w) => w.key !== '' && !FILLERS.has(w.key));
    if (words.length > 0) clauses.push(words);
  }
  return clauses;
}

/** The distinct features of a message (binary presence). */
export function featuresOf(text: string): string[] {
  return featuresOfClauses(clausesOf(text));
}

export function featuresOfClauses(clauses: readonly Word[][]): string[] {
  const features = new Set<string>();
  for (const words of clauses) {
    let negatedFor = 0;
    for (let i = 0; i < words.length; i++) {
      const { key, plain } = words[i] as Word;
      features.add(`w:${key}`);
      if (negatedFor > 0) {
        features.add(`n:${key}`);
        negatedFor--;
      }
      if (NEGATORS.has(key)) negatedFor = NEGATION_REACH;
      const next = words[i + 1]?.key;
      const third = words[i + 2]?.key;
      if (next !== undefined) features.add(`b:${key} ${next}`);
      if (next !== undefined && third !== undefined) features.add(`t:${key} ${next} ${third}`);
      if (third !== undefined) features.add(`s:${key} ${third}`);
      if (!/^[\p{L}\p{N}]+$/u.test(plain)) continue;
      const padded = `<${plain}>`;
      for (let n = 3; n <= 5; n++) {
        for (let s = 0; s + n <= padded.length; s++) features.add(`c:${padded.slice(s, s + n)}`);
      }
    }
  }
  return [...features];
}

export interface LinearModel {
  /** Output classes: corpus kinds. */
  classes: readonly string[];
  /** feature → row index into weights. */
  index: ReadonlyMap<string, number>;
  /** Row-major: weights[row * classes.length + class]. */
  weights: Float32Array;
  bias: Float32Array;
}

/** Class probabilities (softmax over the linear scores). */
export function predict(model: LinearModel, features: readonly string[]): Float64Array {
  const k = model.classes.length;
  const scores = new Float64Array(k);
  for (let c = 0; c < k; c++) scores[c] = model.bias[c] as number;
  for (const feature of features) {
    const row = model.index.get(feature);
    if (row === undefined) continue;
    const base = row * k;
    for (let c = 0; c < k; c++) scores[c] = (scores[c] as number) + (model.weights[base + c] as number);
  }
  softmaxInPlace(scores);
  return scores;
}

/** Scores → probabilities, in place (shifted by the maximum so exp never overflows). */
export function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (const score of scores) max = Math.max(max, score);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    scores[c] = Math.exp((scores[c] as number) - max);
    sum += scores[c] as number;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) / sum;
}

/** Decodes the trained model data (model.json, see model-file.ts). */
export function decodeModel(data: {
  classes: readonly string[];
  bias: readonly number[];
  scale: number;
  features: string;
  weights: string;
}): LinearModel {
  const names = data.features.split('\n');
  const raw = Buffer.from(data.weights, 'base64');
  const bytes = new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  const weights = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) weights[i] = (bytes[i] as number) * data.scale;
  return { classes: data.classes, index: new Map(names.map((f, i) => [f, i])), weights, bias: Float32Array.from(data.bias) };
}

/**
 * `npm run crisis:train`: trains the classifier on the whole corpus and writes
 * src/domain/crisis/model.json (weights quantised to 8 bits, the corpus's SHA-256 beside
 * them so a test can tell when the model is older than the corpus).
 */
import { writeFileSync } from 'node:fs';
import { corpusDigest, readCorpus } from './data.js';
import { TRAINING, train } from './train-lib.js';

const corpus = readCorpus();
const model = train(corpus, TRAINING);
const k = model.classes.length;
const rows = [...model.index.entries()].sort((a, b) => a[1] - b[1]);
// Rows whose every weight is tiny change no decision: dropped to keep the file small.
const kept = rows.filter(([, row]) => {
  for (let c = 0; c < k; c++) if (Math.abs(model.weights[row * k + c] as number) >= 0.01) return true;
  return false;
});
let max = 0;
for (const [, row] of kept) for (let c = 0; c < k; c++) max = Math.max(max, Math.abs(model.weights[row * k + c] as number));
const scale = max / 127;
const bytes = new Int8Array(kept.length * k);
kept.forEach(([, row], i) => {
  for (let c = 0; c < k; c++) bytes[i * k + c] = Math.round((model.weights[row * k + c] as number) / scale);
});
const out = `${JSON.stringify({
  note: 'Written by `npm run crisis:train` (scripts/crisis/train.ts) from test/crisis-corpus. Do not edit.',
  corpusSha256: corpusDigest(),
  messages: corpus.length,
  classes: model.classes,
  bias: [...model.bias].map((b) => Number(b.toFixed(4))),
  scale,
  features: kept.map(([f]) => f).join('\n'),
  weights: Buffer.from(bytes.buffer).toString('base64'),
})}\n`;
const path = new URL('../../src/domain/crisis/model.json', import.meta.url).pathname;
writeFileSync(path, out);
console.log(`${path}: ${corpus.length} messages, ${rows.length} features (${kept.length} kept), ${k} classes, ${(out.length / 1024).toFixed(0)} KiB`);

/**
 * The trained weights (model.json, written by \`npm run crisis:train\`), read once on first use.
 * The one file read in domain/crisis: a data file shipped beside the code (the build copies it
 * to dist/), read lazily so that loading the bot's modules does not parse 2 MB of weights
 * before the first poll.
 */
import { readFileSync } from 'node:fs';

export interface ModelData {
  corpusSha256: string;
  messages: number;
  classes: string[];
  bias: number[];
  scale: number;
  /** Feature names, one per line, in row order. */
  features: string;
  /** Int8 weights, row-major (feature × class), base64. */
  weights: string;
}

let data: ModelData | null = null;

export function modelData(): ModelData {
  data ??= JSON.parse(readFileSync(new URL('./model.json', import.meta.url), 'utf8')) as ModelData;
  return data;
}

/** The corpus with its batches (each comment block after messages starts a new batch). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface Labelled {
  language: 'en' | 'es';
  kind: string;
  text: string;
  batch: number;
}

export function readLabelled(path: string, language: 'en' | 'es', firstBatch = 1): Labelled[] {
  const out: Labelled[] = [];
  let batch = firstBatch;
  let sawMessage = false;
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      if (sawMessage) batch++;
      sawMessage = false;
      continue;
    }
    sawMessage = true;
    const space = line.indexOf(' ');
    out.push({ language, kind: line.slice(0, space), text: line.slice(space + 1).trim(), batch });
  }
  return out;
}

/** Batch files are named `<name>-en.txt` / `<name>-es.txt`. */
export function languageOfFile(path: string): 'en' | 'es' {
  return /-es\.txt$/.test(path) ? 'es' : 'en';
}

export function readLabelledFiles(paths: readonly string[]): Labelled[] {
  return paths.flatMap((path) => readLabelled(path, languageOfFile(path)));
}

export function readCorpus(): Labelled[] {
  return [
    ...readLabelled(new URL('../../test/crisis-corpus/en.txt', import.meta.url).pathname, 'en'),
    ...readLabelled(new URL('../../test/crisis-corpus/es.txt', import.meta.url).pathname, 'es'),
  ];
}

/** SHA-256 of the two corpus files as stored: the model records which corpus it learned from. */
export function corpusDigest(): string {
  const hash = createHash('sha256');
  for (const language of ['en', 'es']) hash.update(readFileSync(new URL(`../../test/crisis-corpus/${language}.txt`, import.meta.url)));
  return hash.digest('hex');
}

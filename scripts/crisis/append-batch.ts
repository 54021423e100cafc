/**
 * Appends a fresh batch to the corpus as a new comment-headed block, skipping exact repeats.
 * `tsx scripts/crisis/append-batch.ts "<header>" FILE-en.txt FILE-es.txt`
 * Score the batch first (score-fresh.ts): once it is in, it is no longer out of sample.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { languageOfFile } from './data.js';

const [header, ...files] = process.argv.slice(2);
if (!header || files.length === 0) throw new Error('usage: append-batch.ts "<header>" FILE-en.txt FILE-es.txt');
for (const file of files) {
  const language = languageOfFile(file);
  const target = new URL(`../../test/crisis-corpus/${language}.txt`, import.meta.url).pathname;
  const seen = new Set(readFileSync(target, 'utf8').split('\n').map((l) => l.trim().slice(l.trim().indexOf(' ') + 1).toLowerCase()));
  const lines = readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const fresh = lines.filter((l) => {
    const text = l.slice(l.indexOf(' ') + 1).toLowerCase();
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
  appendFileSync(target, `# ${header}\n${fresh.join('\n')}\n`);
  console.log(`${target}: +${fresh.length} (${lines.length - fresh.length} repeats skipped)`);
}

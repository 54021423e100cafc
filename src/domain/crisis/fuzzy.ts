/**
 * Typo tolerance on the words that matter: a word the lexicon does not know is replaced by
 * the lexicon keyword it nearly spells ("suicdal" → "suicidal", "pastilas" → "pastillas").
 *
 * Edit distance comes from `fastest-levenshtein` (a maintained, dependency-free, fast
 * implementation); adjacent swaps ("myslef") are counted as one edit here. Limits keep short
 * words exact: one edit from 5 letters, two from 8, and the first letter must agree, since
 * typos rarely hit it and it stops "will" or "mirarme" drifting into "kill" or "matarme".
 * Words the lexicon knows (including the common look-alikes it lists) are never corrected.
 */
import { distance } from 'fastest-levenshtein';
import { fold } from './normalise.js';

export interface Corrector {
  correct(plain: string, key: string): string;
}

function swappedOnce(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let first = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      if (first === -1) first = i;
      else return i === first + 1 && a[first] === b[i] && a[i] === b[first] && a.slice(i + 1) === b.slice(i + 1);
    }
  }
  return false;
}

function allowedEdits(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

export function createCorrector(keywords: readonly string[], known: ReadonlySet<string>): Corrector {
  // keyword plain spelling → its key; bucketed by first letter for a short search.
  const byInitial = new Map<string, Array<{ plain: string; key: string }>>();
  for (const plain of new Set(keywords)) {
    const initial = plain[0] as string;
    const bucket = byInitial.get(initial) ?? [];
    bucket.push({ plain, key: fold(plain) });
    byInitial.set(initial, bucket);
  }
  const memo = new Map<string, string>();

  return {
    correct(plain, key) {
      if (known.has(key) || plain.length < 4 || /\d/.test(plain)) return key;
      // A four-letter word missing one letter of a five-letter key word ("matr" → "matar").
      const dropped = plain.length === 4;
      const cached = memo.get(plain);
      if (cached !== undefined) return cached;
      let best = key;
      let bestDistance = Infinity;
      for (const candidate of byInitial.get(plain[0] as string) ?? []) {
        if (Math.abs(candidate.plain.length - plain.length) > 2) continue;
        const limit = allowedEdits(Math.min(candidate.plain.length, plain.length));
        const d = swappedOnce(plain, candidate.plain) ? 1 : distance(plain, candidate.plain);
        if (dropped && d === 1 && candidate.plain.length === 5 && candidate.plain.startsWith(plain.slice(0, 2)) && d < bestDistance) {
          best = candidate.key;
          bestDistance = d;
          continue;
        }
        if (d <= Math.max(limit, 1) && (d <= limit || swappedOnce(plain, candidate.plain)) && d < bestDistance) {
          best = candidate.key;
          bestDistance = d;
        }
      }
      if (memo.size > 5000) memo.clear();
      memo.set(plain, best);
      return best;
    },
  };
}

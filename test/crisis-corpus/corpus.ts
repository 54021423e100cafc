/**
 * Loads the labelled crisis corpus (en.txt, es.txt) and defines what counts as a hit.
 *
 * Each line is `<kind> <message>`. Kinds and the level each one expects:
 * - crisis kinds (the families): intent, passive-wish, plan-means, goodbye, burden, self-harm,
 *   hopelessness → a hit is level 'crisis' (anything less would not show crisis resources);
 * - distress → 'concern' or 'crisis' (asking is the minimum; showing resources is also safe);
 * - question (about suicide in general) → 'concern' or 'crisis', same reasoning;
 * - other-at-risk → 'other' or 'crisis' (help for another person; showing the writer the
 *   crisis message is a safe over-reaction, never a miss);
 * - none-* kinds → 'none' (a hit is staying quiet).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CrisisLevel } from '../../src/domain/crisis/index.js';

export type Language = 'en' | 'es';

export interface CorpusMessage {
  language: Language;
  kind: string;
  text: string;
  line: number;
}

export const CRISIS_KINDS = ['intent', 'passive-wish', 'plan-means', 'goodbye', 'burden', 'self-harm', 'hopelessness'] as const;
export const CONCERN_KINDS = ['distress', 'question'] as const;
export const OTHER_KINDS = ['other-at-risk'] as const;
export const NONE_KINDS = ['none-idiom', 'none-negation', 'none-news', 'none-past', 'none-ordinary', 'none-other-past'] as const;
export const ALL_KINDS: readonly string[] = [...CRISIS_KINDS, ...CONCERN_KINDS, ...OTHER_KINDS, ...NONE_KINDS];

/** The level a kind is labelled with (what the message truly needs). */
export function expectedLevel(kind: string): CrisisLevel {
  if ((CRISIS_KINDS as readonly string[]).includes(kind)) return 'crisis';
  if ((CONCERN_KINDS as readonly string[]).includes(kind)) return 'concern';
  if ((OTHER_KINDS as readonly string[]).includes(kind)) return 'other';
  if ((NONE_KINDS as readonly string[]).includes(kind)) return 'none';
  throw new Error(`unknown kind ${kind}`);
}

/** Is `predicted` an acceptable answer for a message of this kind? */
export function isHit(kind: string, predicted: CrisisLevel): boolean {
  switch (expectedLevel(kind)) {
    case 'crisis':
      return predicted === 'crisis';
    case 'concern':
      return predicted === 'concern' || predicted === 'crisis';
    case 'other':
      return predicted === 'other' || predicted === 'crisis';
    case 'none':
      return predicted === 'none';
  }
}

export function loadCorpus(): CorpusMessage[] {
  const messages: CorpusMessage[] = [];
  for (const language of ['en', 'es'] as const) {
    const path = fileURLToPath(new URL(`./${language}.txt`, import.meta.url));
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#')) return;
        const space = line.indexOf(' ');
        const kind = line.slice(0, space);
        const text = line.slice(space + 1).trim();
        expectedLevel(kind);
        messages.push({ language, kind, text, line: index + 1 });
      });
  }
  return messages;
}

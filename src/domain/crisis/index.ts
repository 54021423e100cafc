/**
 * TEMPORARY SHIM — replaced at merge by the real detection engine (branch crisis-engine).
 * It implements the engine's interface with the existing `detectCrisis` and a handful of the
 * example phrases from PRODUCT.md, so the crisis flow can be built and tested against it.
 */
import { detectCrisis } from '../crisis.js';

export type CrisisLevel = 'crisis' | 'concern' | 'other' | 'none';
export type ConceptFamily =
  | 'intent'
  | 'passive-wish'
  | 'plan-means'
  | 'goodbye'
  | 'burden'
  | 'self-harm'
  | 'hopelessness'
  | 'distress'
  | 'other-at-risk';
export interface CrisisAssessment {
  level: CrisisLevel;
  family: ConceptFamily | null;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/\s+/g, ' ');

const OTHER_AT_RISK = [/\bmy friend says (?:she|he|they) wants? to kill (?:herself|himself|themselves)\b/, /\bmi amig[oa] dice que se quiere matar\b/];
// A few of PRODUCT.md's Spanish examples the old detector misses.
const CRISIS = [/\bme mato\b/, /\bmejor me muero\b/, /\bme voy a colgar\b/];
const CONCERN = [/\bcant do this anymore\b/, /\bya no puedo mas\b/, /\bi want it all to stop\b/, /\bme rindo\b/];

export function assessText(text: string): CrisisAssessment {
  const folded = fold(text);
  if (OTHER_AT_RISK.some((p) => p.test(folded))) return { level: 'other', family: 'other-at-risk' };
  if (detectCrisis(text) || CRISIS.some((p) => p.test(folded))) return { level: 'crisis', family: 'intent' };
  if (CONCERN.some((p) => p.test(folded))) return { level: 'concern', family: 'distress' };
  return { level: 'none', family: null };
}

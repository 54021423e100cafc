/**
 * Does this message express the writer's own suicidal or self-harm risk (level 'crisis')?
 *
 * Kept for the callers that only need yes/no; the engine, its levels and its lexicons live
 * in ./crisis/ (see assessText there and README "Crisis detection").
 */
import { assessText } from './crisis/index.js';

export function detectCrisis(text: string): boolean {
  return assessText(text).level === 'crisis';
}

/**
 * Crisis detection for free text, English and Spanish: pure code over data, no I/O, no clock.
 *
 * `assessText` says how serious a message is:
 * - `crisis`: the writer's own suicidal intent, passive wish to be dead, plan or means,
 *   goodbye, feeling a burden, self-harm or hopelessness about living;
 * - `concern`: distress that may or may not be suicidal ("I can't do this anymore"), or a
 *   question about suicide in general;
 * - `other`: someone else at risk now ("my friend says she wants to kill herself");
 * - `none`: nothing of the above, including idioms, negations, news and the distant past.
 * Precedence: crisis > concern > other > none, so a message with both the writer's own risk
 * and a friend's is `crisis`.
 *
 * Two readers decide together (README "Crisis detection"):
 * - the rules (assess.ts over the lexicons) name phrases, negation, idioms, the past, the news
 *   and whose risk it is;
 * - a linear classifier trained on the labelled corpus (classifier.ts, model.json) reads
 *   the whole message and catches what no rule names.
 * The rules are the floor: a rule's crisis stays at least a Concern question even when the
 * classifier reads the message as harmless, so neither reader alone can silence a message.
 */
import { readRules } from './assess.js';
import { decodeModel, type LinearModel } from './classifier.js';
import { decide, readWith, type ModelReading } from './decide.js';
import { modelData } from './model-file.js';
import type { CrisisAssessment } from './types.js';

export type { ConceptFamily, CrisisAssessment, CrisisLevel } from './types.js';
export type { ModelReading } from './decide.js';

let model: LinearModel | null = null;

/** The classifier alone, with the shipped model (for the README's figures and tests). */
export function readModel(text: string, bySentence = true): ModelReading {
  model ??= decodeModel(modelData());
  return readWith(model, text, bySentence);
}

export function assessText(text: string): CrisisAssessment {
  const rules = readRules(text);
  return decide(rules, readModel(text, rules.level === 'crisis'));
}

/** Decodes the model and compiles the lexicons now rather than on the first message. */
export function warmCrisisDetection(): void {
  assessText('');
}

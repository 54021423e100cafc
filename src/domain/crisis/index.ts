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
 * and a friend's is `crisis`. See README "Crisis detection" for the design and its limits.
 */
import { assess } from './assess.js';
import type { CrisisAssessment } from './types.js';

export type { ConceptFamily, CrisisAssessment, CrisisLevel } from './types.js';

export function assessText(text: string): CrisisAssessment {
  return assess(text);
}

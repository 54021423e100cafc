/**
 * How the rules and the classifier decide together. Pure, so the same function serves the
 * bot (index.ts, the shipped model) and the leave-one-batch-out check (a model per fold).
 */
import type { RulesReading } from './assess.js';
import { clausesOf, featuresOfClauses, predict, type LinearModel } from './classifier.js';
import type { ConceptFamily, CrisisAssessment } from './types.js';

/**
 * On one or two words ("good", "no idea", "thanks") a linear model extrapolates from a few
 * n-grams; there the rules decide alone (they know "kms", "suicidal", "me mato").
 */
export const MIN_WORDS = 3;
/** Up to five words ("quiero vivir tranquila") the classifier has little context: it must be surer. */
export const SHORT_WORDS = 6;
export const SHORT_CRISIS_THRESHOLD = 0.9;
/** Classifier probability of a crisis kind at which a message is a crisis without a rule. */
export const CRISIS_THRESHOLD = 0.7;
/** Below this (and with "harmless" its best reading) the classifier may overrule an intent, plan or goodbye rule. */
export const RULE_CONFIRM_THRESHOLD = 0.001;
/** After the rules explained a phrase away, the classifier must be this sure of distress or a question to ask. */
export const OVERRIDE_QUIETED_THRESHOLD = 0.9;
/** Distress or a general question, read by the classifier alone: the Concern question. */
export const CONCERN_THRESHOLD = 0.5;
export const OTHER_THRESHOLD = 0.7;

/**
 * The rule families whose phrases also name ordinary things (rope, pills, letters, "last",
 * "I want to die" said of a traffic jam): on fresh batches they made 137 of the rules' 153
 * false alarms. Only there may a classifier sure the message is harmless overrule the rules;
 * self-harm, passive wishes, burden and hopelessness always stay a crisis.
 */
const QUESTIONED_FAMILIES: ReadonlySet<ConceptFamily> = new Set(['intent', 'plan-means', 'goodbye']);

const CRISIS_FAMILIES: ReadonlySet<string> = new Set(['intent', 'passive-wish', 'plan-means', 'goodbye', 'burden', 'self-harm', 'hopelessness']);
const CONCERN_KINDS: ReadonlySet<string> = new Set(['distress', 'question']);

export interface ModelReading {
  crisis: number;
  concern: number;
  other: number;
  none: number;
  /** The most likely crisis family, whatever its probability. */
  family: ConceptFamily;
  /** Words (and emoji) the classifier read. */
  words: number;
  /** The highest crisis probability of any one sentence, read alone (the whole message's if it has one). */
  sentenceCrisis: number;
}

/**
 * `bySentence`: also read each sentence alone (`sentenceCrisis`). Only a rules' crisis needs
 * it (the overrule check), so the bot skips it otherwise; the decision is the same either way.
 */
export function readWith(model: LinearModel, text: string, bySentence = true): ModelReading {
  const whole = readOne(model, text);
  if (!bySentence) return whole;
  const sentences = text.split(/(?<=[.!?\n])\s+/).filter((s) => /[\p{L}\p{N}]/u.test(s));
  if (sentences.length > 1) {
    for (const sentence of sentences) whole.sentenceCrisis = Math.max(whole.sentenceCrisis, readOne(model, sentence).crisis);
  }
  return whole;
}

function readOne(model: LinearModel, text: string): ModelReading {
  const clauses = clausesOf(text);
  const p = predict(model, featuresOfClauses(clauses));
  const words = clauses.reduce((n, clause) => n + clause.length, 0);
  const reading: ModelReading = { crisis: 0, concern: 0, other: 0, none: 0, family: 'intent', words, sentenceCrisis: 0 };
  let best = -1;
  model.classes.forEach((kind, i) => {
    const value = p[i] as number;
    if (CRISIS_FAMILIES.has(kind)) {
      reading.crisis += value;
      if (value > best) {
        best = value;
        reading.family = kind as ConceptFamily;
      }
    } else if (CONCERN_KINDS.has(kind)) reading.concern += value;
    else if (kind === 'other-at-risk') reading.other += value;
    else reading.none += value;
  });
  reading.sentenceCrisis = reading.crisis;
  return reading;
}

export interface Thresholds {
  /** Fewer words than this give the classifier too little to go on: only the rules decide. */
  minWords: number;
  /** Messages shorter than this need the classifier surer (`shortCrisis`) to be a crisis. */
  shortWords: number;
  shortCrisis: number;
  crisis: number;
  ruleConfirm: number;
  overrideQuieted: number;
  concern: number;
  other: number;
}

export const THRESHOLDS: Thresholds = {
  minWords: MIN_WORDS,
  shortWords: SHORT_WORDS,
  shortCrisis: SHORT_CRISIS_THRESHOLD,
  crisis: CRISIS_THRESHOLD,
  ruleConfirm: RULE_CONFIRM_THRESHOLD,
  overrideQuieted: OVERRIDE_QUIETED_THRESHOLD,
  concern: CONCERN_THRESHOLD,
  other: OTHER_THRESHOLD,
};

export function decide(rules: RulesReading, reading: ModelReading, t: Thresholds = THRESHOLDS): CrisisAssessment {
  if (rules.level === 'crisis') {
    // The rules are the floor, with one measured exception: an intent, plan or goodbye phrase
    // in a message the classifier is sure is harmless ("kms this traffic lol", "rope for the
    // camping trip", "my therapist asked if I'm suicidal. I'm not.").
    const overruled =
      QUESTIONED_FAMILIES.has(rules.family as ConceptFamily) &&
      reading.sentenceCrisis < t.ruleConfirm &&
      reading.none > Math.max(reading.concern, reading.other);
    return overruled ? { level: 'none', family: null } : { level: 'crisis', family: rules.family };
  }
  // A phrase the rules read as denied, past, accidental or news holds the classifier's crisis
  // back: that context is what the rules read best and a bag of words worst.
  const enough = reading.words >= t.minWords;
  const crisisAt = reading.words < t.shortWords ? t.shortCrisis : t.crisis;
  if (enough && !rules.quieted && reading.crisis >= crisisAt) return { level: 'crisis', family: reading.family };
  if (rules.level === 'concern') return { level: 'concern', family: rules.family };
  // A question about suicide in general reads as news to the rules; a sure classifier still asks.
  const concernAt = rules.quieted ? t.overrideQuieted : t.concern;
  if (enough && reading.concern >= concernAt) return { level: 'concern', family: 'distress' };
  // Someone else at risk, read by the classifier alone: the same care as a crisis ("what do I
  // do" ends many messages about a friend, and many that are not).
  const otherAt = reading.words < t.shortWords ? t.shortCrisis : t.other;
  if (rules.level === 'other' || (enough && reading.other >= otherAt)) return { level: 'other', family: 'other-at-risk' };
  return { level: 'none', family: null };
}

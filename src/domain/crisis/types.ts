/** 'other' = someone else at risk, not the user. */
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

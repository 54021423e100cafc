/**
 * The shape of a language's lexicon: all words and phrases are data, the rules in assess.ts
 * read them. English and Spanish lexicons are merged and applied to every message, so a
 * message that mixes the two languages is read with both.
 */
import type { ConceptFamily } from './types.js';

/**
 * Whose risk a phrase speaks of.
 * - `self`: the writer's own unless a third-person subject stands just before it
 *   ("I want to die" / "she says she wants to die").
 * - `other`: someone else at risk by its very form ("kill herself", "se quiere matar").
 * - `generic`: a topic word ("suicide", "self-harm") read from the sentence around it:
 *   news → nothing, a general question → concern, a third person → other, else the writer.
 */
export type Person = 'self' | 'other' | 'generic';

export interface LexiconEntry {
  family: ConceptFamily;
  person: Person;
  patterns: readonly string[];
}

export interface Lexicon {
  /** Text macros usable in every pattern as @name. */
  macros: Readonly<Record<string, string>>;
  entries: readonly LexiconEntry[];
  /**
   * Phrases that mean a crisis only together, anywhere in the message ("goodbye." + "thank you
   * for everything"). Each part must be present, unmasked and not negated.
   */
  combos: ReadonlyArray<{ family: ConceptFamily; all: readonly string[] }>;
  /** Anywhere in the message, these settle a distress phrase ("me rindo, mañana lo intento de nuevo"). */
  calm: readonly string[];
  /**
   * Anywhere in the message, a sign-off for the night makes a goodbye ordinary ("bye everyone,
   * see you tomorrow", "me despido, buenas noches")...
   */
  signOff: readonly string[];
  /** ...unless the message also speaks of finality ("forever", "para siempre"). */
  finality: readonly string[];
  /** Spans that never count: idioms ("killing me", "me muero de sueño") and completed past events about others. */
  masks: readonly string[];
  /** In the same clause, an accident or chore makes a self-harm phrase ordinary ("burned myself on the stove"). */
  accidents: readonly string[];
  /** ...unless the same clause says it was on purpose ("burned myself with the iron on purpose"). */
  deliberate: readonly string[];
  /** In the same sentence, the distant past makes a phrase history, not risk ("years ago", "solía"). */
  past: readonly string[];
  /** ...unless it is back ("again", "otra vez"). */
  renewal: readonly string[];
  /** In the same sentence, media or information makes a topic word news ("article", "documental"). */
  news: readonly string[];
  negations: readonly string[];
  /** Small words a negation may reach across ("not *going to* kill myself", "no *tengo pensamientos* suicidas"). */
  connectors: readonly string[];
  /** Words a pattern gap must not cross, besides negations ("but", "pero"). */
  contrasts: readonly string[];
  firstPerson: readonly string[];
  thirdPerson: readonly string[];
  /** Words worth correcting typos towards (key words of the entries). */
  keywords: readonly string[];
  /** Real words that look like typos of key words and must be left alone. */
  common: readonly string[];
}

/**
 * Text → sentences → clauses → tokens, the one shape every rule reads.
 *
 * Each token carries three spellings:
 * - `plain`: lower case, accents stripped, apostrophes dropped, and every run of one letter
 *   squeezed to a single letter ("sooo" → "so", "muerooo" → "muero", "kill" → "kil").
 *   Squeezing both the text and the lexicon the same way makes stretched words free.
 * - `key`: `plain` with the Spanish spelling confusions folded (qu→k, c→k/s, z→s, v→b),
 *   so "kiero" = "quiero", "bibir" = "vivir", "matarse" = "matarce". All matching is on keys.
 * - the key may later be replaced by a lexicon keyword when it is a near miss (see fuzzy.ts).
 */

export interface Token {
  /** Folded spelling used for matching (possibly corrected to a lexicon keyword). */
  key: string;
  /** Lower case, accents stripped, letters squeezed (for edit distance). */
  plain: string;
}

export interface Clause {
  tokens: Token[];
}

export interface Sentence {
  clauses: Clause[];
  /** Ends with "?" or opens with "¿": a question rather than a statement. */
  question: boolean;
}

/** Callers cut messages longer than Telegram's 4096; this keeps the work bounded anyway. */
const MAX_CHARS = 4096;

export function squeeze(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}

/** Spanish spelling confusions folded the same way in text and lexicon. */
export function fold(plain: string): string {
  const folded = plain
    .replace(/qu/g, 'k')
    .replace(/c(?=[ei])/g, 's')
    .replace(/c(?!h)/g, 'k')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/y$/g, 'i');
  return squeeze(folded);
}

/** One lexicon or text word → its plain spelling. */
export function plainWord(word: string): string {
  return squeeze(
    word
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/['’‘`´]/g, ''),
  );
}

export function keyOf(word: string): string {
  return fold(plainWord(word));
}

/** Shorthand people type that is easier to expand than to list everywhere. */
const SHORTHAND: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bw\/o\b/gi, 'without'],
  [/\bw\/\s/gi, 'with '],
  [/\bb\/c\b/gi, 'because'],
  [/(\p{L})-(\p{L})/gu, '$1 $2'],
];

/**
 * Words that only add emphasis ("I *just* want to die", "*honestly* i wanna kms", "*neta* me
 * quiero morir"). They are dropped from the text and from the lexicon alike, so no phrase has
 * to list where they might sit.
 */
export const FILLERS: ReadonlySet<string> = new Set(
  [
    'just', 'really', 'honestly', 'literally', 'kinda', 'actually', 'seriously', 'truly', 'totally', 'lowkey',
    'highkey', 'fr', 'tbh', 'genuinely', 'simply', 'srsly', 'rly', 'realy', 'legit', 'deadass', 'ngl',
    'realmente', 'neta', 'literal', 'literalmente', 'simplemente', 'wey', 'guey', 'güey', 'bro',
  ].map((w) => fold(plainWord(w))),
);

/** Texting shorthand → the words the lexicon is written in ("dnt" → "dont", "q" → "que"). */
export const SHORT_FORMS: ReadonlyMap<string, string> = new Map([
  ['dnt', 'dont'], ['dont', 'dont'], ['doesnt', 'doesnt'], ['didnt', 'didnt'], ['dint', 'didnt'], ['cnt', 'cant'], ['wnt', 'want'],
  ['wna', 'wanna'], ['wana', 'wanna'], ['gna', 'gonna'], ['gona', 'gonna'], ['tryna', 'trying to'], ['abt', 'about'], ['bout', 'about'],
  ['u', 'you'], ['ur', 'your'], ['n', 'and'], ['bc', 'because'], ['cuz', 'because'], ['cos', 'because'], ['tho', 'though'],
  ['ppl', 'people'], ['smth', 'something'], ['sth', 'something'], ['ima', 'im going to'], ['imma', 'im going to'], ['im', 'im'],
  ['q', 'que'], ['k', 'que'], ['xq', 'porque'], ['pq', 'porque'], ['pk', 'porque'], ['x', 'por'], ['d', 'de'], ['tb', 'tambien'],
  ['tmb', 'tambien'], ['teh', 'the'], ['tn', 'tonight'], ['2nite', 'tonight'], ['hte', 'the'], ['rop', 'rope'], ['msj', 'mensaje'], ['msje', 'mensaje'], ['mje', 'mensaje'], ['mensage', 'mensaje'], ['lfe', 'life'], ['lyfe', 'life'], ['lif', 'life'], ['ded', 'dead'], ['dyin', 'dying'], ['toy', 'estoy'], ['nd', 'nada'], ['nda', 'nada'], ['bn', 'bien'], ['ps', 'pues'], ['pa', 'para'],
]);

export function sentencesOf(text: string): Sentence[] {
  let source = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  for (const [pattern, replacement] of SHORTHAND) source = source.replace(pattern, replacement);
  const normalised = source
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    // "quiero... hacerme daño": an ellipsis is a pause inside a thought, not its end.
    .replace(/\.{2,}|…/g, ' , ')
    .replace(/\bnever ever\b/g, 'never')
    // "sh'd", "sh-ing": self-harm shorthand.
    .replace(/\bsh ?-? ?ing\b/g, 'self harming')
    .replace(/\bshd\b/g, 'self harmed')
    .replace(/\bnunca jamas\b/g, 'nunca');
  const sentences: Sentence[] = [];
  // A sentence ends at . ! ? … or a line break; its question mark is kept to mark it.
  for (const match of normalised.matchAll(/[^.!?\n\r]+[.!?\n\r]*/g)) {
    const piece = match[0];
    const question = /\?/.test(piece) || /¿/.test(piece);
    const clauses: Clause[] = [];
    // Quotation marks do not end a clause: a quoted title stays with the words about it
    // ('"i wanna die" is a sad song').
    for (const part of piece.split(/[,;:()¿¡]+|\s[-–—]+\s/)) {
      const raw = part.match(/[\p{L}\p{N}]+/gu);
      if (!raw) continue;
      const words = raw.flatMap((w) => (SHORT_FORMS.get(squeeze(w)) ?? w).split(' '));
      const tokens = words.map((w) => ({ plain: squeeze(w), key: fold(squeeze(w)) })).filter((t) => !FILLERS.has(t.key));
      if (tokens.length > 0) clauses.push({ tokens });
    }
    if (clauses.length > 0) sentences.push({ clauses, question });
  }
  return sentences;
}

/**
 * The rules: read every clause with every lexicon phrase, drop what an idiom, a negation,
 * an accident, the distant past or the news explains, decide whose risk it is, and keep the
 * most serious level. Pure: the same text always gives the same answer.
 */
import { createCorrector, type Corrector } from './fuzzy.js';
import type { Lexicon, Person } from './lexicon.js';
import { LEXICON_EN } from './lexicon-en.js';
import { LEXICON_ES } from './lexicon-es.js';
import { keyOf, plainWord, sentencesOf, type Sentence } from './normalise.js';
import { compile, findAll, type MatchContext, type Pattern, type Span } from './pattern.js';
import type { ConceptFamily, CrisisAssessment, CrisisLevel } from './types.js';

interface CompiledEntry {
  family: ConceptFamily;
  person: Person;
  pattern: Pattern;
}

interface Compiled {
  entries: CompiledEntry[];
  /** Entry indexes by anchor key, and the few entries without one: only candidates are tried. */
  entriesByAnchor: Map<string, number[]>;
  unanchored: number[];
  combos: Array<{ family: ConceptFamily; all: Pattern[] }>;
  calm: Pattern[];
  signOff: Pattern[];
  finality: Pattern[];
  masks: Pattern[];
  accidents: Pattern[];
  deliberate: Pattern[];
  past: Pattern[];
  renewal: Pattern[];
  news: Pattern[];
  negations: Set<string>;
  connectors: Set<string>;
  firstPerson: Set<string>;
  thirdPerson: Set<string>;
  /** Words between a past marker and a phrase that bring it back to the present ("but", "now"). */
  presentTurn: Set<string>;
  context: MatchContext;
  corrector: Corrector;
  /** Every key a lexicon pattern mentions: known words are never "corrected". */
  known: Set<string>;
}

/** When one message says several things, the reported family is the most specific one. */
const FAMILY_ORDER: readonly ConceptFamily[] = [
  'plan-means',
  'intent',
  'self-harm',
  'goodbye',
  'passive-wish',
  'burden',
  'hopelessness',
  'distress',
  'other-at-risk',
];

const LEVEL_RANK: Record<CrisisLevel, number> = { crisis: 3, concern: 2, other: 1, none: 0 };

/** Words that can answer a bare topic word with a no ("suicidal? no"). */
const ANSWER_NO = new Set(['no', 'nope', 'nah', 'not', 'never', 'nunca', 'jamas', 'nop', 'nel'].map(keyOf));

function keysOfSources(sources: readonly string[], into: Set<string>): void {
  for (const source of sources) {
    for (const word of source.replace(/[()|?*$^]/g, ' ').split(/\s+/)) {
      if (word !== '' && !word.startsWith('<') && !word.startsWith('@')) into.add(keyOf(word));
    }
  }
}

function build(lexicons: readonly Lexicon[]): Compiled {
  const known = new Set<string>();
  const entries: CompiledEntry[] = [];
  const combos: Compiled['combos'] = [];
  const calm: Pattern[] = [];
  const signOff: Pattern[] = [];
  const finality: Pattern[] = [];
  const masks: Pattern[] = [];
  const accidents: Pattern[] = [];
  const deliberate: Pattern[] = [];
  const past: Pattern[] = [];
  const renewal: Pattern[] = [];
  const news: Pattern[] = [];
  const negations = new Set<string>();
  const connectors = new Set<string>();
  const firstPerson = new Set<string>();
  const thirdPerson = new Set<string>();
  const contrasts = new Set<string>();
  const keywords: string[] = [];
  for (const lexicon of lexicons) {
    const c = (source: string) => compile(source, lexicon.macros);
    for (const entry of lexicon.entries) {
      for (const source of entry.patterns) entries.push({ family: entry.family, person: entry.person, pattern: c(source) });
      keysOfSources(entry.patterns, known);
    }
    for (const combo of lexicon.combos) {
      combos.push({ family: combo.family, all: combo.all.map(c) });
      keysOfSources(combo.all, known);
    }
    for (const [list, into] of [
      [lexicon.calm, calm],
      [lexicon.signOff, signOff],
      [lexicon.finality, finality],
      [lexicon.masks, masks],
      [lexicon.accidents, accidents],
      [lexicon.deliberate, deliberate],
      [lexicon.past, past],
      [lexicon.renewal, renewal],
      [lexicon.news, news],
    ] as const) {
      for (const source of list) into.push(c(source));
      keysOfSources(list, known);
    }
    keysOfSources(Object.values(lexicon.macros), known);
    for (const [list, into] of [
      [lexicon.negations, negations],
      [lexicon.connectors, connectors],
      [lexicon.firstPerson, firstPerson],
      [lexicon.thirdPerson, thirdPerson],
      [lexicon.contrasts, contrasts],
    ] as const) {
      for (const word of list) {
        into.add(keyOf(word));
        known.add(keyOf(word));
      }
    }
    for (const word of lexicon.common) known.add(keyOf(word));
    keywords.push(...lexicon.keywords.map(plainWord));
  }
  const presentTurn = new Set([...contrasts, ...['now', 'ahora', 'today', 'hoy', 'tonight', 'anoche', 'again'].map(keyOf)]);
  const barriers = new Set([...negations, ...contrasts]);
  const entriesByAnchor = new Map<string, number[]>();
  const unanchored: number[] = [];
  entries.forEach((entry, index) => {
    if (!entry.pattern.anchors) unanchored.push(index);
    else
      for (const key of entry.pattern.anchors) {
        const list = entriesByAnchor.get(key) ?? [];
        list.push(index);
        entriesByAnchor.set(key, list);
      }
  });
  return {
    entries,
    entriesByAnchor,
    unanchored,
    combos,
    calm,
    signOff,
    finality,
    masks,
    accidents,
    deliberate,
    past,
    renewal,
    news,
    negations,
    connectors,
    firstPerson,
    thirdPerson,
    presentTurn,
    context: { barriers },
    corrector: createCorrector(keywords, known),
    known,
  };
}

let compiled: Compiled | null = null;

function lexicon(): Compiled {
  compiled ??= build([LEXICON_EN, LEXICON_ES]);
  return compiled;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Walking back from the phrase over small connecting words, is the first other word a
 * negation? ("I'm *not going to* kill myself", "*no tengo* pensamientos suicidas", "*sin* ideas
 * de hacerme daño"). A subject or a content word stops the walk: "no, I want to die" fires.
 */
/** "not that i want to die…", "no es que me quiera morir…": the whole clause is denied. */
const DENIAL_OPENINGS: readonly string[][] = ['not that', 'its not like', 'it s not like', 'never would i', 'no way i', 'no es que', 'no es como que', 'ni que'].map((s) =>
  s.split(' ').map(keyOf),
);

const INTENSIFIERS = new Set(['so', 'this', 'as', 'tan'].map(keyOf));

function negatedBefore(keys: readonly string[], start: number, lex: Compiled): boolean {
  if (DENIAL_OPENINGS.some((opening) => opening.length <= start && opening.every((k, i) => keys[i] === k))) return true;
  let compared = false;
  for (let i = start - 1; i >= 0 && i >= start - 8; i--) {
    const key = keys[i] as string;
    // "never felt *so* suicidal", "nunca me había sentido *tan* mal": a comparison, not a denial.
    if (INTENSIFIERS.has(key)) compared = true;
    if (lex.negations.has(key)) return !compared;
    // Spanish participles sit between "nunca he" and the phrase ("nunca me he *querido* suicidar").
    if (!lex.connectors.has(key) && !/^[a-z]+(ad|id)o$/.test(key)) return false;
  }
  return false;
}

type Subject = 'first' | 'third' | null;

/** A first-person word, or a Spanish verb carrying "me" ("matarme", "hacerme", "cortándome"). */
function isFirstPerson(key: string, lex: Compiled): boolean {
  return lex.firstPerson.has(key) || /(ar|er|ir|ndo)me$/.test(key);
}

/** Whose phrase: a first-person word inside it, else the nearest person word before it in the clause. */
const WRITER_SUBJECT = new Set(['i', 'im', 'ill', 'id', 'yo'].map(keyOf));

function writerJustBefore(keys: readonly string[], start: number): boolean {
  let i = start - 1;
  if (keys[i] === keyOf('am')) i--;
  return WRITER_SUBJECT.has(keys[i] ?? '');
}

function subjectOf(keys: readonly string[], span: Span, lex: Compiled, reach: number): Subject {
  for (let i = span.start; i < span.end; i++) if (isFirstPerson(keys[i] as string, lex)) return 'first';
  for (let i = span.start - 1; i >= 0 && i >= span.start - reach; i--) {
    const key = keys[i] as string;
    // Spanish "he" + participle is "I have" ("he estado juntando pastillas"), not English "he".
    if (key === 'he' && /(ad|id|and|iend|ech|ich|ist|iert|uest)o$/.test(keys[i + 1] ?? '')) return 'first';
    if (lex.firstPerson.has(key)) return 'first';
    if (lex.thirdPerson.has(key)) return 'third';
  }
  return null;
}

function anyMatch(patterns: readonly Pattern[], keys: readonly string[], keySet: ReadonlySet<string>, lex: Compiled): Span[] {
  const spans: Span[] = [];
  for (const pattern of patterns) spans.push(...findAll(pattern, keys, keySet, lex.context));
  return spans;
}

/** A past marker in the clause, with no turn back to the present ("but", "now") between it and the phrase. */
function inThePast(keys: readonly string[], span: Span, pastSpans: readonly Span[], renewed: boolean, lex: Compiled): boolean {
  if (renewed) return false;
  return pastSpans.some((p) => {
    // A marker the phrase itself contains ("esta es la última vez que les escribo") is part of it, not its past.
    if (p.start >= span.start && p.end <= span.end) return false;
    const from = Math.min(p.end, span.end);
    const to = Math.max(p.start, span.start);
    for (let i = from; i < to; i++) if (lex.presentTurn.has(keys[i] as string)) return false;
    return true;
  });
}

interface Finding {
  level: CrisisLevel;
  family: ConceptFamily;
}

/** A clause that is just a no ("no", "nope, just tired"). */
function answeredNo(clause: readonly string[] | undefined): boolean {
  if (!clause) return false;
  // "...me queria morir, ya no" / "...wanted to die, not anymore"
  if (clause.length === 2 && NOT_ANYMORE.has(clause.join(' '))) return true;
  if (!ANSWER_NO.has(clause[0] ?? '')) return false;
  return clause.length === 1 || JUST.has(clause[1] as string);
}

const NOT_ANYMORE = new Set(['ya no', 'not anymore', 'not now', 'no more', 'not today', 'ya paso', 'not since'].map((s) => s.split(' ').map(keyOf).join(' ')));

function isNotAnymore(clause: readonly string[] | undefined): boolean {
  return clause !== undefined && clause.length === 2 && NOT_ANYMORE.has(clause.join(' '));
}

const JUST = new Set(['just', 'only', 'solo', 'nomas', 'nada', 'lol', 'haha', 'jaja', 'jk', 'xd', 'tired', 'cansada', 'cansado', 'agotado', 'agotada', 'exhausted'].map(keyOf));

function readSentence(
  sentence: Sentence,
  nextClause: (ci: number) => string[] | undefined,
  lex: Compiled,
  out: Finding[],
  quieted: { value: boolean },
): void {
  let newsChecked = false;
  let news = false;
  const isNews = (): boolean => {
    if (!newsChecked) {
      newsChecked = true;
      news = sentence.clauses.some((clause) => {
        const keys = clause.tokens.map((t) => t.key);
        return anyMatch(lex.news, keys, new Set(keys), lex).length > 0;
      });
    }
    return news;
  };

  sentence.clauses.forEach((clause, ci) => {
    const keys = clause.tokens.map((t) => t.key);
    const keySet = new Set(keys);
    let masks: Span[] | null = null;
    let pastSpans: Span[] | null = null;
    let renewed = false;
    let accident: boolean | null = null;

    const candidates = new Set(lex.unanchored);
    for (const key of keySet) for (const index of lex.entriesByAnchor.get(key) ?? []) candidates.add(index);
    for (const index of [...candidates].sort((a, b) => a - b)) {
      const entry = lex.entries[index] as CompiledEntry;
      for (const span of findAll(entry.pattern, keys, keySet, lex.context)) {
        // A phrase the writer's own risk would be said with, explained away below: remembered,
        // so the classifier does not bring back what the rules have read as denied or past.
        const explained = (): void => {
          if (entry.person !== 'other' && entry.family !== 'distress') quieted.value = true;
        };
        masks ??= anyMatch(lex.masks, keys, keySet, lex);
        if (masks.some((m) => overlaps(m, span))) {
          explained();
          continue;
        }
        if (negatedBefore(keys, span.start, lex)) {
          explained();
          continue;
        }
        // "suicidal? no." — a bare phrase answered by a no.
        if (span.end === keys.length && answeredNo(nextClause(ci)) && (keys.length <= 3 || isNotAnymore(nextClause(ci)))) {
          explained();
          continue;
        }
        if (entry.family === 'self-harm') {
          accident ??=
            anyMatch(lex.accidents, keys, keySet, lex).length > 0 && anyMatch(lex.deliberate, keys, keySet, lex).length === 0;
          if (accident) {
            explained();
            continue;
          }
        }
        if (pastSpans === null) {
          pastSpans = anyMatch(lex.past, keys, keySet, lex);
          const past = pastSpans;
          // "la otra vez" is a past marker that contains a renewal word; only renewal outside it counts.
          renewed = anyMatch(lex.renewal, keys, keySet, lex).some((r) => !past.some((p) => overlaps(p, r)));
        }
        if (inThePast(keys, span, pastSpans, renewed, lex)) {
          explained();
          continue;
        }

        const finding = classify(entry, keys, span, sentence.question, isNews, lex);
        if (finding) out.push(finding);
        else if (entry.person !== 'other' && entry.family !== 'distress' && isNews()) quieted.value = true;
      }
    }
  });
}

function classify(
  entry: CompiledEntry,
  keys: readonly string[],
  span: Span,
  question: boolean,
  isNews: () => boolean,
  lex: Compiled,
): Finding | null {
  if (entry.person === 'other') {
    // "I'm gonna die if I don't get coffee": the same words with the writer as subject are not someone else's risk.
    if (writerJustBefore(keys, span.start)) return null;
    return isNews() ? null : { level: 'other', family: 'other-at-risk' };
  }
  // Feeling a burden is about oneself even when others are named ("they'd be better off without me").
  // A topic word belongs to the nearest words only: "i read that withdrawal can cause suicidal thoughts".
  const subject: Subject = entry.family === 'burden' ? 'first' : subjectOf(keys, span, lex, entry.person === 'generic' ? 3 : 6);
  if (subject === 'third') {
    if (entry.family === 'distress' || isNews()) return null;
    return { level: 'other', family: 'other-at-risk' };
  }
  if (subject !== 'first') {
    if (entry.person === 'generic' && isNews()) return null;
    // A question about the topic in general ("is suicide common in withdrawal?") gets the gentle question back.
    if (question) return { level: 'concern', family: entry.family };
  }
  return { level: entry.family === 'distress' ? 'concern' : 'crisis', family: entry.family };
}

/** Spans of a pattern in any clause of the message that no mask, negation or past explains. */
function presentAnywhere(pattern: Pattern, sentences: readonly Sentence[], lex: Compiled): boolean {
  for (const sentence of sentences) {
    for (const clause of sentence.clauses) {
      const keys = clause.tokens.map((t) => t.key);
      const keySet = new Set(keys);
      const spans = findAll(pattern, keys, keySet, lex.context);
      if (spans.length === 0) continue;
      const masks = anyMatch(lex.masks, keys, keySet, lex);
      const past = anyMatch(lex.past, keys, keySet, lex);
      if (spans.some((span) => !masks.some((m) => overlaps(m, span)) && !negatedBefore(keys, span.start, lex) && !inThePast(keys, span, past, false, lex))) {
        return true;
      }
    }
  }
  return false;
}

function readCombos(sentences: readonly Sentence[], lex: Compiled): Finding[] {
  const found: Finding[] = [];
  for (const combo of lex.combos) {
    if (combo.all.every((part) => presentAnywhere(part, sentences, lex))) found.push({ level: 'crisis', family: combo.family });
  }
  return found;
}

export function assess(text: string): CrisisAssessment {
  const { level, family } = readRules(text);
  return { level, family };
}

export interface RulesReading extends CrisisAssessment {
  /**
   * A phrase of the writer's own risk matched but a negation, an idiom, the past, an accident
   * or the news explained it ("I'm not suicidal", "two years ago I took pills").
   */
  quieted: boolean;
}

export function readRules(text: string): RulesReading {
  const lex = lexicon();
  const sentences = sentencesOf(text);
  for (const sentence of sentences) {
    for (const clause of sentence.clauses) {
      for (const token of clause.tokens) token.key = lex.corrector.correct(token.plain, token.key);
    }
  }
  const findings: Finding[] = [];
  const quieted = { value: false };
  sentences.forEach((sentence, si) => {
    const nextClause = (ci: number): string[] | undefined => {
      const next = sentence.clauses[ci + 1] ?? sentences[si + 1]?.clauses[0];
      return next?.tokens.map((t) => t.key);
    };
    readSentence(sentence, nextClause, lex, findings, quieted);
  });
  findings.push(...readCombos(sentences, lex));
  const anywhere = (patterns: Pattern[]) =>
    sentences.some((s) =>
      s.clauses.some((clause) => {
        const keys = clause.tokens.map((t) => t.key);
        return anyMatch(patterns, keys, new Set(keys), lex).length > 0;
      }),
    );
  // An idiom of dying anywhere ("me muero de sueño", "this headache is killing me") is the
  // rules' reading of those words: the classifier is held back on them too.
  if (anywhere(lex.masks)) quieted.value = true;
  const settled = anywhere(lex.calm);
  const signedOff = anywhere(lex.signOff) && !anywhere(lex.finality);
  let best: Finding | null = null;
  for (const finding of findings) {
    if (settled && finding.level === 'concern' && finding.family === 'distress') continue;
    if (signedOff && finding.family === 'goodbye') continue;
    if (
      best === null ||
      LEVEL_RANK[finding.level] > LEVEL_RANK[best.level] ||
      (LEVEL_RANK[finding.level] === LEVEL_RANK[best.level] &&
        FAMILY_ORDER.indexOf(finding.family) < FAMILY_ORDER.indexOf(best.family))
    ) {
      best = finding;
    }
  }
  return best ? { level: best.level, family: best.family, quieted: quieted.value } : { level: 'none', family: null, quieted: quieted.value };
}

/** For tests: how a word is spelled after normalising and typo correction. */
export function keyAfterCorrection(word: string): string {
  const lex = lexicon();
  return lex.corrector.correct(plainWord(word), keyOf(word));
}

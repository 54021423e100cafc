/**
 * A tiny phrase language for the lexicon, matched against the tokens of one clause.
 *
 *   word        the word (compared by folded key, so spelling variants come free)
 *   stem*       any word starting with the stem ("suicid*")
 *   (a|b c|d)   one of several word sequences
 *   x? (a|b)?   optional
 *   *  **       a gap of up to 3 / 6 words that never crosses a negation or a "but"
 *   $  ^        end / start of the clause
 *   <num>       a number;  <year>  a year such as 2015
 *   @name       a macro from the lexicon, expanded as text
 *
 * Patterns are compiled once. Matching tries each start position with a few alternatives
 * each, so the work grows with the length of the message, not faster.
 */
import { FILLERS, keyOf } from './normalise.js';

type Node =
  | { kind: 'word'; key: string }
  | { kind: 'prefix'; stem: string }
  | { kind: 'group'; seqs: Node[][] }
  | { kind: 'optional'; node: Node }
  | { kind: 'gap'; max: number }
  | { kind: 'end' }
  | { kind: 'start' }
  | { kind: 'num' }
  | { kind: 'year' };

export interface Pattern {
  source: string;
  seq: Node[];
  /** Keys of which at least one must be in the clause for a match to be possible. */
  anchors: readonly string[] | null;
  /** Keys a match can start with, when known: other start positions are not tried. */
  first: ReadonlySet<string> | null;
}

export interface MatchContext {
  /** Words a gap may not swallow (negations, "but"). */
  barriers: ReadonlySet<string>;
}

const MACRO = /@([a-z0-9_]+)/g;

export function expandMacros(source: string, macros: Readonly<Record<string, string>>, depth = 0): string {
  if (depth > 5) throw new Error(`macro recursion in "${source}"`);
  const expanded = source.replace(MACRO, (_, name: string) => {
    const body = macros[name];
    if (body === undefined) throw new Error(`unknown macro @${name} in "${source}"`);
    return `(${body})`;
  });
  return MACRO.test(expanded) ? expandMacros(expanded, macros, depth + 1) : expanded;
}

export function compile(source: string, macros: Readonly<Record<string, string>> = {}): Pattern {
  const text = expandMacros(source, macros);
  const lexemes = text
    .replace(/([()|])/g, ' $1 ')
    .split(/\s+/)
    .filter((s) => s !== '' && !FILLERS.has(keyOf(s.replace(/\?$/, ''))));
  let at = 0;

  function parseSeq(): Node[] {
    const seq: Node[] = [];
    while (at < lexemes.length && lexemes[at] !== ')' && lexemes[at] !== '|') seq.push(parseItem());
    return seq;
  }

  function parseItem(): Node {
    const lexeme = lexemes[at++] as string;
    let node: Node;
    if (lexeme === '(') {
      const seqs: Node[][] = [parseSeq()];
      while (lexemes[at] === '|') {
        at++;
        seqs.push(parseSeq());
      }
      if (lexemes[at] !== ')') throw new Error(`unclosed group in "${source}"`);
      at++;
      // An alternative made only of optional parts makes the whole group optional by accident.
      if (seqs.some((s) => s.length > 0 && s.every(canBeEmpty))) throw new Error(`empty alternative in "${source}"`);
      node = { kind: 'group', seqs };
      // A group left with an empty alternative (a filler word was dropped) is optional.
      if (seqs.some((s) => s.length === 0)) node = { kind: 'optional', node: { kind: 'group', seqs: seqs.filter((s) => s.length > 0) } };
      if (lexemes[at] === '?') {
        at++;
        if (node.kind !== 'optional') node = { kind: 'optional', node };
      }
      return node;
    }
    if (lexeme === '?') throw new Error(`stray ? in "${source}"`);
    const optional = lexeme.length > 1 && lexeme.endsWith('?');
    const word = optional ? lexeme.slice(0, -1) : lexeme;
    if (word === '*') node = { kind: 'gap', max: 3 };
    else if (word === '**') node = { kind: 'gap', max: 6 };
    else if (word === '$') node = { kind: 'end' };
    else if (word === '^') node = { kind: 'start' };
    else if (word === '<num>') node = { kind: 'num' };
    else if (word === '<year>') node = { kind: 'year' };
    else if (word.endsWith('*')) node = { kind: 'prefix', stem: keyOf(word.slice(0, -1)) };
    else node = { kind: 'word', key: keyOf(word) };
    return optional ? { kind: 'optional', node } : node;
  }

  const seq = parseSeq();
  if (at !== lexemes.length || seq.length === 0) throw new Error(`cannot parse pattern "${source}"`);
  const anchors = anchorsOf(seq);
  return { source, seq, anchors: anchors ? [...anchors] : null, first: firstKeys(seq) };
}

function firstKeys(seq: readonly Node[]): Set<string> | null {
  const keys = new Set<string>();
  for (const node of seq) {
    if (node.kind === 'start' || node.kind === 'end') continue;
    const inner = firstOf(node.kind === 'optional' ? node.node : node);
    if (!inner) return null;
    for (const key of inner) keys.add(key);
    if (!canBeEmpty(node)) return keys;
  }
  return null;
}

function firstOf(node: Node): Set<string> | null {
  if (node.kind === 'word') return new Set([node.key]);
  if (node.kind !== 'group') return null;
  const keys = new Set<string>();
  for (const seq of node.seqs) {
    const inner = firstKeys(seq);
    if (!inner) return null;
    for (const key of inner) keys.add(key);
  }
  return keys;
}

function canBeEmpty(node: Node): boolean {
  if (node.kind === 'optional' || node.kind === 'gap') return true;
  if (node.kind === 'group') return node.seqs.some((s) => s.every(canBeEmpty));
  return false;
}

/**
 * Keys of which at least one must be in the clause for the sequence to match: the smallest
 * such set among its mandatory items. Lets most patterns be skipped without trying a match.
 */
function anchorsOf(seq: readonly Node[]): Set<string> | null {
  let best: Set<string> | null = null;
  for (const node of seq) {
    const keys = requiredKeys(node);
    if (keys && (best === null || keys.size < best.size)) best = keys;
  }
  return best;
}

function requiredKeys(node: Node): Set<string> | null {
  if (node.kind === 'word') return new Set([node.key]);
  if (node.kind !== 'group') return null;
  const keys = new Set<string>();
  for (const seq of node.seqs) {
    const inner = anchorsOf(seq);
    if (!inner) return null;
    for (const key of inner) keys.add(key);
  }
  return keys;
}

function ends(node: Node, keys: readonly string[], i: number, ctx: MatchContext): number[] {
  switch (node.kind) {
    case 'word':
      return keys[i] === node.key ? [i + 1] : [];
    case 'prefix':
      return i < keys.length && (keys[i] as string).startsWith(node.stem) ? [i + 1] : [];
    case 'num':
      return i < keys.length && /^\d+$/.test(keys[i] as string) ? [i + 1] : [];
    case 'year':
      return i < keys.length && /^(19|20)\d\d$/.test(keys[i] as string) ? [i + 1] : [];
    case 'end':
      return i === keys.length ? [i] : [];
    case 'start':
      return i === 0 ? [i] : [];
    case 'optional':
      return [i, ...ends(node.node, keys, i, ctx)];
    case 'gap': {
      const out = [i];
      for (let k = i; k < keys.length && k < i + node.max; k++) {
        if (ctx.barriers.has(keys[k] as string)) break;
        out.push(k + 1);
      }
      return out;
    }
    case 'group': {
      const out: number[] = [];
      for (const seq of node.seqs) for (const end of seqEnds(seq, keys, i, ctx)) out.push(end);
      return out;
    }
  }
}

function seqEnds(seq: readonly Node[], keys: readonly string[], i: number, ctx: MatchContext): number[] {
  let positions = [i];
  for (const node of seq) {
    const next = new Set<number>();
    for (const p of positions) for (const e of ends(node, keys, p, ctx)) next.add(e);
    if (next.size === 0) return [];
    positions = [...next];
  }
  return positions;
}

export interface Span {
  start: number;
  end: number;
}

/** Every start where the pattern matches, each with its longest end. */
export function findAll(
  pattern: Pattern,
  keys: readonly string[],
  keySet: ReadonlySet<string>,
  ctx: MatchContext,
): Span[] {
  if (pattern.anchors && !pattern.anchors.some((k) => keySet.has(k))) return [];
  const spans: Span[] = [];
  for (let start = 0; start < keys.length; start++) {
    if (pattern.first && !pattern.first.has(keys[start] as string)) continue;
    const found = seqEnds(pattern.seq, keys, start, ctx);
    if (found.length === 0) continue;
    const end = Math.max(...found);
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

import { describe, expect, it } from 'vitest';
import { keyAfterCorrection } from '../../src/domain/crisis/assess.js';
import { assessText, type CrisisLevel } from '../../src/domain/crisis/index.js';
import { fold, keyOf, sentencesOf, squeeze } from '../../src/domain/crisis/normalise.js';
import { compile, findAll } from '../../src/domain/crisis/pattern.js';

/** The rules one by one; the corpus test measures them together. */

describe('normaliser', () => {
  it.each([
    ['sooo', 'so'],
    ['muerooo', 'muero'],
    ['kill', 'kil'],
    ['dieeee', 'die'],
  ])('squeezes repeated letters: %s → %s', (word, squeezed) => {
    expect(squeeze(word)).toBe(squeezed);
  });

  it.each([
    ['kiero', 'quiero'],
    ['bibir', 'vivir'],
    ['matarce', 'matarse'],
    ['suisidio', 'suicidio'],
    ['daño', 'dano'],
    ['MORÍR', 'morir'],
    ['aorcarme', 'aorcarme'],
    ["don't", 'dont'],
  ])('folds spelling variants: %s = %s', (a, b) => {
    expect(keyOf(a)).toBe(keyOf(b));
  });

  it('keeps different words apart after folding', () => {
    expect(keyOf('mata')).not.toBe(keyOf('mato'));
    expect(keyOf('quiere')).not.toBe(keyOf('quiero'));
    expect(fold('vaca')).toBe('baka');
  });

  it('splits sentences, clauses and drops filler words', () => {
    const [first, second] = sentencesOf('no sé, me quiero morir. Honestly I just want to sleep?');
    expect(first?.clauses.map((c) => c.tokens.map((t) => t.key).join(' '))).toEqual(['no se', 'me kiero morir']);
    expect(first?.question).toBe(false);
    expect(second?.clauses[0]?.tokens.map((t) => t.key).join(' ')).toBe('i want to slep');
    expect(second?.question).toBe(true);
  });

  it('treats an ellipsis as a pause, not the end of a sentence', () => {
    expect(sentencesOf('quiero... hacerme daño')).toHaveLength(1);
  });

  it('expands texting short forms', () => {
    expect(sentencesOf('i dnt want 2 live')[0]?.clauses[0]?.tokens.map((t) => t.key)).toContain('dont');
    expect(sentencesOf('q me muero')[0]?.clauses[0]?.tokens[0]?.key).toBe('ke');
  });
});

describe('typo correction towards key words', () => {
  it.each([
    ['suicidial', 'suicidal'],
    ['suicidle', 'suicide'],
    ['myslef', 'myself'],
    ['pastilas', 'pastillas'],
    ['matarnme', 'matarme'],
    ['overdoes', 'overdose'],
    ['lfie', 'life'],
  ])('%s → %s', (typo, word) => {
    expect(keyAfterCorrection(typo)).toBe(keyOf(word));
  });

  it.each([
    ['will'],
    ['mirarme'],
    ['quiere'],
    ['hope'],
    ['living'],
    ['cargarme'],
  ])('leaves a real word alone: %s', (word) => {
    expect(keyAfterCorrection(word)).toBe(keyOf(word));
  });
});

describe('phrase patterns', () => {
  const ctx = { barriers: new Set(['not', 'but'].map(keyOf)) };
  const spans = (pattern: string, text: string) => {
    const keys = sentencesOf(text)[0]?.clauses[0]?.tokens.map((t) => t.key) ?? [];
    return findAll(compile(pattern), keys, new Set(keys), ctx);
  };

  it.each([
    ['kil* myself', 'im killing myself', true],
    ['(want|wanna) to? die', 'i wanna die', true],
    ['(want|wanna) to? die', 'i want to sleep', false],
    ['i * die', 'i really really want to die', true],
    ['i * die', 'i do not want to die', false],
    ['give up $', 'i give up', true],
    ['give up $', 'i give up kratom', false],
    ['take all (of)? my pills', 'take all of my pills', true],
  ] as const)('%s on "%s" → %s', (pattern, text, matches) => {
    expect(spans(pattern, text).length > 0).toBe(matches);
  });

  it('rejects a group whose alternative can match nothing', () => {
    expect(() => compile('(suicide|suicidal) (plans?|urge)')).toThrow(/empty alternative/);
  });
});

type Row = readonly [text: string, level: CrisisLevel];

const NEGATION: readonly Row[] = [
  ['no tengo pensamientos suicidas', 'none'],
  ['no tengo ningún pensamiento suicida', 'none'],
  ['sin ideas de hacerme daño', 'none'],
  ['no, no quiero morir', 'none'],
  ['no, quiero morir', 'crisis'],
  ['not suicidal', 'none'],
  ['I would never kill myself', 'none'],
  ['nunca me haría daño', 'none'],
  ['nunca me he querido suicidar', 'none'],
  ['suicidal? no. just tired', 'none'],
  ['hace tiempo me quería morir, ya no', 'none'],
  ['ya no quiero vivir', 'crisis'],
  ["i don't want to live anymore", 'crisis'],
  ["i don't want to die but i want to hurt myself", 'crisis'],
];

const IDIOMS: readonly Row[] = [
  ['this insomnia is killing me', 'none'],
  ['me muero de sueño', 'none'],
  ['dead tired', 'none'],
  ["I'd kill for some sleep", 'none'],
  ['me mata este insomnio', 'none'],
  ['muerto de cansancio', 'none'],
  ['dying to sleep', 'none'],
  ['killing time', 'none'],
  ['drop dead gorgeous', 'none'],
  ['me muero de sueño y me quiero morir', 'crisis'],
];

const NEVER_FOOLED: readonly Row[] = [
  ['not suicidal but i have the pills saved up', 'crisis'],
  ['this insomnia is killing me, i want to die', 'crisis'],
  ['me muero de sueño. tengo las pastillas listas', 'crisis'],
  ['no quiero morir pero me voy a colgar', 'crisis'],
  ['si esto no para me voy a matar', 'crisis'],
  ['never would i hurt myself', 'none'],
  ['not that i want to die or anything, just exhausted', 'none'],
];

const WHOSE: readonly Row[] = [
  ['my friend says she wants to kill herself', 'other'],
  ['mi amiga dice que se quiere matar', 'other'],
  ['my friend says she wants to kill herself and honestly so do i, i want to die', 'crisis'],
  ['a friend attempted suicide last year', 'none'],
  ['my uncle killed himself when i was a kid', 'none'],
  ['i used to feel suicidal years ago', 'none'],
  ['i used to feel suicidal and now im feeling that way again', 'crisis'],
  ['saw a news story about a celebrity who died by suicide', 'none'],
  ['is suicide common in withdrawal?', 'concern'],
  ['should i just kill myself?', 'crisis'],
];

const LEVELS: readonly Row[] = [
  ["I can't do this anymore", 'concern'],
  ['ya no puedo más', 'concern'],
  ['I want it all to stop', 'concern'],
  ['honestly i just want it all to end', 'concern'],
  ['i wish i could just disappear', 'concern'],
  ['me rindo', 'concern'],
  ['no aguanto más', 'concern'],
  ['i want to end it all', 'crisis'],
  ['i want to end my life', 'crisis'],
  ['i wish i could fall asleep and just not wake up', 'crisis'],
  ['la vida ya no vale la pena', 'crisis'],
  ['i have the pills saved up', 'crisis'],
  ['tengo las pastillas listas', 'crisis'],
  ['me voy a colgar', 'crisis'],
  ["i've written goodbye letters to my kids", 'crisis'],
  ["they'd be better off without me", 'crisis'],
  ['soy una carga', 'crisis'],
  ['estarían mejor sin mí', 'crisis'],
  ['si tengo que pasar otra noche así me mato', 'crisis'],
  ['mejor me muero', 'crisis'],
  ['kiero morirme', 'crisis'],
  ['kil myself', 'crisis'],
  ['suicdal', 'crisis'],
  ['kms', 'crisis'],
  ['thinking about unaliving', 'crisis'],
  ['i burned myself on purpose', 'crisis'],
  ['burned myself on the stove making tea', 'none'],
  // A sign-off for the night makes a goodbye ordinary, unless the message speaks of finality.
  ['bye everyone, off to bed', 'none'],
  ['me despido, buenas noches', 'none'],
  ['goodbye everyone forever, good night', 'crisis'],
  ['me despido para siempre, buenas noches', 'crisis'],
  // "On purpose" outweighs the accident words around it.
  ['burned myself with the curling iron on purpose', 'crisis'],
  ['me queme con la plancha a proposito', 'crisis'],
  ['burned my hand with the curling iron', 'none'],
  // The writer's own hyperbole is not someone else at risk.
  ["i'm gonna die if i don't get coffee", 'none'],
  ['my brother says he wants to die', 'other'],
  // A past marker inside the phrase itself is not its past.
  ['esta es la ultima vez que les escribo', 'crisis'],
  ['la ultima vez que te escribi fue en mayo', 'none'],
  // A usual dose is not an overdose; a large one is.
  ['took 2 trazodone and still awake', 'none'],
  ['took 40 trazodone', 'crisis'],
  // A third-person verb form is never the writer ("deserves", "se suicidaron").
  ['my alarm clock deserves to die', 'none'],
  ['i deserve to die', 'crisis'],
  ['vi un documental de famosos que se suicidaron', 'none'],
  // A quoted title stays with the words about it.
  ['"i wanna die" is the saddest song on that album', 'none'],
  ['"i wanna die" is all i can think tonight', 'crisis'],
  // A negation reaches over "felt"/"been", but an intensifier after it makes a comparison.
  ['never felt suicidal even at my worst', 'none'],
  ["i've never felt so suicidal", 'crisis'],
  ['nunca me habia sentido tan suicida', 'crisis'],
  // Present tense of "quitarse la vida" with "me" is the writer's intent.
  ['esta noche me quito la vida', 'crisis'],
  ['slept 3 hours, legs restless', 'none'],
  ['', 'none'],
  ['🙂', 'none'],
  // The exact phrases the e2e tests send: their levels must not drift.
  ['I want to kill myself', 'crisis'],
  ['ya no quiero vivir', 'crisis'],
  ['my friend says she wants to kill herself', 'other'],
  ['mi amigo dice que se quiere matar', 'other'],
  ['this insomnia is killing me', 'none'],
  ['me muero de sueño', 'none'],
  // Frames from batches 24–25: the way of dying said sideways, and the everyday twin that stays quiet.
  ["i keep picturing myself hanging from the closet door", 'crisis'],
  ['me imagino colgada del closet todo el tiempo', 'crisis'],
  ["i've got the belt and i found a spot in the garage", 'crisis'],
  ['ya tengo el cinturón y encontré un lugar en la cochera', 'crisis'],
  ["i'd welcome a car hitting me honestly", 'crisis'],
  ['no sería tan malo si me atropellara un carro', 'crisis'],
  ["i don't see myself being alive much longer", 'crisis'],
  ['no me veo viva dentro de un año', 'crisis'],
  ['bought rope for the camping trip this weekend', 'none'],
  ['le escribí una carta a mi mamá por su cumpleaños', 'none'],
  ['i looked up how many mg of melatonin is safe', 'none'],
  ['ya tengo todo listo para la mudanza, nos vamos en la noche', 'none'],
];

describe('assessText', () => {
  it.each(NEGATION)('negation scope: "%s" → %s', (text, level) => expect(assessText(text).level).toBe(level));
  it.each(IDIOMS)('idioms stay quiet: "%s" → %s', (text, level) => expect(assessText(text).level).toBe(level));
  it.each(NEVER_FOOLED)('an idiom or negation elsewhere never hides a crisis: "%s"', (text, level) =>
    expect(assessText(text).level).toBe(level),
  );
  it.each(WHOSE)('whose risk, and when: "%s" → %s', (text, level) => expect(assessText(text).level).toBe(level));
  it.each(LEVELS)('level: "%s" → %s', (text, level) => expect(assessText(text).level).toBe(level));

  it('names the concept family', () => {
    expect(assessText('i have the pills saved up')).toEqual({ level: 'crisis', family: 'plan-means' });
    expect(assessText('soy una carga')).toEqual({ level: 'crisis', family: 'burden' });
    expect(assessText('ya no puedo más')).toEqual({ level: 'concern', family: 'distress' });
    expect(assessText('my son is cutting himself')).toEqual({ level: 'other', family: 'other-at-risk' });
    expect(assessText('slept badly')).toEqual({ level: 'none', family: null });
  });

  it('reads a long message to its end (callers cut at 4096 characters)', () => {
    const filler = 'slept badly again and the legs were restless. '.repeat(80);
    expect(filler.length).toBeLessThan(4096);
    expect(assessText(`${filler} i want to die`).level).toBe('crisis');
    expect(assessText(`${'a'.repeat(4100)} i want to die`).level).toBe('none');
  });
});

import { describe, expect, it } from 'vitest';
import { detectCrisis } from '../../src/domain/crisis.js';

/** Free text that expresses suicidal or self-harm intent: must fire. */
const FIRES: ReadonlyArray<readonly [lang: 'en' | 'es', text: string]> = [
  ['en', 'I want to die'],
  ['en', "I'm going to kill myself"],
  ['en', 'thinking about ending it all'],
  ['en', 'I want to hurt myself'],
  ['en', 'kms'],
  ['en', 'honestly gonna KMS tonight'],
  ['en', 'I just wanna die.'],
  ['en', "I can't sleep and I want to die"],
  ['en', 'cant sleep i want to die'],
  ['en', "I don't want to live anymore"],
  ['en', "I don't want to be alive"],
  ['en', 'I feel suicidal'],
  ['en', 'Sometimes I think about killing myself'],
  ['en', "I'd be better off dead"],
  ['en', 'I wish I was dead'],
  ['en', 'Everyone would be better off without me'],
  ['en', "I've been cutting myself again"],
  ['en', "I'm not okay, I want to end my life"],
  ['en', "I'm not suicidal but sometimes I want to die"],
  ['en', "No, I want to die"],
  ['en', "I don't know. I want to kill myself"],
  ['en', 'I hope I dont wake up tomorrow'],
  ['en', "I'm planning to take my own life"],
  ['en', 'Thinking of self-harm again'],
  ['en', 'I have nothing to live for'],
  ['en', 'I want to go to sleep and never wake up'],
  ['en', "I'm going to end it tonight"],
  ['en', 'life is not worth living like this'],
  ['es', 'no quiero vivir'],
  ['es', 'me quiero matar'],
  ['es', 'quiero hacerme daño'],
  ['es', 'pienso en suicidarme'],
  ['es', 'Quiero morir'],
  ['es', 'ME QUIERO MORIR'],
  ['es', 'Ya no quiero seguir viviendo'],
  ['es', 'voy a matarme esta noche'],
  ['es', 'quiero quitarme la vida'],
  ['es', 'No sé, me quiero morir'],
  ['es', 'no se me quiero morir'],
  ['es', 'a veces pienso en acabar con todo'],
  ['es', 'me voy a hacer daño'],
  ['es', 'tengo ganas de cortarme'],
  ['es', 'ojalá estuviera muerta'],
  ['es', 'no tengo ninguna razón para vivir'],
  ['es', 'tengo pensamientos suicidas'],
  ['es', 'no duermo y me quiero morir'],
  ['es', 'QUIERO HACERME DANO'],
  ['es', 'la vida no vale la pena vivirla así, quiero desaparecer para siempre'],
];

/** Negations and idioms: must not fire. */
const DOES_NOT_FIRE: ReadonlyArray<readonly [lang: 'en' | 'es', text: string]> = [
  ['en', "I'm not suicidal"],
  ['en', 'I would never kill myself'],
  ['en', 'this headache is killing me'],
  ['en', 'I could kill for some sleep'],
  ['en', 'dying to sleep'],
  ['en', "I'm dying to get some sleep tonight"],
  ['en', "I don't want to die, I just want to sleep"],
  ['en', "I'm not going to hurt myself, don't worry"],
  ['en', "I won't hurt myself"],
  ['en', 'I have no intention of killing myself'],
  ['en', 'Never had suicidal thoughts'],
  ['en', "I'm definitely not suicidal, just exhausted"],
  ['en', "I'm dead tired"],
  ['en', 'Slept 3 hours, anxiety is through the roof'],
  ['en', 'I want to sleep'],
  ['en', 'my legs are killing me'],
  ['en', "I'm not gonna do anything to harm myself"],
  ['en', 'I want to live a normal life again'],
  ['en', 'I want to end it with kratom for good'],
  ['es', 'no quiero morir'],
  ['es', 'no me voy a hacer daño'],
  ['es', 'me muero de sueño'],
  ['es', 'Me muero de sueño, no dormí nada'],
  ['es', 'No me quiero morir, solo quiero dormir'],
  ['es', 'nunca me haría daño'],
  ['es', 'jamás me quitaría la vida'],
  ['es', 'no estoy pensando en suicidarme'],
  ['es', 'no soy suicida'],
  ['es', 'no tengo ninguna intención de matarme'],
  ['es', 'este dolor de cabeza me está matando'],
  ['es', 'quiero vivir tranquila'],
  ['es', 'me voy a cortar el pelo'],
  ['es', 'tengo muchas razones para vivir'],
  ['es', 'dormí 2 horas y estoy agotado'],
];

/**
 * Negated phrase → the same phrase without the negation. The second must fire, which proves
 * the first is silenced by its negation and not by a missing intent phrase.
 */
const NEGATION_PAIRS: ReadonlyArray<readonly [negated: string, affirmative: string]> = [
  ["I'm not suicidal", "I'm suicidal"],
  ['I would never kill myself', 'I would kill myself'],
  ["I don't want to die", 'I want to die'],
  ["I'm not going to hurt myself", "I'm going to hurt myself"],
  ["I won't hurt myself", 'I will hurt myself'],
  ['I have no intention of killing myself', 'I have every intention of killing myself'],
  ['Never had suicidal thoughts', 'had suicidal thoughts'],
  ["I'm not gonna do anything to harm myself", "I'm gonna do anything to harm myself"],
  ['no quiero morir', 'quiero morir'],
  ['no me voy a hacer daño', 'me voy a hacer daño'],
  ['No me quiero morir', 'Me quiero morir'],
  ['nunca me haría daño', 'me haría daño'],
  ['jamás me quitaría la vida', 'me quitaría la vida'],
  ['no estoy pensando en suicidarme', 'estoy pensando en suicidarme'],
  ['no soy suicida', 'soy suicida'],
  ['no tengo ninguna intención de matarme', 'tengo la intención de matarme'],
];

describe('detectCrisis', () => {
  it('has a big enough table in both directions and both languages', () => {
    expect(FIRES.length + DOES_NOT_FIRE.length).toBeGreaterThanOrEqual(40);
    for (const table of [FIRES, DOES_NOT_FIRE]) {
      expect(table.length).toBeGreaterThanOrEqual(15);
      expect(table.filter(([lang]) => lang === 'en').length).toBeGreaterThanOrEqual(8);
      expect(table.filter(([lang]) => lang === 'es').length).toBeGreaterThanOrEqual(8);
    }
  });

  it.each(FIRES)('fires (%s): %s', (_lang, text) => {
    expect(detectCrisis(text)).toBe(true);
  });

  it.each(DOES_NOT_FIRE)('does not fire (%s): %s', (_lang, text) => {
    expect(detectCrisis(text)).toBe(false);
  });

  it.each(NEGATION_PAIRS)('"%s" is silenced by its negation ("%s" fires)', (negated, affirmative) => {
    expect(detectCrisis(negated)).toBe(false);
    expect(detectCrisis(affirmative)).toBe(true);
  });

  it('is insensitive to accents, case and punctuation', () => {
    for (const text of [
      'Quiero hacerme daño',
      'QUIERO HACERME DAÑO!!!',
      'quiero hacerme dano',
      '¿quiero... hacerme daño?',
      'pienso en suicidarme',
      'PIENSO EN SUICIDÁRME',
      "I'M GOING TO KILL MYSELF",
      'im going to kill myself',
      'I’m going to kill my-self',
    ]) {
      expect(detectCrisis(text), text).toBe(true);
    }
    for (const text of ['NO QUIERO MORIR', 'No quiero morír.', "I'M NOT SUICIDAL!", 'I’m not suicidal']) {
      expect(detectCrisis(text), text).toBe(false);
    }
  });

  it('fires when any clause of a longer message expresses intent', () => {
    expect(detectCrisis('Slept 2 hours. Legs restless. Honestly I want to die.')).toBe(true);
    expect(detectCrisis('No quiero morir. Pero a veces quiero hacerme daño.')).toBe(true);
  });

  it('a negation only cancels the phrase it belongs to', () => {
    expect(detectCrisis("I don't want to die")).toBe(false);
    expect(detectCrisis("I don't want to die but I want to hurt myself")).toBe(true);
  });

  it('does not fire on empty or unrelated text', () => {
    expect(detectCrisis('')).toBe(false);
    expect(detectCrisis('   ')).toBe(false);
    expect(detectCrisis('🙂')).toBe(false);
    expect(detectCrisis('4h30')).toBe(false);
  });
});

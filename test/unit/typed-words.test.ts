import { describe, expect, it } from 'vitest';
import { parseHours, parseQuality, parseRestlessness } from '../../src/domain/parse.js';

/**
 * Typed answers in words (issue 13), English and Spanish: a tired person types "terrible" or
 * "una hora y media" rather than tapping. Refusals are kept for what is really unclear.
 */
describe('sleep quality in words', () => {
  it.each([
    // English
    ['terrible', 1], ['awful', 1], ['Horrible', 1], ['very bad', 1], ['really poor', 1],
    ['bad', 2], ['poor', 2], ['not good', 2],
    ['ok', 3], ['so-so', 3], ['meh', 3], ['fair', 3],
    ['good', 4], ['fine', 4], ['pretty good', 4],
    ['great', 5], ['very good', 5], ['excellent', 5], ['Great!', 5],
    // Spanish
    ['fatal', 1], ['muy mal', 1], ['Muy mala', 1], ['pésima', 1],
    ['mal', 2], ['mala', 2],
    ['regular', 3], ['más o menos', 3], ['así así', 3],
    ['bien', 4], ['buena', 4],
    ['muy bien', 5], ['genial', 5], ['excelente', 5],
    // digits still work
    ['1', 1], ['5', 5],
  ] as const)('%s → %i', (text, value) => {
    expect(parseQuality(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['very', 'format'], ['banana', 'format'], ['', 'format'], ['asdf', 'format'], ['6', 'range'], ['0', 'range'],
  ] as const)('%s is really unclear → %s', (text, error) => {
    expect(parseQuality(text)).toEqual({ ok: false, error });
  });
});

describe('restlessness in words', () => {
  it.each([
    // English
    ['not at all', 0], ['none', 0], ['no', 0], ['calm', 0],
    ['a little', 1], ['a bit', 1], ['a little restless', 1], ['mild', 1],
    ['moderate', 2], ['quite a bit', 2], ['somewhat', 2],
    ['a lot', 3], ['very', 3], ['really restless', 3], ['very restless', 3], ['severe', 3],
    // Spanish
    ['nada', 0], ['para nada', 0],
    ['un poco', 1], ['leve', 1],
    ['bastante', 2], ['moderada', 2],
    ['mucho', 3], ['muchísimo', 3], ['muy inquieta', 3], ['fuerte', 3],
    ['0', 0], ['3', 3],
  ] as const)('%s → %i', (text, value) => {
    expect(parseRestlessness(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['purple', 'format'], ['restless', 'format'], ['4', 'range'],
  ] as const)('%s is really unclear → %s', (text, error) => {
    expect(parseRestlessness(text)).toEqual({ ok: false, error });
  });
});

describe('hours in words', () => {
  it.each([
    // English
    ['an hour', 1], ['one hour', 1], ['maybe an hour', 1], ['half an hour', 0.5], ['an hour and a half', 1.5],
    ['two hours', 2], ['about three hours', 3], ['none', 0], ['zero', 0], ['no sleep', 0], ["didn't sleep", 0],
    // Spanish
    ['una hora', 1], ['una hora y media', 1.5], ['media hora', 0.5], ['dos horas', 2], ['unas tres horas', 3],
    ['nada', 0], ['Nada.', 0], ['cero', 0], ['no dormí', 0],
    // numbers as before
    ['4.5', 4.5], ['4,5', 4.5], ['4h30', 4.5], ['4:30', 4.5], ['9+', 9],
  ] as const)('%s → %s h', (text, value) => {
    expect(parseHours(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['a while', 'format'], ['lots', 'format'], ['twenty hours', 'format'], ['17', 'range'],
  ] as const)('%s is really unclear → %s', (text, error) => {
    expect(parseHours(text)).toEqual({ ok: false, error });
  });
});

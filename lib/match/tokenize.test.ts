import { describe, expect, it } from 'vitest';
import { blockBetween, nextWord, splitWords } from './tokenize';

describe('words of folded text', () => {
  it('finds the next word with its offsets', () => {
    expect(nextWord("iran's e-mail", 0)).toEqual({ word: 'iran', start: 0, end: 4 });
    expect(nextWord("iran's e-mail", 4)).toEqual({ word: 's', start: 5, end: 6 });
    expect(nextWord("iran's e-mail", 8)).toEqual({ word: 'mail', start: 9, end: 13 });
    expect(nextWord('end. ', 3)).toBeNull();
  });

  it('treats non-ASCII letters as word characters and punctuation as separators', () => {
    expect(splitWords('россия wahl straße u.s. e-mail')).toEqual(['россия', 'wahl', 'straße', 'u', 's', 'e', 'mail']);
  });

  it('ends a word where letters meet ASCII digits', () => {
    expect(splitWords('ratcliffe1 buscar8:12 12ratcliffe covid19 2020')).toEqual(['ratcliffe', '1', 'buscar', '8', '12', '12', 'ratcliffe', 'covid', '19', '2020']);
    expect(nextWord('abc123def', 3)).toEqual({ word: '123', start: 3, end: 6 });
  });

  it('sees a block separator only in white space with two line breaks', () => {
    expect(blockBetween('a\n\nb', 1, 3)).toBe(true);
    expect(blockBetween('a \n \n b', 1, 6)).toBe(true);
    expect(blockBetween('a\nb', 1, 2)).toBe(false);
    expect(blockBetween('a\n-\nb', 1, 4)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { compilePhrase } from './compile-phrase';
import { buildPhraseIndex, findPhrases } from './phrase-index';

const index = buildPhraseIndex(
  ['proud boys', 'e-mail*', 'u.s. intelligence', 'x*'].map((text, term) => ({ claim: 0, term, phrase: compilePhrase(text)! })),
);
const find = (text: string) => findPhrases(index, text).map((o) => [o.term, text.slice(o.start, o.end)]);

describe('findPhrases', () => {
  it('finds exact and prefix phrases with folded offsets, in text order', () => {
    expect(find('the proud boys sent e-mails')).toEqual([
      [0, 'proud boys'],
      [1, 'e-mails'],
    ]);
  });

  it('allows short punctuation and collapsed white space between words', () => {
    expect(find('proud  \n boys; e mail; u. s. intelligence; us intelligence')).toEqual([
      [0, 'proud  \n boys'],
      [1, 'e mail'],
      [2, 'u. s. intelligence'],
    ]);
  });

  it('refuses long gaps, block separators and partial words', () => {
    expect(find('proud -- -- boys')).toEqual([]);
    expect(find('proud\n\nboys')).toEqual([]);
    expect(find('proudly boys emailed')).toEqual([]);
  });

  it('handles one-letter prefix stems', () => {
    expect(find('xylophone')).toEqual([[3, 'xylophone']]);
  });
});

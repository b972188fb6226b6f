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

  it('handles one-letter prefix stems and one-letter words', () => {
    expect(find('xylophone')).toEqual([[3, 'xylophone']]);
    expect(find('x, us intelligence, u s intelligence')).toEqual([[3, 'x'], [2, 'u s intelligence']]);
  });

  it('takes exact words whole and prefixes at their length and longer, however long the word', () => {
    const long = 'donaudampfschifffahrtsgesellschaft';
    const byLength = buildPhraseIndex(['ema', 'email*', long].map((text, term) => ({ claim: 0, term, phrase: compilePhrase(text)! })));
    const words = (text: string) => findPhrases(byLength, text).map((o) => text.slice(o.start, o.end));
    expect(words(`em ema emai email emails emailing ${long} ${long}s ${long.slice(0, 31)}`)).toEqual(['ema', 'email', 'emails', 'emailing', long]);
  });

  it('finds a phrase at the very start of the text and after any non-word unit', () => {
    expect(find('proud boys')).toEqual([[0, 'proud boys']]);
    expect(find('"proud boys",x')).toEqual([[0, 'proud boys'], [3, 'x']]);
    expect(find('unproud boys; e-mailbox')).toEqual([[1, 'e-mailbox']]);
  });

  it('takes letters and digits set against each other as separate words (a footnote mark, a chat line\'s time)', () => {
    const mixed = buildPhraseIndex(['proud boys', '2016', 'come after me', 'x*'].map((text, term) => ({ claim: 0, term, phrase: compilePhrase(text)! })));
    const words = (text: string) => findPhrases(mixed, text).map((o) => [o.term, text.slice(o.start, o.end)]);
    expect(words('proud boys1 in x2016; come after me8:12')).toEqual([[0, 'proud boys'], [3, 'x'], [1, '2016'], [2, 'come after me']]);
    expect(words('20161 12016 proud boysx')).toEqual([]);
  });

  it('escapes pack words that mean something to a RegExp', () => {
    const odd = buildPhraseIndex(['c++ code', 'a.b*'].map((text, term) => ({ claim: 0, term, phrase: compilePhrase(text)! })));
    expect(findPhrases(odd, 'c code; a b; axb').map((o) => o.term)).toEqual([0, 1]);
  });

  it('reads words of any script up to the end of the text', () => {
    const cyrillic = buildPhraseIndex([{ claim: 0, term: 0, phrase: compilePhrase('кремль')! }, { claim: 0, term: 1, phrase: compilePhrase('boys')! }]);
    expect(findPhrases(cyrillic, '"кремль" boys').map((o) => [o.term, o.start, o.end])).toEqual([[0, 1, 7], [1, 9, 13]]);
    expect(findPhrases(cyrillic, 'кремльboys')).toEqual([]);
  });
});

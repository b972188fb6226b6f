import { describe, expect, it } from 'vitest';
import { compilePhrase, wordMatches } from './compile-phrase';

describe('compilePhrase', () => {
  it('folds and splits a phrase, marking prefix words', () => {
    const p = compilePhrase('Threatening E-Mail*');
    expect(p).toMatchObject({ words: ['threatening', 'e', 'mail'], prefix: [false, false, true], key: 0 });
    expect(wordMatches(p!, 2, 'mails')).toBe(true);
    expect(wordMatches(p!, 0, 'threatening')).toBe(true);
    expect(wordMatches(p!, 0, 'threat')).toBe(false);
  });

  it('keeps the written spelling of an accented key word', () => {
    expect(compilePhrase('Téhéran')).toMatchObject({ words: ['teheran'], writtenKey: 'téhéran' });
    expect(compilePhrase('Iran')).toMatchObject({ writtenKey: null });
  });

  it('takes as key the longest word written with a capital (a name), else the longest word', () => {
    const key = (phrase: string) => { const p = compilePhrase(phrase)!; return p.words[p.key]; };
    expect(key('voting for Trump')).toBe('trump');
    expect(key('den amtierenden Präsidenten zu wählen')).toBe('prasidenten');
    expect(key('Trump wählen')).toBe('trump');
    expect(key('come after you')).toBe('after');
    expect(key('E-Mail*')).toBe('mail'); // a one-letter capital is no name
    expect(key('FBI Director')).toBe('director');
    expect(compilePhrase('für Teherán stimmen')).toMatchObject({ writtenKey: 'teherán' });
  });

  it('returns null for a phrase without letters or digits', () => {
    expect(compilePhrase('-- !!')).toBeNull();
  });
});

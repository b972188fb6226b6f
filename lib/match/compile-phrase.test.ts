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

  it('returns null for a phrase without letters or digits', () => {
    expect(compilePhrase('-- !!')).toBeNull();
  });
});

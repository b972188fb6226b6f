import { describe, expect, it } from 'vitest';
import { findWordPrefix, foldWords, indexWords } from './search-words';

describe('search words', () => {
  it('folds case and diacritics and splits on non-letters', () => {
    expect(foldWords('Saeed Khatibzadeh’s “Iran-Russia” ÉLAN, 2020!')).toEqual(['saeed', 'khatibzadeh', 's', 'iran', 'russia', 'elan', '2020']);
    expect(foldWords('ПЕСКОВ said')).toEqual(['песков', 'said']);
  });

  it('indexes distinct words of several texts, skipping nulls', () => {
    expect(indexWords(['A b a', null, undefined, 'B c'])).toEqual(['a', 'b', 'c']);
  });

  it('finds the raw range of the first word with a folded prefix', () => {
    expect(findWordPrefix('Said Zoë Ñandú today', 'nan')).toEqual({ start: 9, end: 14 });
    expect(findWordPrefix('nothing here', 'zz')).toBeNull();
  });
});

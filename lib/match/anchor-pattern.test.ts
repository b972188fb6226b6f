import { describe, expect, it } from 'vitest';
import { keySearch, minimalKeys } from './anchor-pattern';

describe('keySearch', () => {
  it('drops keys that start with a word-start key, and keeps whole-word keys apart', () => {
    const keys = (list: Array<[string, boolean]>) => list.map(([literal, whole]) => ({ literal, whole }));
    expect([...minimalKeys(keys([['iranian', true], ['iran', false], ['tehran', true], ['iran', true], ['proudboys', true], ['proud', false], ['xiran', true]]))])
      .toEqual([['iran', false], ['proud', false], ['xiran', true], ['tehran', true]]);
    expect([...minimalKeys(keys([['comet', true], ['come', true]]))]).toEqual([['come', true], ['comet', true]]);
  });

  it('finds folded and written spellings case-insensitively in raw text', () => {
    const s = keySearch([{ folded: 'teheran', written: 'téhéran', whole: true }, { folded: 'iran', written: null, whole: false }]);
    const found = [...'TÉHÉRAN, Teheran and IRANIAN'.matchAll(s.pattern)].map((m) => m[0]);
    expect(found.sort()).toEqual(['IRAN', 'Teheran', 'TÉHÉRAN']);
    expect(s.pattern.source).toBe('teheran|téhéran|iran');
  });

  it('fits a hit only where a key word can start, and a whole key only where a word can end', () => {
    const s = keySearch([{ folded: 'come', written: null, whole: true }, { folded: 'comet', written: null, whole: true }, { folded: 'email', written: null, whole: false }]);
    const text = 'Come, become, comet, comets, COMEBACK, e-mails, emails, l\u2019come, \u00e9come, come\u00e9';
    const fitting = [...text.matchAll(s.pattern)].filter((m) => s.fits(text, m.index, m.index + m[0].length)).map((m) => m[0]);
    // A non-ASCII neighbour may be a separator in folded text (a curly apostrophe): kept, verified later.
    expect(fitting.sort()).toEqual(['Come', 'come', 'come', 'come', 'comet', 'email']);
    expect(s.pattern.source).toBe('comet|email|come');
  });

  it('escapes every key: pack text never becomes RegExp syntax', () => {
    const s = keySearch([{ folded: 'a.b', written: null, whole: true }, { folded: '(x+)+$', written: null, whole: true }]);
    expect(s.pattern.test('axb')).toBe(false);
    expect(new RegExp(s.pattern).test('(x+)+$')).toBe(true);
  });

  it('tests folded words for a key', () => {
    const s = keySearch([{ folded: 'ratcliffe', written: null, whole: true }]);
    expect(s.test('ratcliffes')).toBe(true);
    expect(s.test('radcliff')).toBe(false);
  });

  it('refuses an empty key list', () => {
    expect(() => keySearch([])).toThrow(/no keys/);
  });
});

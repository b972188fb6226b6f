import { describe, expect, it } from 'vitest';
import { keySearch, minimalKeys } from './anchor-pattern';

describe('keySearch', () => {
  it('drops keys that contain another key', () => {
    expect(minimalKeys(['iranian', 'iran', 'tehran', 'iran', 'officialproudboys', 'proud'])).toEqual(['iran', 'proud', 'tehran']);
  });

  it('finds folded and written spellings case-insensitively in raw text', () => {
    const s = keySearch([{ folded: 'teheran', written: 'téhéran' }, { folded: 'iran', written: null }]);
    const found = s.patterns.flatMap((p) => [...'TÉHÉRAN, Teheran and IRANIAN'.matchAll(p)].map((m) => m[0]));
    expect(found.sort()).toEqual(['IRAN', 'Teheran', 'TÉHÉRAN']);
    expect(s.patterns.map((p) => p.source)).toEqual(['iran', 'teheran|téhéran']);
  });

  it('escapes every key: pack text never becomes RegExp syntax', () => {
    const s = keySearch([{ folded: 'a.b', written: null }, { folded: '(x+)+$', written: null }]);
    expect(s.patterns.some((p) => p.test('axb'))).toBe(false);
    expect(s.patterns.some((p) => new RegExp(p).test('(x+)+$'))).toBe(true);
  });

  it('tests folded words for a key', () => {
    const s = keySearch([{ folded: 'ratcliffe', written: null }]);
    expect(s.test('ratcliffes')).toBe(true);
    expect(s.test('radcliff')).toBe(false);
  });

  it('refuses an empty key list', () => {
    expect(() => keySearch([])).toThrow(/no keys/);
  });
});

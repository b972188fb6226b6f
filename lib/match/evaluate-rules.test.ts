import { describe, expect, it } from 'vitest';
import type { CompiledClaim } from './compile-matcher';
import { evaluateRules } from './evaluate-rules';
import type { Occurrence } from './phrase-index';

const occ = (term: number, start: number, len = 3): Occurrence => ({ claim: 0, term, start, end: start + len });
const claim = (guards: CompiledClaim['guards'] = []): CompiledClaim => ({
  id: 'c',
  termIds: ['a', 'b', 'g'],
  rules: [{ all: [0, 1], window: 20, highlight: [1] }],
  guards,
});
const never = () => false;

describe('evaluateRules', () => {
  it('hits where every term lies within the window, highlighting only highlight terms', () => {
    expect(evaluateRules(claim(), [[occ(0, 0)], [occ(1, 10)]], never, never)).toEqual([{ start: 0, end: 13, ranges: [{ start: 10, end: 13 }] }]);
  });

  it('measures the window from the first start to the last end', () => {
    expect(evaluateRules(claim(), [[occ(0, 0)], [occ(1, 17)]], never, never)).toHaveLength(1);
    expect(evaluateRules(claim(), [[occ(0, 0)], [occ(1, 18)]], never, never)).toEqual([]);
  });

  it('finds several non-overlapping hits, either term first', () => {
    const hits = evaluateRules(claim(), [[occ(0, 0), occ(0, 105)], [occ(1, 5), occ(1, 100)]], never, never);
    expect(hits.map((h) => [h.start, h.end])).toEqual([
      [0, 8],
      [100, 108],
    ]);
  });

  it('drops hits with a guard term inside the guard window, keeps those beyond it', () => {
    const g = claim([{ any: [2], window: 5 }]);
    expect(evaluateRules(g, [[occ(0, 50)], [occ(1, 55)], [occ(2, 62)]], never, never)).toEqual([]);
    expect(evaluateRules(g, [[occ(0, 50)], [occ(1, 55)], [occ(2, 64), occ(2, 10)].sort((x, y) => x.start - y.start)], never, never)).toHaveLength(1);
  });

  it('asks about anywhere-guards only once a rule has hit', () => {
    const asked: number[] = [];
    const g = claim([{ any: [2], window: null }]);
    const anywhere = (t: number) => (asked.push(t), true);
    expect(evaluateRules(g, [[occ(0, 0)], []], anywhere, never)).toEqual([]);
    expect(asked).toEqual([]);
    expect(evaluateRules(g, [[occ(0, 0)], [occ(1, 4)]], anywhere, never)).toEqual([]);
    expect(asked).toEqual([2]);
  });
});

import { describe, expect, it } from 'vitest';
import { compileMatcher } from './compile-matcher';

describe('compileMatcher', () => {
  it('rejects a rule naming an unknown term, naming the claim', () => {
    expect(() =>
      compileMatcher([{ id: 'c1', match: { terms: { a: { '*': ['alpha'] } }, rules: [{ all: ['a', 'zz'], window: 10 }], guards: [] } }]),
    ).toThrow(/claim "c1": rule 1 names unknown term "zz"/);
  });

  it('rejects a guard naming an unknown term', () => {
    expect(() =>
      compileMatcher([
        { id: 'c1', match: { terms: { a: { '*': ['alpha'] } }, rules: [{ all: ['a'], window: 10 }], guards: [{ any: ['q'], window: null }] } },
      ]),
    ).toThrow(/guard 1 names unknown term "q"/);
  });

  it('rejects a term with no usable phrase', () => {
    expect(() =>
      compileMatcher([{ id: 'c1', match: { terms: { a: { '*': ['--'] } }, rules: [{ all: ['a'], window: 10 }], guards: [] } }]),
    ).toThrow(/term "a" has no phrase/);
  });

  it('searches the page only for the first term of each rule and for anywhere-guards', () => {
    const m = compileMatcher([
      {
        id: 'c',
        match: {
          terms: { name: { '*': ['Ratcliffe'] }, topic: { en: ['video'] }, g: { en: ['colonist'] } },
          rules: [{ all: ['name', 'topic'], window: 50 }],
          guards: [{ any: ['g'], window: null }],
        },
      },
    ]);
    expect(m.anchors?.keys).toEqual(['ratcliffe']);
    expect(m.globalGuards?.keys).toEqual(['colonist']);
    expect(compileMatcher([]).anchors).toBeNull();
  });
});

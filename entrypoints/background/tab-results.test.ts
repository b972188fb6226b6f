import { describe, expect, it } from 'vitest';
import { badgeText, TabResultsBook } from './tab-results';

const done = { state: 'done' as const };

describe('TabResultsBook', () => {
  it('sums the latest report of every frame of a tab', () => {
    const book = new TabResultsBook();
    book.record(7, 0, { url: 'https://a.example/', claims: [{ claim: 'x', count: 2, texts: ['Proud Boys'] }], status: done });
    book.record(7, 3, {
      url: 'https://b.example/',
      claims: [
        { claim: 'x', count: 1, texts: ['Proud Boys', 'emails'] },
        { claim: 'y', count: 4, texts: ['Ratcliffe'] },
      ],
      status: done,
    });
    book.record(8, 0, { url: 'https://c.example/', claims: [{ claim: 'y', count: 9, texts: [] }], status: done });
    const r = book.results(7);
    expect(r.total).toBe(7);
    expect(r.claims).toEqual([
      { claim: 'y', count: 4, texts: ['Ratcliffe'] },
      { claim: 'x', count: 3, texts: ['Proud Boys', 'emails'] },
    ]);
    expect(r.frames.map((f) => f.frameId)).toEqual([0, 3]);
  });

  it("replaces a frame's report and forgets a tab", () => {
    const book = new TabResultsBook();
    book.record(1, 0, { url: 'https://a.example/', claims: [{ claim: 'x', count: 2, texts: [] }], status: done });
    book.record(1, 0, { url: 'https://a.example/next', claims: [], status: done });
    expect(book.results(1).total).toBe(0);
    expect(book.results(1).frames[0]!.url).toBe('https://a.example/next');
    book.forget(1);
    expect(book.results(1)).toEqual({ tabId: 1, total: 0, claims: [], frames: [] });
  });

  it('survives a round trip through JSON (service-worker restarts)', () => {
    const book = new TabResultsBook();
    book.record(5, 2, { url: 'https://a.example/', claims: [{ claim: 'x', count: 1, texts: ['t'] }], status: done });
    const copy = TabResultsBook.fromJSON(JSON.parse(JSON.stringify(book)));
    expect(copy.results(5)).toEqual(book.results(5));
    expect(TabResultsBook.fromJSON(null).results(5).total).toBe(0);
  });
});

describe('badgeText', () => {
  it('is empty without mentions and caps long numbers', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(12)).toBe('12');
    expect(badgeText(1000)).toBe('999+');
  });
});

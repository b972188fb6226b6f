import { describe, expect, it } from 'vitest';
import { CLAIM_PAGE, claimPages } from './claim-pages';

const claim = (id: string, eventDate: string | null, title = id) => ({
  id, title, summary: '', eventDate, match: { terms: {}, rules: [], guards: [] },
});

describe('claimPages', () => {
  it('sorts by event date (undated last), then title, then id, into numbered pages with the total', () => {
    const claims = [claim('c', null), claim('b', '2020-10-21', 'Same'), claim('a', '2020-10-21', 'Same'), claim('d', '2020-10-20')];
    expect(claimPages('p', claims)).toEqual([{ packId: 'p', page: 0, total: 4, claims: [claims[3], claims[2], claims[1], claims[0]] }]);
  });

  it('splits a long listing into pages of CLAIM_PAGE, keeping one empty page for an empty pack', () => {
    const many = Array.from({ length: 2 * CLAIM_PAGE + 1 }, (_, i) => claim(`c${String(i).padStart(3, '0')}`, null));
    const pages = claimPages('p', many);
    expect(pages.map((p) => [p.page, p.claims.length, p.total])).toEqual([[0, CLAIM_PAGE, 201], [1, CLAIM_PAGE, 201], [2, 1, 201]]);
    expect(pages.flatMap((p) => p.claims.map((c) => c.id))).toEqual(many.map((c) => c.id));
    expect(claimPages('p', [])).toEqual([{ packId: 'p', page: 0, total: 0, claims: [] }]);
  });
});

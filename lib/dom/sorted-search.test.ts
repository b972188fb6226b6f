import { describe, expect, it } from 'vitest';
import { firstAbove } from './sorted-search';

describe('firstAbove', () => {
  it('finds the first value greater than x, or the length when none is', () => {
    const values = Int32Array.from([0, 5, 5, 9]);
    expect([-1, 0, 4, 5, 8, 9, 100].map((x) => firstAbove(values, x))).toEqual([0, 1, 1, 3, 3, 4, 4]);
    expect(firstAbove([], 3)).toBe(0);
  });
});

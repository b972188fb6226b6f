/**
 * Binary search over ascending numbers (text offsets).
 *
 * Contract: `firstAbove(values, x)` is the index of the first value greater than `x` in the
 * ascending `values`, or `values.length` when there is none. Throws nothing.
 */
export function firstAbove(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

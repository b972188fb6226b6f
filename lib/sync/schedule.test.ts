import { describe, expect, it } from 'vitest';
import { nextSyncDelayMs, RETRY_MAX_MS, SYNC_PERIOD_MS } from './schedule';

const H = 3600_000;
describe('nextSyncDelayMs', () => {
  it('is about 6 h when healthy, within ±10 % jitter', () => {
    expect(nextSyncDelayMs(0, () => 0.5)).toBe(SYNC_PERIOD_MS);
    expect(nextSyncDelayMs(0, () => 0)).toBeCloseTo(5.4 * H, -3);
    expect(nextSyncDelayMs(0, () => 0.999999)).toBeCloseTo(6.6 * H, -3);
  });

  it('follows the chosen interval, still with jitter', () => {
    expect(nextSyncDelayMs(0, () => 0.5, 1 * H)).toBe(1 * H);
    expect(nextSyncDelayMs(0, () => 0, 24 * H)).toBeCloseTo(21.6 * H, -3);
    expect(nextSyncDelayMs(0, () => 0.999999, 1 * H)).toBeCloseTo(1.1 * H, -3);
  });

  it('backs off exponentially after failures, capped at 24 h, whatever the interval', () => {
    const mid = () => 0.5;
    for (const period of [1 * H, SYNC_PERIOD_MS, 24 * H]) {
      expect([1, 2, 3, 4].map((n) => nextSyncDelayMs(n, mid, period) / 60_000)).toEqual([10, 20, 40, 80]);
      expect(nextSyncDelayMs(9, mid, period)).toBe(RETRY_MAX_MS);
      expect(nextSyncDelayMs(1000, mid, period)).toBe(RETRY_MAX_MS);
    }
  });
});

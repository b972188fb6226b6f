/**
 * When the next scheduled sync runs: every `periodMs` (the user's sync
 * interval, 6 h by default), ±10 % jitter so that installs do not hit a
 * publisher in lock-step; after failed runs, retry sooner at first and then
 * back off exponentially (10 min, 20, 40, … capped at 24 h) so a broken or
 * hostile server is not hammered. The back-off does not depend on the
 * interval: it is about the failing server, not about how fresh packs
 * should be.
 *
 * Contract: pure; `random` in [0, 1). Returns milliseconds, always > 0.
 */
export const SYNC_PERIOD_MS = 6 * 3600_000;
export const RETRY_FIRST_MS = 10 * 60_000;
export const RETRY_MAX_MS = 24 * 3600_000;
export const JITTER = 0.1;

export function nextSyncDelayMs(consecutiveFailures: number, random: () => number = Math.random, periodMs: number = SYNC_PERIOD_MS): number {
  const base =
    consecutiveFailures <= 0 ? periodMs : Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.min(consecutiveFailures - 1, 20));
  return Math.max(60_000, Math.round(base * (1 + JITTER * (2 * random() - 1))));
}

/**
 * Cooperative time slicing for work on the page's main thread.
 *
 * Contract: `yieldToPage()` resolves after letting the page run (input, rendering, its own
 * tasks): `scheduler.yield()` where it exists, else a zero-delay timeout. `SliceClock.due()`
 * says when the current slice has used its budget (`SLICE_MS`), so no task of ours runs long, and
 * `sliceStats.longestMs` keeps the longest slice measured and `busyMs` the sum of its slices;
 * `afterNextFrame()` waits for a rendering opportunity; `whenIdle(fn)` runs `fn` when the page is idle, or after `timeout` ms at the latest.
 * Throws nothing.
 */

/** Budget of one slice of our work; well under the 50 ms that counts as a long task. */
export const SLICE_MS = 8;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The longest slice any SliceClock measured in this frame (reported for the bench and tests). */
export const sliceStats = { longestMs: 0 };

export class SliceClock {
  private started = performance.now();
  /** Time spent in this clock's slices so far (our own work, yields and waits excluded). */
  busyMs = 0;

  due(): boolean {
    return performance.now() - this.started >= SLICE_MS;
  }

  /** Yields to the page and starts a new slice. */
  async next(): Promise<void> {
    this.end();
    await yieldToPage();
    this.started = performance.now();
  }

  /** Starts a new slice after waiting outside the clock (call `end()` before the wait). */
  resume(): void {
    this.started = performance.now();
  }

  /** Records the length of the current slice (call when the work is done). */
  end(): void {
    const now = performance.now();
    const slice = now - this.started;
    this.busyMs += slice;
    this.started = now;
    sliceStats.longestMs = Math.max(sliceStats.longestMs, slice);
  }
}

/**
 * Resolves after the browser has had a chance to render (style and layout up to date), so our
 * visibility checks do not force that work inside our own task; hidden tabs get no frames, so
 * it also resolves after `maxWait` ms.
 */
export function afterNextFrame(maxWait = 100): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxWait);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

export function whenIdle(fn: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout });
  else setTimeout(fn, 0);
}

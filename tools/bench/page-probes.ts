/**
 * Code the benchmark runs inside pages, and the readers of its results.
 *
 * Contract: page-side code is passed as strings (never as compiled
 * functions: tsx may wrap functions in helpers the page does not have).
 * - LONG_TASK_INIT (an init script) records every long task in
 *   `window.__slBench.longTasks` as [startTime, duration] from before load,
 *   where the browser has the Long Tasks API (Chromium; not Firefox).
 * - `longTasks(page)` reads them: null where the API is missing or the init
 *   script did not run (no figure, rather than a reassuring 0).
 * - `scanEntries(page)` reads the scanner's `sourcelight:scan` measures
 *   (entrypoints/content/page-scanner.ts): the content script's performance
 *   timeline is the page's in both browsers, so the main world sees them.
 * - `bareWalk(page, runs)` times a TreeWalker pass reading every text
 *   node's data, `runs` times, in the page's main world;
 *   `isolatedBareWalk` the same in a fresh isolated world, where content
 *   scripts run (null when the driver cannot make one).
 * - `longestTaskIn(tasks, from, to)` is the longest long task overlapping
 *   [from, to] (0 when none; null when `tasks` is null).
 * Rejects when the page is gone.
 */
import type { BenchPage } from './driver';

const LONG_TASKS_SUPPORTED = `typeof PerformanceObserver !== 'undefined' && (PerformanceObserver.supportedEntryTypes || []).includes('longtask')`;

export const LONG_TASK_INIT = `(() => {
  if (window.__slBench) return; // registered once per document
  const supported = ${LONG_TASKS_SUPPORTED};
  const bench = (window.__slBench = { longTasks: [], supported });
  if (!supported) return;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { bench.error = String(e); }
})();`;

export interface ScanEntry {
  startTime: number;
  duration: number;
  phase: string | null;
  busyMs: number | null;
  /** Text segments the pass read: text nodes, and blocks read whole (lib/dom/extract-text.ts). */
  segments: number | null;
  textBytes: number | null;
  mentions: number | null;
}

export async function scanEntries(page: BenchPage): Promise<ScanEntry[]> {
  return page.evaluate(`performance.getEntriesByName('sourcelight:scan', 'measure').map((e) => {
    const d = e.detail && typeof e.detail === 'object' ? e.detail : {};
    const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    return { startTime: e.startTime, duration: e.duration, phase: typeof d.phase === 'string' ? d.phase : null,
      busyMs: num(d.busyMs), segments: num(d.segments), textBytes: num(d.textBytes), mentions: num(d.mentions) };
  })`);
}

export interface WalkResult {
  runsMs: number[];
  textNodes: number;
  textBytes: number;
}

const walkCode = (runs: number) => `(() => {
    const runsMs = [];
    let textNodes = 0, textBytes = 0;
    for (let r = 0; r < ${runs}; r++) {
      const t0 = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let n = 0, b = 0;
      for (let t = walker.nextNode(); t; t = walker.nextNode()) { n++; b += t.data.length; }
      runsMs.push(performance.now() - t0);
      textNodes = n; textBytes = b;
    }
    return { runsMs, textNodes, textBytes };
  })()`;

export async function bareWalk(page: BenchPage, runs: number): Promise<WalkResult> {
  return page.evaluate(walkCode(runs));
}

export async function isolatedBareWalk(page: BenchPage, runs: number): Promise<WalkResult | null> {
  return page.evaluateIsolated ? page.evaluateIsolated(walkCode(runs)) : null;
}

export async function longTasks(page: BenchPage): Promise<Array<[number, number]> | null> {
  return page.evaluate(`window.__slBench && window.__slBench.supported && !window.__slBench.error ? window.__slBench.longTasks : null`);
}

export function longestTaskIn(tasks: ReadonlyArray<[number, number]> | null, from: number, to: number): number | null {
  if (tasks === null) return null;
  let longest = 0;
  for (const [start, duration] of tasks) if (start < to && start + duration > from) longest = Math.max(longest, duration);
  return longest;
}

/** Total number of ranges in the page's CSS highlight registry (ours: the page registers none). */
export async function highlightRanges(page: BenchPage): Promise<number> {
  return page.evaluate(`(() => { let n = 0; if (!globalThis.CSS || !CSS.highlights) return 0; for (const h of CSS.highlights.values()) n += h.size; return n; })()`);
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Whether the page's browser has the Long Tasks API ('longtask' among PerformanceObserver's supported entry types). */
export async function longTasksApi(page: BenchPage): Promise<boolean> {
  return page.evaluate(LONG_TASKS_SUPPORTED);
}

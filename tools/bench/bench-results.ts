/**
 * The benchmark's JSON, assembled from the measured figures (pure: no
 * browser, no clock).
 *
 * Contract: the same keys in every browser. A figure the browser cannot give
 * is null and a note beside it says why (`longestTaskNote`,
 * `scriptTimeNote`, `firstPaintNote`); nothing is estimated or filled in.
 * Ratios are null when either side is missing. Numbers are rounded for
 * reading (times to 0.1 ms, the bare walk to 0.01 ms, mark.js to 1 ms,
 * ratios to 0.01, the mark.js speed-up to 1×). Throws nothing.
 */
import type { BrowserName } from './driver';
import type { MutationRun } from './mutation';
import type { OurScan } from './our-scan';

export interface BrowserInfo {
  name: BrowserName;
  /** As the binary reports it, e.g. "Mozilla Firefox 153.7.0esr". */
  version: string;
  /** Whether the browser lists 'longtask' among PerformanceObserver.supportedEntryTypes. */
  longTasksApi: boolean;
}

export interface FloorFigures {
  /** Median of the first walk of each fresh load. */
  walkMs: number;
  coldRuns: number[];
  /** Median of the repeated walks of the last load. */
  warmMs: number;
  /** Median of the first walk of each fresh load in an isolated world (where content scripts run); null where the driver cannot make one. */
  isolatedWalkMs: number | null;
  isolatedColdRuns: number[];
  textNodes: number;
  textBytes: number;
}

export interface MarkjsFigures {
  ms: number | null;
  marks: number | null;
  note: string | null;
}

export const LONG_TASK_NOTE =
  "this browser has no Long Tasks API (PerformanceObserver does not support 'longtask'), so no outside measure of the longest main-thread task exists here; " +
  'longestScanSliceMs is the scanner\'s own report of its longest uninterrupted slice of work (its time-slicing, measured by itself)';

export const SCRIPT_TIME_NOTE =
  "this browser's automation protocol (WebDriver BiDi) has no renderer script-time counter like Chromium's CDP ScriptDuration: " +
  'the outside measure (scriptMs*, extraScriptMs) is null; ourMs, from the scanner\'s own measures, remains';

export const ISOLATED_WALK_NOTE =
  "this browser's automation protocol, as the bench drives it, cannot evaluate in an isolated world: no same-world floor (bareWalkIsolatedMs null)";

export const FIRST_PAINT_NOTE = "this browser records no 'first-paint' entry, only 'first-contentful-paint': compare the *ContentfulPaint* figures";

export function round(x: number | null, digits = 1): number | null {
  return x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;
}

/** a / b rounded to `digits` decimals; null when either is unknown or b is 0. */
export const ratio = (a: number | null, b: number | null, digits: number) => (a === null || b === null || b === 0 ? null : round(a / b, digits));

export function pageResult(name: string, floor: FloorFigures, markjs: MarkjsFigures, ours: OurScan, browser: BrowserInfo) {
  const scanMs = ours.scanMs;
  return {
    name,
    textBytes: floor.textBytes,
    textNodes: floor.textNodes,
    scanMs: round(scanMs),
    scanBusyMs: round(ours.busyMs),
    bareWalkMs: round(floor.walkMs, 2),
    markjsMs: round(markjs.ms, 0),
    ratioToBareWalk: ratio(scanMs, floor.walkMs, 2),
    speedupVsMarkjs: ratio(markjs.ms, scanMs, 0),
    longestTaskMs: browser.longTasksApi ? round(ours.longestTaskMs) : null,
    longestTaskNote: browser.longTasksApi ? null : LONG_TASK_NOTE,
    longestScanSliceMs: round(ours.longestScanSliceMs),
    highlightRanges: ours.scans[0]?.highlightRanges ?? 0,
    bareWalkRunsMs: floor.coldRuns.map((x) => round(x, 2)),
    bareWalkWarmMs: round(floor.warmMs, 2),
    ratioToWarmBareWalk: ratio(scanMs, floor.warmMs, 2),
    bareWalkIsolatedMs: round(floor.isolatedWalkMs, 2),
    bareWalkIsolatedRunsMs: floor.isolatedColdRuns.map((x) => round(x, 2)),
    ratioToIsolatedBareWalk: ratio(scanMs, floor.isolatedWalkMs, 2),
    bareWalkIsolatedNote: floor.isolatedWalkMs === null ? ISOLATED_WALK_NOTE : null,
    markjsMarks: markjs.marks,
    markjsNote: markjs.note,
    scans: ours.scans.map((s) => ({
      ...s,
      scanMs: round(s.scanMs),
      busyMs: round(s.busyMs),
      longestTaskMs: browser.longTasksApi ? round(s.longestTaskMs) : null,
      longestScanSliceMs: round(s.longestScanSliceMs),
    })),
    error: scanMs !== null ? null : 'the content script reported no finished scan within 120 s (neither a sourcelight:scan measure nor stats.fullScanMs in its tab report)',
  };
}

export function mutationRunResult(base: { name: string; textBytes: number }, withExt: MutationRun, without: MutationRun, browser: BrowserInfo) {
  const extra = withExt.scriptMs === null || without.scriptMs === null ? null : withExt.scriptMs - without.scriptMs;
  return {
    base: base.name,
    baseTextBytes: base.textBytes,
    addedBytes: withExt.addedBytes,
    addedNodes: withExt.addedNodes,
    batches: withExt.batches,
    updates: withExt.updates,
    ourMs: round(withExt.ourMs),
    ourMsPerAddedMB: withExt.ourMs === null || withExt.addedBytes === 0 ? null : round(withExt.ourMs / (withExt.addedBytes / 1e6)),
    extraScriptMs: round(extra),
    scriptMsWithExtension: round(withExt.scriptMs),
    scriptMsWithout: round(without.scriptMs),
    longestTaskMs: browser.longTasksApi ? round(withExt.longestTaskMs) : null,
    longestTaskMsWithout: browser.longTasksApi ? round(without.longestTaskMs) : null,
    longestScanSliceMs: round(withExt.longestScanSliceMs),
    scannerStateAfter: withExt.stateAfter,
    scannerReadChars: withExt.readChars,
  };
}

type MutationRow = ReturnType<typeof mutationRunResult>;

export function mutationResult(settings: { perBatch: number; intervalMs: number; durationMs: number }, runs: MutationRow[], browser: BrowserInfo) {
  const small = runs.find((r) => r.base === 'small');
  const big = runs.find((r) => r.base === '10mb');
  return {
    perBatchParagraphs: settings.perBatch,
    intervalMs: settings.intervalMs,
    durationMs: settings.durationMs,
    runs,
    // ≈ 1 when the cost follows the added text, not the page size.
    costRatio10mbToSmall: ratio(big?.ourMs ?? null, small?.ourMs ?? null, 2),
    extraScriptRatio10mbToSmall: ratio(big?.extraScriptMs ?? null, small?.extraScriptMs ?? null, 2),
    longestTaskNote: browser.longTasksApi ? null : LONG_TASK_NOTE,
    scriptTimeNote: runs.length && runs.every((r) => r.scriptMsWithExtension === null) ? SCRIPT_TIME_NOTE : null,
  };
}

/** The note for a popup measured in a browser that records FCP but no first paint (null otherwise). */
export function firstPaintNote(popup: { firstPaintMs: number | null; firstContentfulPaintMs: number | null }): string | null {
  return popup.firstPaintMs === null && popup.firstContentfulPaintMs !== null ? FIRST_PAINT_NOTE : null;
}

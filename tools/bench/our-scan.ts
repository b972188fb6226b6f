/**
 * Our scan+highlight time on a page, as the content script reports it.
 *
 * Contract: `ourScan(browser, control, url, loads, timeoutMs)` loads `url`
 * `loads` times in a fresh tab of the browser WITH the extension (with
 * LONG_TASK_INIT) and takes the content script's own figure for its initial
 * full scan, from whichever it provides first:
 * - a `sourcelight:scan` performance measure (entrypoints/content/
 *   page-scanner.ts): wall time, busy time, counts; the longest long task
 *   is the one overlapping the measure;
 * - its tab report in the background (`stats.fullScanMs`, wall time incl.
 *   yields), read through the `control` extension page; the longest long
 *   task is then the longest one after the page's load event (the bench
 *   pages run no script of their own).
 * Either way it also reads the scanner's self-reported longest time slice
 * (`stats.longestSliceMs` of the tab report, waiting up to 5 s for the
 * report to arrive): the only "longest task" figure where the browser has
 * no Long Tasks API (longestTaskMs null there).
 * Returns per load and the medians (scan, busy) and the maxima (long task,
 * slice; null when no load had one); `scans` is empty when the content
 * script never reported within `timeoutMs`. Rejects when a page fails to
 * load.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchPage, ExtensionBrowser } from './driver';
import { LONG_TASK_INIT, highlightRanges, longTasks, longestTaskIn, median, scanEntries } from './page-probes';
import type { ExtensionControl } from './tab-results';

const SLICE_REPORT_WAIT_MS = 5_000;

export interface ScanLoad {
  source: 'measure' | 'tab-results';
  scanMs: number;
  busyMs: number | null;
  /** Longest long task during the scan (Long Tasks API); null where the browser has none. */
  longestTaskMs: number | null;
  /** The scanner's own longest time slice (its tab report); null when it did not report one. */
  longestScanSliceMs: number | null;
  highlightRanges: number;
  mentions: number | null;
  segments: number | null;
}

export interface OurScan {
  scans: ScanLoad[];
  scanMs: number | null;
  busyMs: number | null;
  longestTaskMs: number | null;
  longestScanSliceMs: number | null;
}

async function oneLoad(browser: ExtensionBrowser, control: ExtensionControl, url: string, timeoutMs: number): Promise<ScanLoad | null> {
  const page = await browser.open(url, { initScript: LONG_TASK_INIT });
  try {
    return await waitForOurScan(control, page, timeoutMs);
  } finally {
    await page.close();
  }
}

/** Waits for the content script's report of its initial scan of the loaded `page`; null on timeout. */
export async function waitForOurScan(control: ExtensionControl, page: BenchPage, timeoutMs: number): Promise<ScanLoad | null> {
  await page.bringToFront();
  const tabId = await control.activeTabId();
  const loadEnd = (await page.evaluate(`performance.getEntriesByType('navigation')[0].loadEventEnd`)) as number;
  for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(100)) {
    const entry = (await scanEntries(page)).find((e) => e.phase === 'initial' || e.phase === null);
    if (entry) {
      return {
        source: 'measure',
        scanMs: entry.duration,
        busyMs: entry.busyMs,
        longestTaskMs: longestTaskIn(await longTasks(page), entry.startTime, entry.startTime + entry.duration),
        longestScanSliceMs: tabId === null ? null : await reportedSlice(control, tabId),
        highlightRanges: await highlightRanges(page),
        mentions: entry.mentions,
        segments: entry.segments,
      };
    }
    const stats = tabId === null ? null : await control.tabScanStats(tabId);
    if (stats) {
      return {
        source: 'tab-results',
        scanMs: stats.fullScanMs,
        busyMs: null,
        longestTaskMs: longestTaskIn(await longTasks(page), loadEnd, Infinity),
        longestScanSliceMs: stats.longestSliceMs,
        highlightRanges: await highlightRanges(page),
        mentions: stats.mentions,
        segments: null,
      };
    }
  }
  return null;
}

/** The scanner's longest slice once its report of the finished scan has reached the background. */
async function reportedSlice(control: ExtensionControl, tabId: number): Promise<number | null> {
  for (const until = Date.now() + SLICE_REPORT_WAIT_MS; Date.now() < until; await sleep(100)) {
    const stats = await control.tabScanStats(tabId);
    if (stats) return stats.longestSliceMs;
  }
  return null;
}

export async function ourScan(browser: ExtensionBrowser, control: ExtensionControl, url: string, loads: number, timeoutMs: number): Promise<OurScan> {
  const scans: ScanLoad[] = [];
  for (let i = 0; i < loads; i++) {
    const s = await oneLoad(browser, control, url, timeoutMs);
    if (!s) break;
    scans.push(s);
  }
  const nums = (xs: Array<number | null>) => xs.filter((x): x is number => x !== null);
  const busy = nums(scans.map((s) => s.busyMs));
  const tasks = nums(scans.map((s) => s.longestTaskMs));
  const slices = nums(scans.map((s) => s.longestScanSliceMs));
  return {
    scans,
    scanMs: scans.length ? median(scans.map((s) => s.scanMs)) : null,
    busyMs: busy.length ? median(busy) : null,
    longestTaskMs: tasks.length ? Math.max(...tasks) : null,
    longestScanSliceMs: slices.length ? Math.max(...slices) : null,
  };
}

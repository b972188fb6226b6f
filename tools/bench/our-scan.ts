/**
 * Our scan+highlight time on a page, as the content script reports it.
 *
 * Contract: `ourScan(context, control, url, loads, timeoutMs)` loads `url`
 * `loads` times in a fresh tab of the browser WITH the extension
 * (LONG_TASK_INIT registered on the context) and takes the content script's
 * own figure for its initial full scan, from whichever it provides first:
 * - a `sourcelight:scan` performance measure (shared/notes/
 *   bench-instrumentation.md): wall time, busy time, counts; the longest long
 *   task is the one overlapping the measure;
 * - its tab report in the background (`stats.fullScanMs`, wall time incl.
 *   yields, and `stats.longestSliceMs`), read through the `control`
 *   extension page; the longest long task is then the longest one after the
 *   page's load event (the bench pages run no script of their own).
 * Returns per load and the medians (scan, busy) and the maximum long task;
 * `scans` is empty when the content script never reported within
 * `timeoutMs`. Rejects when a page fails to load.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { highlightRanges, longTasks, longestTaskIn, median, scanEntries } from './page-probes';
import { activeTabId, tabScanStats } from './tab-results';

export interface ScanLoad {
  source: 'measure' | 'tab-results';
  scanMs: number;
  busyMs: number | null;
  longestTaskMs: number;
  longestSliceMs: number | null;
  highlightRanges: number;
  mentions: number | null;
  textNodes: number | null;
}

export interface OurScan {
  scans: ScanLoad[];
  scanMs: number | null;
  busyMs: number | null;
  longestTaskMs: number | null;
  longestSliceMs: number | null;
}

async function oneLoad(context: BrowserContext, control: Page, url: string, timeoutMs: number): Promise<ScanLoad | null> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    return await waitForOurScan(context, control, page, timeoutMs);
  } finally {
    await page.close().catch(() => {});
  }
}

/** Waits for the content script's report of its initial scan of the loaded `page`; null on timeout. */
export async function waitForOurScan(context: BrowserContext, control: Page, page: Page, timeoutMs: number): Promise<ScanLoad | null> {
  await page.bringToFront();
  const tabId = await activeTabId(context);
  const loadEnd = (await page.evaluate(`performance.getEntriesByType('navigation')[0].loadEventEnd`)) as number;
  for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const entry = (await scanEntries(page)).find((e) => e.phase === 'initial' || e.phase === null);
    if (entry) {
      return {
        source: 'measure',
        scanMs: entry.duration,
        busyMs: entry.busyMs,
        longestTaskMs: longestTaskIn(await longTasks(page), entry.startTime, entry.startTime + entry.duration),
        longestSliceMs: null,
        highlightRanges: await highlightRanges(page),
        mentions: entry.mentions,
        textNodes: entry.textNodes,
      };
    }
    const stats = tabId === null ? null : await tabScanStats(control, tabId);
    if (stats) {
      return {
        source: 'tab-results',
        scanMs: stats.fullScanMs,
        busyMs: null,
        longestTaskMs: longestTaskIn(await longTasks(page), loadEnd, Infinity),
        longestSliceMs: stats.longestSliceMs,
        highlightRanges: await highlightRanges(page),
        mentions: stats.mentions,
        textNodes: null,
      };
    }
  }
  return null;
}

export async function ourScan(context: BrowserContext, control: Page, url: string, loads: number, timeoutMs: number): Promise<OurScan> {
  const scans: ScanLoad[] = [];
  for (let i = 0; i < loads; i++) {
    const s = await oneLoad(context, control, url, timeoutMs);
    if (!s) break;
    scans.push(s);
  }
  const nums = (xs: Array<number | null>) => xs.filter((x): x is number => x !== null);
  const busy = nums(scans.map((s) => s.busyMs));
  const slices = nums(scans.map((s) => s.longestSliceMs));
  return {
    scans,
    scanMs: scans.length ? median(scans.map((s) => s.scanMs)) : null,
    busyMs: busy.length ? median(busy) : null,
    longestTaskMs: scans.length ? Math.max(...scans.map((s) => s.longestTaskMs)) : null,
    longestSliceMs: slices.length ? Math.max(...slices) : null,
  };
}

/**
 * The mutation benchmark: a page that appends 200 paragraphs every 100 ms
 * for 10 s, on a small and on a 10 MB base page.
 *
 * Contract: `mutationRun(browser, url, control)` loads `url` (a page
 * made with article-page.ts's `mutationScript`), waits for the initial scan
 * (with the extension), starts the mutation, lets the scanner settle (no new
 * scan measure for 1 s and its tab status not 'scanning'; with the scanner's measures, also
 * not before its update passes have read the added text nodes: a scanner that backs off
 * reads them late; at most 60 s) and reports (`control`: an extension
 * page of the browser WITH the extension, null for the browser without):
 * - ourMs: the sum of our incremental passes' busy time (their `busyMs`, or
 *   their duration when the scanner gives none), from the scanner's
 *   `sourcelight:scan` measures (null without the extension or without them);
 * - scriptMs: the renderer's JavaScript time during the run (Chromium: CDP
 *   Performance.getMetrics ScriptDuration; null in Firefox, whose protocol
 *   has no such counter): with minus without the extension is our cost
 *   measured from outside, independent of our instrumentation;
 * - longestTaskMs: the longest long task during the run (the page's own
 *   appends included; null without the Long Tasks API);
 * - longestScanSliceMs: the scanner's own longest time slice in the tab
 *   (its tab report; over the whole visit, the initial scan included).
 * Rejects when the page or a wait times out.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchBrowser } from './driver';
import { waitForOurScan } from './our-scan';
import type { ExtensionControl } from './tab-results';
import { LONG_TASK_INIT, longTasks, longestTaskIn, scanEntries } from './page-probes';

const SETTLE_MAX_MS = 60_000;

export interface MutationRun {
  addedBytes: number;
  addedNodes: number;
  batches: number;
  updates: number | null;
  ourMs: number | null;
  scriptMs: number | null;
  longestTaskMs: number | null;
  longestScanSliceMs: number | null;
  initialScanFound: boolean;
  /** The scanner's status after the run ('done', 'gave-up', ...), from its tab report. */
  stateAfter: string | null;
  /** Characters of text the scanner's update passes read (their measures' textBytes); null without measures. */
  readChars: number | null;
}

export async function mutationRun(browser: BenchBrowser, url: string, control: ExtensionControl | null): Promise<MutationRun> {
  const page = await browser.open(url, { initScript: LONG_TASK_INIT });
  try {
    const initial = control ? await waitForOurScan(control, page, 120_000) : null;
    await sleep(500);
    const scriptBefore = await page.scriptTimeMs();
    const run = (await page.evaluate('window.startMutation()')) as {
      start: number;
      end: number;
      batches: number;
      addedBytes: number;
      addedNodes: number;
    };
    // Settle: the scanner batches mutations off the critical path. Settled = no new scan
    // measure for 1 s and (with the extension) its tab status is no longer 'scanning'.
    const tabId = control ? (await page.bringToFront(), await control.activeTabId()) : null;
    let last = -1;
    const measured = initial?.source === 'measure';
    const readChars = async () =>
      (await scanEntries(page)).filter((e) => e.startTime >= run.start && e.phase === 'update').reduce((s, e) => s + (e.textBytes ?? 0), 0);
    for (const until = Date.now() + SETTLE_MAX_MS; Date.now() < until; ) {
      await sleep(1000);
      const n = (await scanEntries(page)).length;
      const status = control && tabId !== null ? await control.tabStatus(tabId) : null;
      const caughtUp = !measured || (await readChars()) >= run.addedBytes;
      if (n === last && !status?.startsWith('scanning') && caughtUp) break;
      last = n;
    }
    const scriptAfter = await page.scriptTimeMs();
    const scriptMs = scriptBefore === null || scriptAfter === null ? null : scriptAfter - scriptBefore;
    const updates = (await scanEntries(page)).filter((e) => e.startTime >= run.start && e.phase !== 'initial');
    const settledAt = (await page.evaluate('performance.now()')) as number;
    const stateAfter = control && tabId !== null ? await control.tabStatus(tabId) : null;
    return {
      addedBytes: run.addedBytes,
      addedNodes: run.addedNodes,
      batches: run.batches,
      updates: initial?.source === 'measure' ? updates.length : null,
      // Without the scanner's own measures there is no 'ours' figure: scriptMs still is one.
      ourMs: initial?.source === 'measure' ? updates.reduce((s, e) => s + (e.busyMs ?? e.duration), 0) : null,
      scriptMs,
      longestTaskMs: longestTaskIn(await longTasks(page), run.start, settledAt),
      longestScanSliceMs: control && tabId !== null ? await control.longestSliceMs(tabId) : null,
      initialScanFound: initial !== null,
      stateAfter,
      readChars: measured ? await readChars() : null,
    };
  } finally {
    await page.close();
  }
}

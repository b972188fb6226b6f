/**
 * Reading the scanner's own report of a tab from the background, through an
 * extension page (the "control" page; the same in both browsers: Firefox's
 * background is not reachable over BiDi).
 *
 * Contract: the content script sends `reportMentions { ..., stats:
 * { fullScanMs, longestSliceMs } }` and the background keeps it per tab
 * (entrypoints/background/tab-results.ts). `openControl(browser)` opens the
 * extension's popup page as the control page. `activeTabId()` brings
 * nothing to front itself: call it right after `page.bringToFront()`; it
 * returns the active tab's id (no `tabs` permission needed for ids).
 * `tabScanStats(tabId)` asks `getTabResults` and returns the first frame's
 * finished full scan (null while none: still scanning, or no report yet);
 * `tabStatus` its status; `longestSliceMs` the scanner's longest time slice
 * so far in the tab's first frame (null before any report); `waitForScanDone`
 * polls until the first frame has a finished full scan and rejects after
 * `timeoutMs` without one. Rejects when the
 * background answers with an error.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchPage, ExtensionBrowser } from './driver';

export interface TabScanStats {
  fullScanMs: number;
  longestSliceMs: number | null;
  mentions: number;
  state: string;
}

interface TabResultsLike {
  total?: number;
  frames?: Array<{ status?: { state?: string; detail?: string }; stats?: { fullScanMs?: number | null; longestSliceMs?: number } }>;
}

export class ExtensionControl {
  private constructor(
    readonly page: BenchPage,
    private readonly api: ExtensionBrowser['extensionApi'],
  ) {}

  static async open(browser: ExtensionBrowser): Promise<ExtensionControl> {
    return new ExtensionControl(await browser.open(`${browser.extensionOrigin}/popup.html`, { timeoutMs: 30_000 }), browser.extensionApi);
  }

  async activeTabId(): Promise<number | null> {
    return this.page.evaluate(`${this.api}.tabs.query({ active: true, lastFocusedWindow: true }).then((t) => (t[0] ? t[0].id : null))`);
  }

  /** The first frame's scan status as "state" or "state: detail"; null when the tab has not reported. */
  async tabStatus(tabId: number): Promise<string | null> {
    const status = (await this.tabResults(tabId))?.frames?.[0]?.status;
    return status?.state ? (status.detail ? `${status.state}: ${status.detail}` : status.state) : null;
  }

  async tabScanStats(tabId: number): Promise<TabScanStats | null> {
    const results = await this.tabResults(tabId);
    const frame = results?.frames?.[0];
    const state = frame?.status?.state;
    const fullScanMs = frame?.stats?.fullScanMs;
    if (!frame || state === 'scanning' || typeof fullScanMs !== 'number') return null;
    return { fullScanMs, longestSliceMs: frame.stats?.longestSliceMs ?? null, mentions: results?.total ?? 0, state: state ?? 'unknown' };
  }

  async waitForScanDone(tabId: number, timeoutMs: number): Promise<void> {
    for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(100)) {
      if (await this.tabScanStats(tabId)) return;
    }
    throw new Error(`tab ${tabId} did not finish its scan within ${timeoutMs} ms`);
  }

  async longestSliceMs(tabId: number): Promise<number | null> {
    return (await this.tabResults(tabId))?.frames?.[0]?.stats?.longestSliceMs ?? null;
  }

  close(): Promise<void> {
    return this.page.close();
  }

  private tabResults(tabId: number): Promise<TabResultsLike | null> {
    return this.page.evaluate(`${this.api}.runtime.sendMessage({ type: 'getTabResults', payload: { tabId: ${tabId} } })`);
  }
}

/**
 * Reading the scanner's own report of a tab from the background.
 *
 * Contract: the content script sends `reportMentions { ..., stats:
 * { fullScanMs, longestSliceMs } }` and the background keeps it per tab
 * (entrypoints/background/tab-results.ts). `activeTabId(context)` brings
 * nothing to front itself: call it right after `page.bringToFront()`; it
 * returns the active tab's id (no `tabs` permission needed for ids).
 * `tabScanStats(control, tabId)` asks `getTabResults` from an extension page
 * (`control`) and returns the first frame's finished full scan (null while
 * none: still scanning, or no report yet); `tabStatus` its status. Rejects when the background
 * answers with an error.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { extensionWorker } from './chromium';

export interface TabScanStats {
  fullScanMs: number;
  longestSliceMs: number | null;
  mentions: number;
  state: string;
}

export async function activeTabId(context: BrowserContext): Promise<number | null> {
  const sw = await extensionWorker(context);
  return (await sw.evaluate(`chrome.tabs.query({ active: true, lastFocusedWindow: true }).then((t) => (t[0] ? t[0].id : null))`)) as number | null;
}

interface TabResultsLike {
  total?: number;
  frames?: Array<{ status?: { state?: string; detail?: string }; stats?: { fullScanMs?: number | null; longestSliceMs?: number } }>;
}

async function tabResults(control: Page, tabId: number): Promise<TabResultsLike | null> {
  return (await control.evaluate(`chrome.runtime.sendMessage({ type: 'getTabResults', payload: { tabId: ${tabId} } })`)) as TabResultsLike | null;
}

/** The first frame's scan status as "state" or "state: detail"; null when the tab has not reported. */
export async function tabStatus(control: Page, tabId: number): Promise<string | null> {
  const status = (await tabResults(control, tabId))?.frames?.[0]?.status;
  return status?.state ? (status.detail ? `${status.state}: ${status.detail}` : status.state) : null;
}

export async function tabScanStats(control: Page, tabId: number): Promise<TabScanStats | null> {
  const results = await tabResults(control, tabId);
  const frame = results?.frames?.[0];
  const state = frame?.status?.state;
  const fullScanMs = frame?.stats?.fullScanMs;
  if (!frame || state === 'scanning' || typeof fullScanMs !== 'number') return null;
  return { fullScanMs, longestSliceMs: frame.stats?.longestSliceMs ?? null, mentions: results?.total ?? 0, state: state ?? 'unknown' };
}

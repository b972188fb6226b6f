/**
 * Everything the popup asks of the extension, as one small interface, so the
 * views take it as a prop (tests pass one backed by a real in-memory store).
 *
 * Contract: `extensionApi` answers through the background's message protocol
 * (the background alone opens the store) and, for "show on page", the tab's
 * content script; `toTabReport` reduces the scanner's per-frame results to
 * what the popup shows. Every method rejects with the handler's Error when the
 * other side fails or has no handler; callers show `errorText(e)`.
 */
import { browser } from 'wxt/browser';
import type { ClaimContext, ClaimList, PackInfo, SearchHit, Settings } from '@/data/queries';
import { SHOW_NEXT_MENTION, type ShowNextMention } from '@/entrypoints/content/card/protocol';
import { sendMessage } from '@/lib/messages';
import type { SyncReport } from '@/lib/sync-messages';
import type { ScanStatus, TabResults } from '@/lib/tab-messages';

/** What the scanner found on a tab, as the popup needs it; null when no frame of the tab reported. */
export interface TabReport {
  /** Host name of the page's top frame (lower-case), null when it has none (file: pages). */
  host: string | null;
  /** Claims on the page (all frames) with their mention counts, most mentioned first. */
  claims: Array<{ claimId: string; count: number }>;
  /** The top frame's scanner state. */
  status: ScanStatus;
}

export interface PopupApi {
  tabReport(tabId: number): Promise<TabReport | null>;
  showOnPage(tabId: number, claimId: string): Promise<void>;
  claimContext(claimId: string): Promise<ClaimContext | null>;
  /** The first `limit` claims of the list and the number installed: O(limit), however big the packs. */
  listClaims(limit: number): Promise<ClaimList>;
  searchClaims(query: string): Promise<SearchHit[]>;
  listPacks(): Promise<PackInfo[]>;
  syncNow(): Promise<SyncReport[]>;
  settings(): Promise<Settings>;
  setEnabled(on: boolean): Promise<Settings>;
  setSiteEnabled(host: string, on: boolean): Promise<Settings>;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export const extensionApi: PopupApi = {
  tabReport: async (tabId) => toTabReport(await sendMessage('getTabResults', { tabId })),
  async showOnPage(tabId, claimId) {
    const message: ShowNextMention = { type: SHOW_NEXT_MENTION, payload: { claimId } };
    await browser.tabs.sendMessage(tabId, message);
  },
  claimContext: (claimId) => sendMessage('getClaimContext', { claimId }),
  listClaims: (limit) => sendMessage('listClaims', { limit }),
  searchClaims: (query) => sendMessage('searchClaims', { query }),
  listPacks: () => sendMessage('listPacks', {}),
  syncNow: () => sendMessage('syncNow', {}),
  settings: () => sendMessage('getSettings', {}),
  setEnabled: (on) => sendMessage('setEnabled', { on }),
  setSiteEnabled: (host, on) => sendMessage('setSiteEnabled', { host, on }),
};

export function toTabReport(results: TabResults | null): TabReport | null {
  const top = results?.frames.find((f) => f.frameId === 0) ?? results?.frames[0];
  if (!results || !top) return null;
  return {
    host: hostOf(top.url),
    claims: results.claims.map((c) => ({ claimId: c.claim, count: c.count })),
    status: top.status,
  };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

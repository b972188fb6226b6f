/**
 * Messages about a tab's scan results (content script ↔ background ↔ popup), and the
 * broadcasts the background sends to content scripts.
 *
 * Contract: adds `reportMentions` (content → background, one report per frame replacing that
 * frame's previous one) and `getTabResults` (popup → background) to lib/messages.ts's
 * MessageMap by declaration merging; `TabBroadcast` is what content scripts receive from
 * `browser.tabs.sendMessage`. Types only, plus `isTabBroadcast`. Throws nothing.
 */
import type { Settings } from '@/data/queries';

/** Where a frame's scanner stands; the popup explains every state but `done`. */
export type ScanState =
  | 'scanning'
  | 'done'
  | 'disabled' // switched off everywhere
  | 'site-disabled' // switched off for this site
  | 'no-rules' // no pack installed
  | 'gave-up' // the page was too large or changed too often: detail says which
  | 'error'; // something failed: detail says what

export interface ScanStatus {
  state: ScanState;
  detail?: string;
}

export interface ClaimCount {
  claim: string;
  count: number;
  /** Distinct matched texts (at most a few, for the popup). */
  texts: string[];
}

export interface ScanStats {
  /** Longest uninterrupted slice of scanning work so far (the Long Tasks limit is 50 ms). */
  longestSliceMs: number;
  /** Wall time of the last full scan, yields included; null before the first. */
  fullScanMs: number | null;
}

export interface FrameReport {
  url: string;
  claims: ClaimCount[];
  status: ScanStatus;
  stats?: ScanStats;
}

export interface TabResults {
  tabId: number;
  /** Mentions over all frames of the tab (what the badge shows). */
  total: number;
  /** Claims over all frames, counts summed, most mentioned first. */
  claims: ClaimCount[];
  frames: Array<FrameReport & { frameId: number }>;
}

declare module '@/lib/messages' {
  interface MessageMap {
    reportMentions: { request: FrameReport; response: null };
    getTabResults: { request: { tabId: number }; response: TabResults };
  }
}

export type TabBroadcast =
  | { type: 'settingsChanged'; payload: { settings: Settings } }
  | { type: 'packsChanged'; payload: Record<string, never> };

export function isTabBroadcast(value: unknown): value is TabBroadcast {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return (type === 'settingsChanged' || type === 'packsChanged') && typeof (value as { payload?: unknown }).payload === 'object';
}

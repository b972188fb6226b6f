/**
 * Detection in this frame: settings and match rules from the background → PageScanner →
 * highlights, and a report of what was found back to the background (badge, popup).
 *
 * Contract: `startDetection(ctx, store)` asks the background for `getSettings` and
 * `loadMatchRules`, and scans unless Sourcelight is off globally or for this site (the top
 * frame's host or this frame's own host). It follows `settingsChanged` (turns off/on live,
 * without reload) and `packsChanged` (reloads rules, rescans) broadcasts, rescans after SPA
 * navigations, and stops when the extension context goes away. Highlights take the user's look
 * (style and colour, lib/preferences.ts) and follow its changes live through `storage.onChanged`
 * (local extension storage: nothing from the page goes anywhere). It reports
 * `reportMentions { url, claims, status }` after changes (debounced), and an empty report when
 * the page is hidden (a removed frame must not keep counting). No page text leaves the browser:
 * reports carry counts and the matched words only, to our own background. Never throws into
 * the page: every failure ends in status 'error' with its message.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Settings } from '@/data/queries';
import { compileMatcher } from '@/lib/match/compile-matcher';
import { sendMessage } from '@/lib/messages';
import { DEFAULT_PREFERENCES, loadPreferences, watchPreferences, type HighlightLook } from '@/lib/preferences';
import { isTabBroadcast, type ClaimCount, type ScanStatus } from '@/lib/tab-messages';
import { PIECE_SEPARATOR } from '@/lib/dom/scan-document';
import { createHighlighter, type Highlighter } from './highlights';
import type { MentionStore } from './page-mentions';
import { PageScanner } from './page-scanner';
import { sliceStats } from './time-slice';

const REPORT_DELAY_MS = 250;
const TEXTS_PER_CLAIM = 5;

/** The host the user thinks of as "this site": the top page's, when this is a frame. */
function siteHosts(): string[] {
  const hosts = [location.hostname.toLowerCase()];
  try {
    if (window.top && window.top !== window) hosts.push(window.top.location.hostname.toLowerCase());
  } catch {
    const origins = location.ancestorOrigins;
    const top = origins?.[origins.length - 1];
    if (top) hosts.push(new URL(top).hostname.toLowerCase());
  }
  return hosts;
}

function offState(settings: Settings): ScanStatus | null {
  if (!settings.enabled) return { state: 'disabled' };
  const disabled = new Set(settings.disabledSites.map((h) => h.toLowerCase()));
  return siteHosts().some((h) => disabled.has(h)) ? { state: 'site-disabled' } : null;
}

export function startDetection(ctx: ContentScriptContext, store: MentionStore): void {
  let scanner: PageScanner | null = null;
  let highlighter: Highlighter | null = null;
  let status: ScanStatus = { state: 'scanning' };
  let reportTimer: number | undefined;
  let settings: Settings | null = null;
  let session = 0;
  let look: HighlightLook = DEFAULT_PREFERENCES.highlight;
  let lookChanged = false;
  const setLook = (next: HighlightLook) => {
    look = next;
    highlighter?.setLook(next);
  };
  // Read before the first highlighter is made, so marks never flash in the default look.
  const lookLoaded = loadPreferences().then(
    (p) => {
      if (!lookChanged) setLook(p.highlight);
    },
    () => {
      // Unreadable storage: the default look.
    },
  );
  ctx.onInvalidated(
    watchPreferences((next) => {
      lookChanged = true;
      setLook(next.highlight);
    }),
  );

  const fail = (e: unknown) => {
    status = { state: 'error', detail: e instanceof Error ? e.message : String(e) };
    scheduleReport();
  };

  const claimCounts = (): ClaimCount[] => {
    const counts = new Map<string, ClaimCount>();
    for (const m of store.values()) {
      let c = counts.get(m.claim);
      if (!c) counts.set(m.claim, (c = { claim: m.claim, count: 0, texts: [] }));
      c.count++;
      if (c.texts.length < TEXTS_PER_CLAIM) {
        const text = m.ranges.map((r) => r.toString().replace(/\s+/g, ' ').trim()).join(PIECE_SEPARATOR);
        if (!c.texts.includes(text)) c.texts.push(text);
      }
    }
    return [...counts.values()];
  };

  const send = (claims: ClaimCount[]) => {
    if (ctx.isInvalid) return;
    const stats = { longestSliceMs: sliceStats.longestMs, fullScanMs: scanner?.fullScanMs ?? null };
    sendMessage('reportMentions', { url: location.href, claims, status, stats }).catch(() => {
      // The background may be restarting or the extension reloaded: the next change re-reports.
    });
  };

  function scheduleReport(): void {
    if (reportTimer !== undefined) return;
    reportTimer = ctx.setTimeout(() => {
      reportTimer = undefined;
      try {
        send(claimCounts());
      } catch (e) {
        status = { state: 'error', detail: String(e) };
      }
    }, REPORT_DELAY_MS);
  }

  const stopScanning = () => {
    session++;
    scanner?.stop();
    scanner = null;
    highlighter?.remove(store.values());
    highlighter?.dispose();
    highlighter = null;
    store.clear();
  };

  const startScanning = async () => {
    const mine = ++session;
    const [rules] = await Promise.all([sendMessage('loadMatchRules', {}), lookLoaded]);
    if (mine !== session || ctx.isInvalid) return;
    if (rules.length === 0) {
      status = { state: 'no-rules' };
      scheduleReport();
      return;
    }
    const matcher = compileMatcher(rules);
    highlighter = createHighlighter(rules.map((r) => r.id), look);
    scanner = new PageScanner({
      matcher,
      store,
      highlighter,
      onStatus: (s) => {
        status = s;
        scheduleReport();
      },
      onError: () => {},
    });
    scanner.start();
  };

  /** Brings scanning in line with the settings: off, or on with fresh rules when `reload`. */
  const apply = async (next: Settings, reload: boolean) => {
    settings = next;
    const off = offState(next);
    if (off) {
      stopScanning();
      status = off;
      scheduleReport();
    } else if (!scanner || reload) {
      stopScanning();
      status = { state: 'scanning' };
      scheduleReport();
      await startScanning();
    }
  };

  store.subscribe(scheduleReport);

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isTabBroadcast(message) || ctx.isInvalid) return undefined;
    const done =
      message.type === 'settingsChanged'
        ? apply(message.payload.settings, false)
        : settings && !offState(settings)
          ? apply(settings, true)
          : Promise.resolve();
    done.catch(fail);
    return undefined;
  });

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    scanner?.rescan();
    scheduleReport();
  });
  ctx.addEventListener(window, 'pagehide', () => send([]));
  ctx.addEventListener(window, 'pageshow', (e: PageTransitionEvent) => {
    if (e.persisted) scheduleReport();
  });
  ctx.onInvalidated(() => {
    try {
      stopScanning();
    } catch {
      // The page is being torn down or the extension reloaded: nothing left to clean.
    }
  });

  sendMessage('getSettings', {})
    .then((s) => apply(s, true))
    .catch(fail);
}

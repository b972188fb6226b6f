/**
 * The popup: header (pop-out control), three tabs — "On this page", "All
 * claims", "Packs" — and the highlighting switches.
 *
 * Contract: renders at once with what it has and fills in as answers
 * arrive (fast first paint), asking again while the tab is still being read
 * or has not reported yet (for UNREAD_POLLS tries);
 * the lists behind "All claims" and "Packs" are asked for only when that tab
 * is first shown. `tabId` null means no tab is known (then "On this page"
 * says so); undefined means it is still being looked up (the shell shows
 * meanwhile). `openClaim` expands that claim (the card's "more"
 * view). Tabs follow the WAI-ARIA tabs pattern (arrows, Home, End).
 * Load errors are shown in place. Never throws.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { ClaimList, PackInfo, Settings } from '@/data/queries';
import { AllClaims, LIST_LIMIT } from './all-claims';
import { OnThisPage } from './on-this-page';
import { PacksPanel } from './packs-panel';
import { errorText, type PopupApi, type TabReport } from './popup-api';
import { SiteSwitches } from './site-switches';

export interface PopupProps {
  api: PopupApi;
  tabId: number | null | undefined;
  openClaim?: string | null;
  /** Present when the popup can open itself in a tab (not when it already is one). */
  onPopOut?: () => void;
  onOptions?: () => void;
  /** Called once, when the first tab shows its content (not a loading line). */
  onReady?: () => void;
}

const TABS = ['page', 'claims', 'packs'] as const;
const RESCAN_POLL_MS = 500;
/** How often to ask again for a tab that has not reported yet (its first report follows the page's scan by a moment). */
const UNREAD_POLLS = 10;
type Tab = (typeof TABS)[number];

export function Popup({ api, tabId, openClaim = null, onPopOut, onOptions, onReady }: PopupProps) {
  const [report, setReport] = useState<TabReport | null | undefined>(undefined);
  const [claims, setClaims] = useState<ClaimList | null>(null);
  const [packs, setPacks] = useState<PackInfo[] | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Until the reader picks a tab: "On this page", unless the page was never read (browser and
  // extension pages) or the claim to open is not on it; then "All claims".
  const [picked, setPicked] = useState<Tab | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const focusSearch = useRef(false);

  const fail = (e: unknown) => setError(errorText(e));
  const reloadPacks = () => api.listPacks().then(setPacks);
  useEffect(() => {
    api.settings().then(setSettings, fail);
  }, [api]);
  useEffect(() => {
    if (tabId === null) setReport(null);
    else if (tabId !== undefined) api.tabReport(tabId).then(setReport, (e: unknown) => (setReport(null), fail(e)));
  }, [api, tabId]);

  // While the page is still being read, or has not reported yet (a popup opened as the page
  // loads), ask again shortly so counts fill in.
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (tabId === null || tabId === undefined) return;
    const waiting = report === null ? asked < UNREAD_POLLS : report?.status.state === 'scanning';
    if (!waiting) return;
    const again = (r: TabReport | null) => (setReport(r), setAsked((n) => n + 1));
    const timer = setTimeout(() => api.tabReport(tabId).then(again, () => {}), RESCAN_POLL_MS);
    return () => clearTimeout(timer);
  }, [report, asked]);

  const onPage = (id: string | null) => !!id && !!report?.claims.some((c) => c.claimId === id);
  const tab: Tab = picked ?? (report === undefined || (report !== null && (!openClaim || onPage(openClaim))) ? 'page' : 'claims');

  // The lists are only needed under their tabs: a big pack must not slow the first paint.
  const wantClaims = tab === 'claims';
  useEffect(() => {
    if (wantClaims && claims === null) api.listClaims(LIST_LIMIT).then(setClaims, fail);
  }, [wantClaims]);
  const wantPacks = tab === 'packs';
  useEffect(() => {
    if (wantPacks && packs === null) reloadPacks().catch(fail);
  }, [wantPacks]);

  const ready = report !== undefined && (tab !== 'claims' || claims !== null);
  const readyReported = useRef(false);
  useEffect(() => {
    if (ready && !readyReported.current) {
      readyReported.current = true;
      onReady?.();
    }
  }, [ready]);

  useEffect(() => {
    if (tab === 'claims' && focusSearch.current) {
      focusSearch.current = false;
      searchRef.current?.focus();
    }
  }, [tab]);

  const found = report?.claims.length ?? 0;
  const labels: Record<Tab, string> = {
    page: found > 0 ? `${t('tabPage')} (${found})` : t('tabPage'),
    claims: t('tabClaims'),
    packs: t('tabPacks'),
  };

  const select = (next: Tab, focus = false) => {
    setPicked(next);
    if (focus) tabRefs.current[next]?.focus();
  };
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length]
      : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length]
      : e.key === 'Home' ? TABS[0]
      : e.key === 'End' ? TABS[TABS.length - 1]
      : undefined;
    if (next) {
      e.preventDefault();
      select(next, true);
    }
  };

  return (
    <div class="pp">
      <header class="pp-header">
        <h1 class="pp-brand">
          <span class="pp-logo" aria-hidden="true" />
          {t('extName')}
        </h1>
        {onPopOut && (
          <button type="button" class="pp-icon-button" onClick={onPopOut} title={t('popOut')} aria-label={t('popOut')}>
            <svg viewBox="0 0 16 16" aria-hidden="true" width="16" height="16">
              <path d="M9 2h5v5M14 2 7.5 8.5M12 9.5V13a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" />
            </svg>
          </button>
        )}
      </header>
      <div class="pp-tabs" role="tablist" aria-label={t('sectionsLabel')} onKeyDown={onTabKey}>
        {TABS.map((id) => (
          <button
            key={id}
            ref={(el) => void (tabRefs.current[id] = el)}
            type="button"
            role="tab"
            id={`pp-tab-${id}`}
            class="pp-tab"
            aria-selected={tab === id}
            aria-controls={`pp-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => select(id)}
          >
            {labels[id]}
          </button>
        ))}
      </div>
      {error && (
        <p class="pp-error pp-banner" role="alert">
          {t('loadFailed', error)}
        </p>
      )}
      <main class="pp-main">
        {TABS.map((id) => (
          <section
            key={id}
            id={`pp-panel-${id}`}
            class="pp-panel"
            role="tabpanel"
            aria-labelledby={`pp-tab-${id}`}
            tabIndex={0}
            hidden={tab !== id}
          >
            {id === 'page' &&
              (report === undefined ? (
                <p class="pp-muted">{t('loading')}</p>
              ) : (
                <OnThisPage
                  api={api}
                  tabId={tabId ?? null}
                  report={report}
                  settings={settings}
                  openClaim={openClaim}
                  onSearch={() => {
                    focusSearch.current = true;
                    select('claims');
                  }}
                />
              ))}
            {id === 'claims' && <AllClaims api={api} claims={claims} openClaim={openClaim} inputRef={searchRef} />}
            {id === 'packs' && <PacksPanel api={api} packs={packs} reload={reloadPacks} onOptions={onOptions} />}
          </section>
        ))}
      </main>
      <footer class="pp-footer">
        <SiteSwitches api={api} host={report?.host ?? null} settings={settings} onSettings={setSettings} />
      </footer>
    </div>
  );
}

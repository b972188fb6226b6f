/**
 * "On this page": the claims the scanner found on the popup's tab, each with
 * its mention count, expandable to the full timeline, with a "show on page"
 * control; a status line when the page was not (fully) scanned; an empty
 * state that offers the claim search.
 *
 * Contract: `report` null means the tab never reported (browser pages, the
 * extension's own pages, pages loaded before install). Errors of "show on
 * page" are shown beside the claim. Never throws.
 */
import { useEffect, useState } from 'preact/hooks';
import { plural, t } from '@/components/i18n';
import type { ClaimContext, Settings } from '@/data/queries';
import { ClaimRow } from './claim-row';
import { errorText, type PopupApi, type TabReport } from './popup-api';

export interface OnThisPageProps {
  api: Pick<PopupApi, 'claimContext' | 'showOnPage'>;
  tabId: number | null;
  report: TabReport | null;
  settings: Settings | null;
  openClaim: string | null;
  onSearch: () => void;
}

export function OnThisPage({ api, tabId, report, settings, openClaim, onSearch }: OnThisPageProps) {
  const status = statusLine(report, settings);
  const claims = report?.claims ?? [];
  const contexts = useContexts(api, claims);
  return (
    <>
      {status && (
        <p class="pp-status" role="status">
          {status}
        </p>
      )}
      {claims.length === 0 ? (
        <div class="pp-empty">
          <p class="pp-empty-title">{t('nothingFound')}</p>
          <p class="pp-muted">{t('nothingFoundHint')}</p>
          <button type="button" class="pp-button" onClick={onSearch}>
            {t('searchAllClaims')}
          </button>
        </div>
      ) : contexts === null ? (
        <p class="pp-muted">{t('loading')}</p>
      ) : (
        <ul class="pp-claims">
          {claims.map(({ claimId, count }) => (
            <ClaimRow
              key={claimId}
              api={api}
              claimId={claimId}
              context={contexts.get(claimId)}
              // A claim the store no longer has (pack removed since the scan) is named by its id.
              title={contexts.get(claimId)?.claim.title ?? claimId}
              initiallyOpen={openClaim === claimId}
              detail={<span class="pp-count">{plural('mentions', count)}</span>}
              actions={
                tabId !== null && (
                  <ShowOnPage api={api} tabId={tabId} claimId={claimId} title={contexts.get(claimId)?.claim.title ?? claimId} />
                )
              }
            />
          ))}
        </ul>
      )}
    </>
  );
}

interface ShowOnPageProps {
  api: Pick<PopupApi, 'showOnPage'>;
  tabId: number;
  claimId: string;
  /** Completes the button's accessible name: every row has one. */
  title: string;
}

function ShowOnPage({ api, tabId, claimId, title }: ShowOnPageProps) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        class="pp-button pp-button-small"
        onClick={() => {
          setError(null);
          api.showOnPage(tabId, claimId).catch((e: unknown) => setError(t('showOnPageFailed', errorText(e))));
        }}
      >
        {t('showOnPage')}
        <span class="sl-vh">: {title}</span>
      </button>
      {error && (
        <p class="pp-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function statusLine(report: TabReport | null, settings: Settings | null): string | null {
  // Settings first: they are live, the report may predate a switch just flipped.
  if (settings && !settings.enabled) return t('statusOffEverywhere');
  if (report === null) return t('statusNotScanned');
  if (report.host && settings?.disabledSites.includes(report.host)) return t('statusOffHere', report.host);
  const { state, detail } = report.status;
  switch (state) {
    case 'scanning':
      return t('statusScanning');
    case 'no-rules':
      return t('statusNoRules');
    case 'gave-up':
      return t('statusGaveUp', detail ?? '');
    case 'error':
      return t('statusError', detail ?? '');
    default:
      // 'done', and 'disabled' / 'site-disabled' already answered by the live settings above.
      return null;
  }
}

/** The contexts of the claims on the page (few), for their titles and instant opening; null while loading. */
function useContexts(api: Pick<PopupApi, 'claimContext'>, claims: TabReport['claims']): Map<string, ClaimContext> | null {
  const [contexts, setContexts] = useState<Map<string, ClaimContext> | null>(null);
  const key = claims.map((c) => c.claimId).join('\n');
  useEffect(() => {
    const missing = claims.filter((c) => !contexts?.has(c.claimId));
    if (contexts && missing.length === 0) return;
    let live = true;
    // Only claims not loaded yet (a report that grows keeps what it has); a claim that fails to
    // load keeps its row, which retries when opened.
    Promise.all(missing.map((c) => api.claimContext(c.claimId).catch(() => null))).then((list) => {
      if (!live) return;
      setContexts((old) => new Map([...(old ?? []), ...list.flatMap((c) => (c ? [[c.claim.id, c] as const] : []))]));
    });
    return () => void (live = false);
  }, [api, key]);
  return contexts;
}

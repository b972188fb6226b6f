/**
 * "Packs": each installed pack with publisher, version, issue date, origin,
 * when it was last checked and the result; a "Sync now" button showing
 * progress while the sync runs and a clear message when it fails.
 *
 * Contract: after a sync (success or failure) the list is reloaded so the
 * last-check lines are current, and each subscription's result is listed. A background without a sync handler gives a
 * plain "not available" message. Never throws.
 */
import { useState } from 'preact/hooks';
import { formatDateTime } from '@/components/format-date';
import { t } from '@/components/i18n';
import type { PackInfo } from '@/data/queries';
import type { SyncReport } from '@/lib/sync-messages';
import { errorText, type PopupApi } from './popup-api';

export interface PacksPanelProps {
  api: Pick<PopupApi, 'syncNow'>;
  packs: PackInfo[] | null;
  reload: () => Promise<void>;
  onOptions?: () => void;
}

type SyncState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; reports: SyncReport[] }
  | { state: 'failed'; message: string };

export function PacksPanel({ api, packs, reload, onOptions }: PacksPanelProps) {
  const [sync, setSync] = useState<SyncState>({ state: 'idle' });
  const running = sync.state === 'running';

  const syncNow = async () => {
    setSync({ state: 'running' });
    try {
      setSync({ state: 'done', reports: await api.syncNow() });
    } catch (e) {
      setSync({ state: 'failed', message: syncError(e) });
    }
    await reload().catch(() => undefined);
  };

  return (
    <>
      <div class="pp-toolbar">
        <button type="button" class="pp-button pp-button-primary" onClick={syncNow} disabled={running} aria-busy={running}>
          {running && <span class="pp-spinner" aria-hidden="true" />}
          {t(running ? 'syncing' : 'syncNow')}
        </button>
        {onOptions && (
          <button type="button" class="pp-button" onClick={onOptions}>
            {t('manageSubscriptions')}
          </button>
        )}
      </div>
      <div role="status" class="pp-sync-status" data-sync={sync.state}>
        {sync.state === 'running' && <p class="pp-muted">{t('syncRunning')}</p>}
        {sync.state === 'done' && <SyncResults reports={sync.reports} />}
      </div>
      {sync.state === 'failed' && (
        <p class="pp-error" role="alert">
          {sync.message}
        </p>
      )}
      {packs === null ? (
        <p class="pp-muted">{t('loading')}</p>
      ) : packs.length === 0 ? (
        <p class="pp-empty-title">{t('noPacks')}</p>
      ) : (
        <ul class="pp-packs">
          {packs.map((p) => (
            <li key={p.id} class="pp-pack" data-pack={p.id}>
              <h3 class="pp-pack-title">{p.title}</h3>
              <dl class="pp-facts">
                <dt>{t('packPublisher')}</dt>
                <dd>{p.publisher}</dd>
                <dt>{t('packVersion')}</dt>
                <dd>
                  {p.version}
                  <span class="pp-muted"> · {t(p.origin === 'bundled' ? 'originBundled' : 'originSync')}</span>
                </dd>
                <dt>{t('packIssued')}</dt>
                <dd>
                  <time dateTime={p.issued}>{formatDateTime(p.issued)}</time>
                </dd>
                <dt>{t('packLastCheck')}</dt>
                <dd>
                  {p.lastCheck ? (
                    <>
                      <time dateTime={p.lastCheck.at}>{formatDateTime(p.lastCheck.at)}</time>
                      <span class="pp-sep"> · </span>
                      <span class={p.lastCheck.ok ? 'pp-ok' : 'pp-error-text'}>
                        {p.lastCheck.ok ? t('checkOk') : t('checkFailed')}
                      </span>
                      {p.lastCheck.message && <span class="pp-check-message"> {p.lastCheck.message}</span>}
                    </>
                  ) : (
                    t('neverChecked')
                  )}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function syncError(e: unknown): string {
  const message = errorText(e);
  // The router's answer when no topic registered the message: sync is not part of this build.
  if (/no handler for message/.test(message)) return t('syncUnavailable');
  return t('syncFailed', message);
}

function SyncResults({ reports }: { reports: SyncReport[] }) {
  if (reports.length === 0) return <p class="pp-muted">{t('syncNothing')}</p>;
  return (
    <ul class="pp-sync-results">
      {reports.map((r) => (
        <li key={r.packId} class={r.status === 'failed' ? 'pp-error-text' : 'pp-ok'}>
          <span class="pp-sync-pack">{r.packId}</span>: {r.message}
        </li>
      ))}
    </ul>
  );
}

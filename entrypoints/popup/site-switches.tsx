/**
 * The two highlighting switches: on this site (the host the tab's content
 * script reported) and everywhere. Each change is saved by the background,
 * which tells open tabs, so it takes effect without a reload.
 *
 * Contract: a switch shows the saved state returned by the background (the
 * requested state while saving; further flips wait until then) and shows
 * the error, keeping the old state, if saving fails. Without a known host
 * the site switch is disabled with an explanation. Never throws.
 */
import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { Settings } from '@/data/queries';
import { errorText, type PopupApi } from './popup-api';

export interface SiteSwitchesProps {
  api: Pick<PopupApi, 'setEnabled' | 'setSiteEnabled'>;
  host: string | null;
  settings: Settings | null;
  onSettings: (s: Settings) => void;
}

export function SiteSwitches({ api, host, settings, onSettings }: SiteSwitchesProps) {
  // While a change is saved the switch shows the requested state (no snap-back).
  const [pending, setPending] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = pending ?? settings;

  const save = (requested: Settings, change: () => Promise<Settings>) => {
    // Not disabled while saving (that would drop keyboard focus): later flips wait their turn.
    if (pending) return;
    setPending(requested);
    setError(null);
    change()
      .then(onSettings, (e: unknown) => setError(t('saveFailed', errorText(e))))
      .finally(() => setPending(null));
  };
  const setSite = (on: boolean) => {
    if (!host || !shown) return;
    const others = shown.disabledSites.filter((h) => h !== host);
    save({ ...shown, disabledSites: on ? others : [...others, host] }, () => api.setSiteEnabled(host, on));
  };
  const setAll = (on: boolean) => {
    if (!shown) return;
    save({ ...shown, enabled: on }, () => api.setEnabled(on));
  };

  const busy = pending !== null;
  const siteOn = !!host && !!shown && !shown.disabledSites.includes(host);
  return (
    <div class="pp-switches">
      <label class="pp-switch">
        <input
          type="checkbox"
          role="switch"
          checked={siteOn}
          disabled={!host || !shown}
          aria-busy={busy}
          aria-describedby={host ? undefined : 'pp-site-hint'}
          onChange={(e) => setSite(e.currentTarget.checked)}
        />
        <span class="pp-switch-track" aria-hidden="true" />
        <span class="pp-switch-label">
          {host ? t('highlightOnSite', host) : t('highlightOnThisSite')}
          {!host && (
            <span id="pp-site-hint" class="pp-switch-hint">
              {t('siteUnknown')}
            </span>
          )}
        </span>
      </label>
      <label class="pp-switch">
        <input
          type="checkbox"
          role="switch"
          checked={!!shown?.enabled}
          disabled={!shown}
          aria-busy={busy}
          onChange={(e) => setAll(e.currentTarget.checked)}
        />
        <span class="pp-switch-track" aria-hidden="true" />
        <span class="pp-switch-label">{t('highlightEverywhere')}</span>
      </label>
      {error && (
        <p class="pp-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

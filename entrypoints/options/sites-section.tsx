/**
 * "Where highlighting is off": the everywhere switch and the list of sites
 * switched off (from the popup), each with a button to switch it back on.
 *
 * Contract: every change goes to the background at once and the list shows
 * the settings it returns; a failure is shown and changes nothing. Never throws.
 */
import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { Settings } from '@/data/queries';
import type { OptionsApi } from './options-api';

export interface SitesSectionProps {
  api: Pick<OptionsApi, 'setEnabled' | 'setSiteEnabled'>;
  settings: Settings;
  onSettings: (s: Settings) => void;
}

export function SitesSection({ api, settings, onSettings }: SitesSectionProps) {
  const [error, setError] = useState<string | null>(null);
  const run = (change: Promise<Settings>) => {
    setError(null);
    change.then(onSettings, (e: unknown) => setError(t('saveFailed', e instanceof Error ? e.message : String(e))));
  };
  return (
    <section class="op-card" aria-labelledby="op-sites-title">
      <h2 id="op-sites-title">{t('optionsSitesTitle')}</h2>
      <label class="op-check">
        <input type="checkbox" checked={settings.enabled} onChange={(e) => run(api.setEnabled(e.currentTarget.checked))} />
        {t('highlightEverywhere')}
      </label>
      {settings.disabledSites.length === 0 ? (
        <p class="op-muted">{t('optionsNoSitesOff')}</p>
      ) : (
        <ul class="op-list" aria-label={t('optionsSitesOffLabel')}>
          {settings.disabledSites.map((host) => (
            <li key={host} class="op-list-row">
              <span class="op-host">{host}</span>
              <button
                type="button"
                class="op-button op-button-small"
                aria-label={t('optionsSiteOnAgainFor', host)}
                onClick={() => run(api.setSiteEnabled(host, true))}
              >
                {t('optionsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="op-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

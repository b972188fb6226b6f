/**
 * The options page: highlight look and sync interval, where highlighting is
 * off, pack subscriptions, and settings backup.
 *
 * Contract: loads settings, preferences and subscriptions once; each
 * section saves its own part and hands back what was saved. A load failure
 * is shown in place of the parts it affects. Never throws.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { Settings } from '@/data/queries';
import type { Preferences } from '@/lib/preferences';
import type { SubscriptionView } from '@/lib/sync-messages';
import { BackupSection } from './backup-section';
import { HighlightSection } from './highlight-section';
import type { OptionsApi } from './options-api';
import { SitesSection } from './sites-section';
import { SubscriptionsSection } from './subscriptions-section';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function Options({ api }: { api: OptionsApi }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  const [subs, setSubs] = useState<SubscriptionView[] | null>(null);
  const [errors, setErrors] = useState<{ settings?: string; subs?: string }>({});

  useEffect(() => {
    Promise.all([api.settings(), api.loadPreferences()]).then(
      ([s, p]) => (setSettings(s), setPreferences(p)),
      (e: unknown) => setErrors((x) => ({ ...x, settings: message(e) })),
    );
    api.listSubscriptions().then(setSubs, (e: unknown) => setErrors((x) => ({ ...x, subs: message(e) })));
  }, [api]);

  return (
    <main class="op">
      <header class="op-header">
        <h1>
          <span class="pp-logo" aria-hidden="true" />
          {t('optionsTitle')}
        </h1>
      </header>
      {errors.settings && (
        <p class="op-error" role="alert">
          {t('loadFailed', errors.settings)}
        </p>
      )}
      {settings && preferences ? (
        <>
          <HighlightSection api={api} preferences={preferences} onSaved={setPreferences} />
          <SitesSection api={api} settings={settings} onSettings={setSettings} />
          <SubscriptionsSection api={api} subscriptions={subs} loadError={errors.subs ?? null} onChange={setSubs} />
          <BackupSection
            api={api}
            settings={settings}
            preferences={preferences}
            onImported={(r) => (setSettings(r.settings), setPreferences(r.preferences))}
          />
        </>
      ) : (
        !errors.settings && <p class="op-muted">{t('loading')}</p>
      )}
    </main>
  );
}

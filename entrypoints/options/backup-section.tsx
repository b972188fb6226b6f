/**
 * Export and import of settings as a JSON file.
 *
 * Contract: export downloads the current settings (settings-file.ts).
 * Import reads the chosen file, refuses it with every problem listed when
 * any part is invalid, and otherwise applies it all or nothing
 * (apply-settings.ts). Never throws.
 */
import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { Settings } from '@/data/queries';
import type { Preferences } from '@/lib/preferences';
import { applySettings } from './apply-settings';
import type { OptionsApi } from './options-api';
import { exportSettings, parseSettingsFile } from './settings-file';

export interface BackupSectionProps {
  api: Pick<OptionsApi, 'settings' | 'setEnabled' | 'setSiteEnabled' | 'loadPreferences' | 'savePreferences'>;
  settings: Settings;
  preferences: Preferences;
  onImported: (r: { settings: Settings; preferences: Preferences }) => void;
  /** Hands the file to the browser; default: a download link. */
  download?: (name: string, json: string) => void;
}

type Result = { ok: true; text: string } | { ok: false; text: string; errors: string[] };

export function BackupSection({ api, settings, preferences, onImported, download = downloadFile }: BackupSectionProps) {
  const [result, setResult] = useState<Result | null>(null);

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const parsed = parseSettingsFile(await file.text());
    if (!parsed.ok) {
      setResult({ ok: false, text: t('optionsImportRefused', file.name), errors: parsed.errors });
      return;
    }
    try {
      onImported(await applySettings(api, parsed.settings));
      setResult({ ok: true, text: t('optionsImported', file.name) });
    } catch (err) {
      setResult({ ok: false, text: err instanceof Error ? err.message : String(err), errors: [] });
    }
  };

  return (
    <section class="op-card" aria-labelledby="op-backup-title">
      <h2 id="op-backup-title">{t('optionsBackupTitle')}</h2>
      <p class="op-muted">{t('optionsBackupHint')}</p>
      <div class="op-actions">
        <button
          type="button"
          class="op-button"
          onClick={() => download('sourcelight-settings.json', JSON.stringify(exportSettings(settings, preferences), null, 2))}
        >
          {t('optionsExport')}
        </button>
        <label class="op-button op-file">
          {t('optionsImport')}
          <input type="file" accept="application/json,.json" onChange={onFile} />
        </label>
      </div>
      {result?.ok && (
        <p class="op-ok" role="status">
          {result.text}
        </p>
      )}
      {result && !result.ok && (
        <div class="op-error" role="alert">
          <p>{result.text}</p>
          {result.errors.length > 0 && (
            <ul>
              {result.errors.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function downloadFile(name: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

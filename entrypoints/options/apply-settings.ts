/**
 * Applies an imported settings file through the options API, all or nothing.
 *
 * Contract: the file is already validated (settings-file.ts). Writes the
 * preferences, the "everywhere" switch and the per-site switches (only the
 * sites that differ); if any write fails, restores what was there before
 * and rejects with an Error saying whether the restore succeeded.
 */
import type { Settings } from '@/data/queries';
import type { Preferences } from '@/lib/preferences';
import type { OptionsApi } from './options-api';
import type { SettingsFile } from './settings-file';

type Api = Pick<OptionsApi, 'settings' | 'setEnabled' | 'setSiteEnabled' | 'loadPreferences' | 'savePreferences'>;

export async function applySettings(api: Api, file: SettingsFile): Promise<{ settings: Settings; preferences: Preferences }> {
  const before = { settings: await api.settings(), preferences: await api.loadPreferences() };
  try {
    return await write(api, file.enabled, file.disabledSites, file.preferences, before.settings);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    try {
      await write(api, before.settings.enabled, before.settings.disabledSites, before.preferences, await api.settings());
    } catch {
      throw new Error(`Import failed part-way and the previous settings could not be fully restored: ${reason}`);
    }
    throw new Error(`Import failed; your previous settings are kept: ${reason}`);
  }
}

async function write(api: Api, enabled: boolean, sites: readonly string[], preferences: Preferences, current: Settings) {
  const saved = await api.savePreferences(preferences);
  let settings = await api.setEnabled(enabled);
  const wanted = new Set(sites);
  for (const host of current.disabledSites) if (!wanted.has(host)) settings = await api.setSiteEnabled(host, true);
  for (const host of wanted) if (!current.disabledSites.includes(host)) settings = await api.setSiteEnabled(host, false);
  return { settings, preferences: saved };
}
